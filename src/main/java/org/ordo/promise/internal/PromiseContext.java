package org.ordo.promise.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.ordo.inventory.Location;
import org.ordo.promise.CarrierService;

/**
 * What one promise computation reads once: the locations and calendars as this node holds them
 * ({@link CalendarCache}), and the capacity booked so far per warehouse, read when first asked for.
 * A warehouse without a calendar of its own keeps the defaults of {@link PromiseSettings}.
 */
public final class PromiseContext {

    /** The working days of a warehouse without a calendar of its own. */
    public static final Set<DayOfWeek> WEEKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    private final LocalDate today;
    private final Map<String, Location> locations;
    private final Calendars.Snapshot snapshot;
    private final PromiseSettings settings;
    private final Bookings bookings;
    private final java.util.function.Function<String, Location> unknown;
    private final Map<String, Set<LocalDate>> full = new HashMap<>();
    private final Map<String, Schedule.Warehouse> warehouses = new HashMap<>();
    private final Map<ServiceKey, Optional<Schedule.Service>> services;

    /** A carrier service from a warehouse to a country: what {@link #service} answers depends on nothing else. */
    record ServiceKey(String carrier, String service, String location, String country) {
    }

    /**
     * {@code services}: the carrier services worked out so far from this {@code snapshot}, shared by every
     * computation over it ({@link CalendarCache}); a new snapshot comes with an empty map.
     */
    PromiseContext(LocalDate today, Map<String, Location> locations, Calendars.Snapshot snapshot,
            PromiseSettings settings, Bookings bookings, java.util.function.Function<String, Location> unknown,
            Map<ServiceKey, Optional<Schedule.Service>> services) {
        this.services = services;
        this.unknown = unknown;
        this.today = today;
        this.locations = locations;
        this.snapshot = snapshot;
        this.settings = settings;
        this.bookings = bookings;
    }

    /** Today in UTC: the day supply dates and lead times count from. */
    public LocalDate today() {
        return today;
    }

    /**
     * The location with that code, also one registered since this node last read them (read again at once), so that a
     * new warehouse is promised from with its own address and priority; null when there is none.
     */
    public Location location(String code) {
        return locations.containsKey(code) ? locations.get(code) : unknown.apply(code);
    }

    public Calendars.Snapshot snapshot() {
        return snapshot;
    }

    public List<CarrierService> services() {
        return snapshot.services();
    }

    public PromiseSettings settings() {
        return settings;
    }

    /** A warehouse's calendar as the schedule sees it: its own, or the defaults and its address's country. */
    public Schedule.Warehouse warehouse(String location) {
        return warehouses.computeIfAbsent(location, code -> {
            Set<LocalDate> closed = new HashSet<>();
            snapshot.closingDays().stream().filter(c -> c.location().equals("*") || c.location().equals(code))
                    .forEach(c -> closed.add(c.day()));
            Calendars.WarehouseRow row = snapshot.warehouses().get(code);
            if (row != null) {
                return new Schedule.Warehouse(code, ZoneId.of(row.timeZone()), Set.copyOf(
                        Weekdays.of(row.workingDays())), row.handlingDays(), row.country(), row.region(), closed);
            }
            Location l = location(code);
            String country = l != null && l.address() != null && l.address().country() != null
                    ? l.address().country() : "DE";
            return new Schedule.Warehouse(code, settings.timeZone(), WEEKDAYS, settings.handlingDays(), country,
                    null, closed);
        });
    }

    public int capacity(String location) {
        Calendars.WarehouseRow row = snapshot.warehouses().get(location);
        return row != null ? row.dailyCapacity() : settings.dailyCapacity();
    }

    /**
     * Books a day at a warehouse if it has room (docs/promise.md, "The promise of an order"): a day this computation
     * read as full is passed over without a statement (in a backlog an order would otherwise try, and lock, every
     * full day before the first with room); for a day read with room the conditional booking decides, so one that
     * filled meanwhile answers false and the next is tried.
     */
    public Predicate<LocalDate> booking(String location) {
        Predicate<LocalDate> room = room(location);
        int capacity = capacity(location);
        return day -> room.test(day) && bookings.book(location, day, capacity);
    }

    /** Whether a day has room, from what was booked when this computation first asked (books nothing). */
    public Predicate<LocalDate> room(String location) {
        int capacity = capacity(location);
        Set<LocalDate> days = full.computeIfAbsent(location, l -> bookings.full(l, today.minusDays(1), capacity));
        return day -> !days.contains(day);
    }

    public Optional<CarrierService> carrierService(String carrier, String service) {
        return snapshot.services().stream().filter(c -> c.carrier().equals(carrier) && c.service().equals(service))
                .findFirst();
    }

    /** A carrier service from a warehouse to a destination: empty when it does not go there. */
    public Optional<Schedule.Service> service(String carrier, String service, String location,
            Schedule.Destination to) {
        // worked out once per snapshot: every order's promise asks it for each active carrier service
        return services.computeIfAbsent(new ServiceKey(carrier, service, location, to.country()),
                k -> newService(carrier, service, location, to));
    }

    private Optional<Schedule.Service> newService(String carrier, String service, String location,
            Schedule.Destination to) {
        return carrierService(carrier, service).flatMap(s -> transitDays(s, to.country()).map(days ->
                new Schedule.Service(carrier, service, Set.copyOf(s.deliveryDays()), cutOff(s, location), days)));
    }

    /** A carrier service at a warehouse regardless of destination (transit 0): for its ship days and cut-off. */
    public Schedule.Service pickUp(CarrierService s, String location) {
        return new Schedule.Service(s.carrier(), s.service(), Set.copyOf(s.deliveryDays()), cutOff(s, location), 0);
    }

    /** The warehouse's own cut-off for the service, else the service's. */
    public LocalTime cutOff(CarrierService s, String location) {
        return snapshot.cutOffs().stream().filter(c -> c.location().equals(location)
                && c.carrier().equals(s.carrier()) && c.service().equals(s.service()))
                .map(Calendars.CutOffRow::cutOff).findFirst().orElse(s.cutOff());
    }

    /** The moment a shipment must leave to keep a ship-by day: its cut-off there, in the warehouse's time zone. */
    public Optional<Instant> mustShipAt(LocalDate shipBy, String carrier, String service, String location) {
        return carrierService(carrier, service).map(c -> shipBy.atTime(cutOff(c, location))
                .atZone(warehouse(location).zone()).toInstant());
    }

    /** The active location that ships first (priority, then code); where backorders wait without a policy. */
    public String firstLocation() {
        return locations.values().stream().filter(Location::active)
                .min(Comparator.comparingInt(Location::priority).thenComparing(Location::code)).map(Location::code)
                .orElse(null);
    }

    private static Optional<Integer> transitDays(CarrierService s, String country) {
        Optional<Integer> exact = s.transit().stream().filter(t -> t.zone().equals(country))
                .map(CarrierService.Transit::days).findFirst();
        return exact.isPresent() ? exact : s.transit().stream().filter(t -> t.zone().equals("*"))
                .map(CarrierService.Transit::days).findFirst();
    }
}
