package org.ordo.promise;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Locales;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.ordo.promise.internal.CalendarCache;
import org.ordo.promise.internal.Calendars;
import org.ordo.promise.internal.Destinations;
import org.ordo.promise.internal.PromiseContext;
import org.ordo.promise.internal.PromiseSettings;
import org.ordo.promise.internal.PublicHolidays;
import org.ordo.promise.internal.Weekdays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendars promises are computed from, as the API and the back office read and set them: each warehouse's
 * calendar with its cut-offs, the carrier services with their transit days, closing days, and the public holidays
 * the library gives for a country (docs/promise.md). Every change counts up the calendars' version, so every node
 * promises with it within a second ({@link CalendarCache}). Refused input names every faulty field and changes
 * nothing.
 */
@Service
public class PromiseCalendars {

    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,32}");

    private final Calendars calendars;
    private final CalendarCache cache;
    private final InventoryManagement inventory;
    private final PromiseSettings settings;
    private final Clock clock;

    PromiseCalendars(Calendars calendars, CalendarCache cache, InventoryManagement inventory, PromiseSettings settings,
            Clock clock) {
        this.calendars = calendars;
        this.cache = cache;
        this.inventory = inventory;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every location's calendar, its own or the defaults. */
    @Transactional(readOnly = true)
    public List<WarehouseCalendar> warehouses() {
        var rows = calendars.warehouses();
        var cutOffs = calendars.cutOffs();
        return inventory.locations().stream().map(l -> calendar(l, rows.get(l.code()), cutOffs)).toList();
    }

    /** One location's calendar, its own or the defaults (404 for an unknown location). */
    @Transactional(readOnly = true)
    public WarehouseCalendar warehouse(String location) {
        Location l = location(location);
        return calendar(l, calendars.warehouses().get(location), calendars.cutOffs());
    }

    private Location location(String code) {
        return inventory.locations().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("location", code));
    }

    private WarehouseCalendar calendar(Location l, Calendars.WarehouseRow row, List<Calendars.CutOffRow> cutOffs) {
        List<WarehouseCalendar.CutOff> own = cutOffs.stream().filter(c -> c.location().equals(l.code()))
                .map(c -> new WarehouseCalendar.CutOff(c.carrier(), c.service(), c.cutOff())).toList();
        if (row == null) {
            String country = l.address() != null && l.address().country() != null ? l.address().country() : "DE";
            return new WarehouseCalendar(l.code(), settings.timeZone().getId(), country, null,
                    List.copyOf(new java.util.TreeSet<>(PromiseContext.WEEKDAYS)), settings.handlingDays(),
                    settings.dailyCapacity(), own, false, null);
        }
        return new WarehouseCalendar(l.code(), row.timeZone(), row.country(), row.region(),
                List.copyOf(Weekdays.of(row.workingDays())), row.handlingDays(),
                row.dailyCapacity(), own, true, row.updatedAt());
    }

    /**
     * Replaces a warehouse's calendar (404 for an unknown location, 422 naming every faulty field). Promises made
     * before keep their dates; capacity already booked stays booked.
     */
    @Transactional
    public WarehouseCalendar setWarehouse(String location, WarehouseCalendarDraft d) {
        Location l = location(location);
        List<FieldError> errors = new ArrayList<>();
        try {
            if (d.timeZone() == null || d.timeZone().length() > 64) {
                errors.add(new FieldError("timeZone", Wording.of("promise.is_required_an_iana_time_zone")));
            } else {
                ZoneId.of(d.timeZone());
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", Wording.of("promise.is_not_a_time_zone_use")));
        }
        if (!isCountry(d.country())) {
            errors.add(new FieldError("country", Wording.of("promise.must_be_an_iso_3166_1")));
        }
        if (d.region() != null && !Destinations.REGION.matcher(d.region()).matches()) {
            errors.add(new FieldError("region", Wording.of("promise.must_be_the_subdivision_part_of")));
        }
        days(errors, "workingDays", d.workingDays());
        if (d.handlingDays() == null || d.handlingDays() < 0 || d.handlingDays() > 30) {
            errors.add(new FieldError("handlingDays", Wording.of("promise.must_be_from_0_to_30")));
        }
        if (d.dailyCapacity() == null || d.dailyCapacity() < 1 || d.dailyCapacity() > 1_000_000) {
            errors.add(new FieldError("dailyCapacity", Wording.of("promise.must_be_from_1_to_1000000")));
        }
        List<WarehouseCalendar.CutOff> cutOffs = d.cutOffs() == null ? List.of() : d.cutOffs();
        if (cutOffs.size() > 100) {
            errors.add(new FieldError("cutOffs", Wording.of("promise.must_have_at_most_100_entries")));
        } else {
            List<CarrierService> services = calendars.services();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cutOffs.size(); i++) {
                WarehouseCalendar.CutOff c = cutOffs.get(i);
                if (c.carrier() == null || c.service() == null || services.stream().noneMatch(
                        s -> s.carrier().equals(c.carrier()) && s.service().equals(c.service()))) {
                    errors.add(new FieldError("cutOffs[" + i + "]", Wording.of("promise.names_no_carrier_service")));
                } else if (!seen.add(c.carrier() + " " + c.service())) {
                    errors.add(new FieldError("cutOffs[" + i + "]",
                            Wording.of("promise.names_its_carrier_service_twice")));
                }
                if (c.cutOff() == null) {
                    errors.add(new FieldError("cutOffs[" + i + "].cutOff",
                            Wording.of("promise.is_required_such_as_14_00")));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        cache.changing();
        calendars.saveWarehouse(new Calendars.WarehouseRow(location, d.timeZone(), d.country(), d.region(),
                Weekdays.bits(d.workingDays()), d.handlingDays().intValue(),
                d.dailyCapacity().intValue(), clock.instant()), cutOffs);
        return calendar(l, calendars.warehouses().get(location), calendars.cutOffs());
    }

    /** Every carrier service, active or not. */
    @Transactional(readOnly = true)
    public List<CarrierService> services() {
        return calendars.services();
    }

    /** Creates or replaces a carrier service with its transit days (422 naming every faulty field). */
    @Transactional
    public CarrierService setService(String carrier, String service, CarrierService.Draft d) {
        List<FieldError> errors = new ArrayList<>();
        if (carrier == null || !CODE.matcher(carrier).matches()) {
            errors.add(new FieldError("carrier", Wording.of("promise.must_be_1_to_32_of")));
        }
        if (service == null || !CODE.matcher(service).matches()) {
            errors.add(new FieldError("service", Wording.of("promise.must_be_1_to_32_of")));
        }
        days(errors, "deliveryDays", d.deliveryDays());
        if (d.cutOff() == null) {
            errors.add(new FieldError("cutOff", Wording.of("promise.is_required_such_as_15_00")));
        }
        if (d.active() == null) {
            errors.add(new FieldError("active", Wording.of("platform.is_required")));
        }
        if (d.transit() == null || d.transit().isEmpty() || d.transit().size() > 300) {
            errors.add(new FieldError("transit", Wording.of("promise.must_have_1_to_300_zones")));
        } else {
            Set<String> zones = new HashSet<>();
            for (int i = 0; i < d.transit().size(); i++) {
                CarrierService.Transit t = d.transit().get(i);
                if (t.zone() == null || !(t.zone().equals("*") || isCountry(t.zone()))) {
                    errors.add(new FieldError("transit[" + i + "].zone",
                            Wording.of("promise.must_be_a_country_code_such")));
                } else if (!zones.add(t.zone())) {
                    errors.add(new FieldError("transit[" + i + "].zone", Wording.of("promise.is_named_twice")));
                }
                if (t.days() == null || t.days() < 0 || t.days() > 60) {
                    errors.add(new FieldError("transit[" + i + "].days", Wording.of("promise.must_be_from_0_to_60")));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        cache.changing();
        calendars.saveService(carrier, service, d.deliveryDays(), d.cutOff(), d.active(), d.transit(), clock.instant());
        return calendars.service(carrier, service).orElseThrow();
    }

    /** Closing days from today on. */
    @Transactional(readOnly = true)
    public List<ClosingDay> closingDays() {
        return calendars.closingDays(LocalDate.now(clock).minusDays(1));
    }

    /** Adds a closing day of the company ({@code *}) or a warehouse, or changes its reason (422, 404). */
    @Transactional
    public ClosingDay close(ClosingDay day) {
        List<FieldError> errors = new ArrayList<>();
        if (day.location() == null) {
            errors.add(new FieldError("location", Wording.of("promise.is_required_a_location_code_or")));
        } else if (!day.location().equals("*")
                && inventory.locations().stream().noneMatch(l -> l.code().equals(day.location()))) {
            errors.add(new FieldError("location", Wording.of("promise.is_no_location")));
        }
        if (day.day() == null) {
            errors.add(new FieldError("day", Wording.of("platform.is_required")));
        }
        if (day.reason() == null || day.reason().isBlank() || day.reason().length() > 200
                || TextInput.fault(day.reason(), false) != null) {
            errors.add(new FieldError("reason", Wording.of("promise.must_be_1_to_200_characters")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ClosingDay stored = new ClosingDay(day.location(), day.day(), day.reason().strip());
        cache.changing();
        calendars.saveClosingDay(stored);
        return stored;
    }

    /** A public holiday as the library gives it, named in the reader's language where it has that name. */
    public record PublicHoliday(LocalDate day, String name) {
    }

    /**
     * The public holidays of a country (and one of its regions) in a year, as promises keep them: from the holiday
     * library, Korea's from its lunar calendar; 422 for a malformed country, region or year. A country the library
     * does not know has none (company closing days stand in for them).
     */
    public List<PublicHoliday> holidays(String country, String region, int year, Locale locale) {
        List<FieldError> errors = new ArrayList<>();
        if (!isCountry(country)) {
            errors.add(new FieldError("country", Wording.of("promise.must_be_an_iso_3166_1")));
        }
        if (region != null && !Destinations.REGION.matcher(region).matches()) {
            errors.add(new FieldError("region", Wording.of("promise.must_be_the_subdivision_part_of")));
        }
        if (year < 1900 || year > 2200) {
            errors.add(new FieldError("year", Wording.of("promise.must_be_from_1900_to_2200")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return PublicHolidays.named(country, region, year, locale).entrySet().stream()
                .map(e -> new PublicHoliday(e.getKey(), e.getValue())).toList();
    }

    /**
     * Whether the code is a country of ISO 3166-1 (alpha-2, upper case): {@code XX} or {@code ZZ} have the form
     * and name none, so a calendar in them would silently have no holidays.
     */
    static boolean isCountry(String code) {
        return code != null && COUNTRY.matcher(code).matches() && Locales.isCountry(code);
    }

    /** Whether the holiday library knows this country's holidays. */
    public boolean knowsHolidaysOf(String country) {
        return PublicHolidays.knows(country);
    }

    private static void days(List<FieldError> errors, String field, List<DayOfWeek> days) {
        if (days == null || days.isEmpty() || days.size() > 7 || days.stream().anyMatch(d -> d == null)) {
            errors.add(new FieldError(field, Wording.of("promise.must_name_1_to_7_weekdays")));
        } else if (Set.copyOf(days).size() != days.size()) {
            errors.add(new FieldError(field, Wording.of("promise.names_a_weekday_twice")));
        }
    }
}
