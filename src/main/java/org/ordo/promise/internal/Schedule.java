package org.ordo.promise.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The promise's date arithmetic, without a database: the day a shipment can leave a warehouse with a carrier
 * service and the day it arrives. Pure, so that property tests can run it over generated calendars (docs/promise.md
 * states the rules).
 *
 * <ul>
 *   <li>A ship day is a working day of the warehouse, a day the carrier service picks up (its delivery days), not a
 *   public holiday at the warehouse and not a closing day.</li>
 *   <li>An order placed after the cut-off (in the warehouse's time zone) counts from the next day; goods that are
 *   not there yet count from the day they are ready.</li>
 *   <li>Handling days are whole ship days after the first one; a day without room left (capacity) moves the
 *   shipment to the next ship day.</li>
 *   <li>Transit days count only the carrier service's delivery days that are not public holidays at the
 *   destination, and the delivery day is such a day too.</li>
 * </ul>
 */
public final class Schedule {

    /** No calendar has no working day for ten years; a configuration that has none is refused before this. */
    private static final int HORIZON_DAYS = 3660;

    private final Holidays holidays;

    public Schedule(Holidays holidays) {
        this.holidays = holidays;
    }

    /** A warehouse as the computation sees it: {@code country}/{@code region} name its public holidays. */
    public record Warehouse(String location, ZoneId zone, Set<DayOfWeek> workingDays, int handlingDays,
            String country, String region, Set<LocalDate> closingDays) {
    }

    /** A carrier service from one warehouse to one destination: its cut-off there and its transit days. */
    public record Service(String carrier, String service, Set<DayOfWeek> deliveryDays, LocalTime cutOff,
            int transitDays) {
    }

    /** Where a shipment goes, for its holidays. */
    public record Destination(String country, String region) {
    }

    /** Whether a shipment can leave {@code warehouse} with {@code service} on {@code day}. */
    public boolean shipsOn(Warehouse warehouse, Service service, LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return warehouse.workingDays().contains(weekday) && service.deliveryDays().contains(weekday)
                && !warehouse.closingDays().contains(day)
                && !holidays.isHoliday(day, warehouse.country(), warehouse.region());
    }

    /** Whether a warehouse works on {@code day} at all: a working day, no public holiday there, no closing day. */
    public boolean worksOn(Warehouse warehouse, LocalDate day) {
        return warehouse.workingDays().contains(day.getDayOfWeek()) && !warehouse.closingDays().contains(day)
                && !holidays.isHoliday(day, warehouse.country(), warehouse.region());
    }

    /** Whether {@code service} delivers at {@code destination} on {@code day}. */
    public boolean deliversOn(Service service, Destination destination, LocalDate day) {
        return service.deliveryDays().contains(day.getDayOfWeek())
                && !holidays.isHoliday(day, destination.country(), destination.region());
    }

    /**
     * The ship-by day of an order taken at {@code now} whose goods are ready on {@code readyOn} (null: now):
     * the first ship day after the cut-off and handling days on which {@code hasRoom} accepts it. {@code hasRoom}
     * may book the day (it is asked once per candidate day, in order, and the answer is the first day it accepted).
     */
    public LocalDate shipBy(Instant now, LocalDate readyOn, Warehouse warehouse, Service service,
            Predicate<LocalDate> hasRoom) {
        ZonedDateTime local = now.atZone(warehouse.zone());
        LocalDate day = local.toLocalDate();
        // At the cut-off itself the order is still in time; any later it is not, so its cut-off is never past
        if (local.toLocalTime().isAfter(service.cutOff())) {
            day = day.plusDays(1);
        }
        if (readyOn != null && readyOn.isAfter(day)) {
            day = readyOn;
        }
        day = nextShipDay(warehouse, service, day);
        for (int i = 0; i < warehouse.handlingDays(); i++) {
            day = nextShipDay(warehouse, service, day.plusDays(1));
        }
        for (int i = 0; i < HORIZON_DAYS && !hasRoom.test(day); i++) {
            day = nextShipDay(warehouse, service, day.plusDays(1));
        }
        return day;
    }

    /** The deliver-by day of a shipment that leaves on {@code shipBy}. */
    public LocalDate deliverBy(LocalDate shipBy, Service service, Destination destination) {
        LocalDate day = shipBy;
        int left = service.transitDays();
        for (int i = 0; i < HORIZON_DAYS && left > 0; i++) {
            day = day.plusDays(1);
            if (deliversOn(service, destination, day)) {
                left--;
            }
        }
        for (int i = 0; i < HORIZON_DAYS && !deliversOn(service, destination, day); i++) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The cut-off instant of a ship day: when the shipment must leave (the order's {@code promisedAt}). */
    public static Instant cutOffOn(LocalDate shipBy, Warehouse warehouse, Service service) {
        return shipBy.atTime(service.cutOff()).atZone(warehouse.zone()).toInstant();
    }

    private LocalDate nextShipDay(Warehouse warehouse, Service service, LocalDate from) {
        LocalDate day = from;
        for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (shipsOn(warehouse, service, day)) {
                return day;
            }
        }
        throw new IllegalStateException("No ship day for " + service.carrier() + " " + service.service() + " at "
                + warehouse.location() + " within " + HORIZON_DAYS + " days");
    }

    /** Whether a warehouse and a carrier service share a weekday at all (else the service is no option there). */
    public static boolean meet(Warehouse warehouse, Service service) {
        return warehouse.workingDays().stream().anyMatch(service.deliveryDays()::contains);
    }
}
