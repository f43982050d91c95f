package org.ordo.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.ordo.promise.internal.PublicHolidays;
import org.ordo.promise.internal.Schedule;

/** The promise's date rules over generated calendars, and the cases the issue names (docs/promise.md). */
class ScheduleTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private final Schedule schedule = new Schedule(new PublicHolidays());

    /** A generated calendar: random working days, closing days, holidays, cut-off, handling and transit days. */
    record Calendar(Set<DayOfWeek> workingDays, Set<DayOfWeek> deliveryDays, Set<LocalDate> closingDays,
            Set<LocalDate> holidays, LocalTime cutOff, int handlingDays, int transitDays, Instant now,
            LocalDate readyOn) {
    }

    @Provide
    Arbitrary<Calendar> calendars() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1);
        LocalDate start = LocalDate.of(2026, 1, 1);
        Arbitrary<Set<LocalDate>> dates = Arbitraries.integers().between(0, 400).map(start::plusDays).set().ofMaxSize(60);
        Arbitrary<LocalTime> cutOffs = Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
        Arbitrary<Instant> nows = Arbitraries.longs().between(0, 365L * 24 * 60).map(m -> start.atStartOfDay(BERLIN)
                .toInstant().plusSeconds(m * 60));
        Arbitrary<LocalDate> ready = Arbitraries.integers().between(0, 400).map(start::plusDays).injectNull(0.5);
        return Combinators.combine(days, days, dates, dates, cutOffs, Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 10), nows).as((w, d, c, h, cut, handling, transit, now) ->
                        new Calendar(w, sharing(d, w), c, h, cut, handling, transit, now, null))
                .flatMap(c -> ready.map(r -> new Calendar(c.workingDays(), c.deliveryDays(), c.closingDays(),
                        c.holidays(), c.cutOff(), c.handlingDays(), c.transitDays(), c.now(), r)));
    }

    /** A carrier's days share at least one with the warehouse's: a pair that shares none is refused as set up. */
    private static Set<DayOfWeek> sharing(Set<DayOfWeek> carrier, Set<DayOfWeek> warehouse) {
        Set<DayOfWeek> days = EnumSet.copyOf(carrier);
        days.add(warehouse.iterator().next());
        return days;
    }

    private static Schedule.Warehouse warehouse(Calendar c) {
        return new Schedule.Warehouse("W", BERLIN, c.workingDays(), c.handlingDays(), "XX", null, c.closingDays());
    }

    private static Schedule.Service service(Calendar c) {
        return new Schedule.Service("DHL", "STANDARD", c.deliveryDays(), c.cutOff(), c.transitDays());
    }

    private static Schedule withDestinationHolidays(Set<LocalDate> holidays) {
        return new Schedule((day, country, region) -> country.equals("YY") && holidays.contains(day));
    }

    @Property(tries = 300)
    void aPromiseNeverLandsOnANonWorkingDayOfWarehouseOrCarrierNorOnAHolidayAtTheDestination(
            @ForAll("calendars") Calendar c) {
        Schedule rules = withDestinationHolidays(c.holidays());
        LocalDate shipBy = rules.shipBy(c.now(), c.readyOn(), warehouse(c), service(c), day -> true);
        LocalDate deliverBy = rules.deliverBy(shipBy, service(c), new Schedule.Destination("YY", null));

        assertThat(c.workingDays()).contains(shipBy.getDayOfWeek());
        assertThat(c.deliveryDays()).contains(shipBy.getDayOfWeek());
        assertThat(c.closingDays()).doesNotContain(shipBy);
        assertThat(c.deliveryDays()).contains(deliverBy.getDayOfWeek());
        assertThat(c.holidays()).doesNotContain(deliverBy);
        assertThat(deliverBy).isAfterOrEqualTo(shipBy);
        assertThat(shipBy).isAfterOrEqualTo(LocalDate.ofInstant(c.now(), BERLIN));
        if (c.readyOn() != null) {
            assertThat(shipBy).isAfterOrEqualTo(c.readyOn());
        }
    }

    @Property(tries = 300)
    void anOrderOneMinuteAfterTheCutOffShipsOnTheNextShipDay(@ForAll("calendars") Calendar c,
            @ForAll @IntRange(min = 0, max = 300) int dayOffset) {
        Calendar noHandling = new Calendar(c.workingDays(), c.deliveryDays(), c.closingDays(), c.holidays(),
                LocalTime.of(14, 0), 0, c.transitDays(), c.now(), null);
        Schedule.Warehouse w = warehouse(noHandling);
        Schedule.Service s = service(noHandling);
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(dayOffset);
        Instant atCutOff = day.atTime(14, 0).atZone(BERLIN).toInstant();

        LocalDate inTime = schedule.shipBy(atCutOff, null, w, s, d -> true);
        LocalDate late = schedule.shipBy(atCutOff.plusSeconds(60), null, w, s, d -> true);

        if (schedule.shipsOn(w, s, day)) {
            assertThat(inTime).isEqualTo(day);
            assertThat(late).isAfter(day);
        }
        // the next ship day after the day of the order, and none in between
        for (LocalDate between = day.plusDays(1); between.isBefore(late); between = between.plusDays(1)) {
            assertThat(schedule.shipsOn(w, s, between)).isFalse();
        }
        assertThat(schedule.shipsOn(w, s, late)).isTrue();
    }

    @Property(tries = 100)
    void aFullDayMovesTheShipmentToTheNextShipDayWithRoom(@ForAll("calendars") Calendar c,
            @ForAll @IntRange(min = 1, max = 20) int capacity, @ForAll @IntRange(min = 1, max = 60) int orders) {
        Map<LocalDate, Integer> booked = new HashMap<>();
        Schedule.Warehouse w = warehouse(c);
        Schedule.Service s = service(c);
        for (int i = 0; i < orders; i++) {
            schedule.shipBy(c.now(), c.readyOn(), w, s, day -> {
                if (booked.getOrDefault(day, 0) >= capacity) {
                    return false;
                }
                booked.merge(day, 1, Integer::sum);
                return true;
            });
        }
        assertThat(booked.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(capacity));
        assertThat(booked.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(orders);
        assertThat(booked.keySet()).allSatisfy(day -> assertThat(schedule.shipsOn(w, s, day)).isTrue());
    }

    @Test
    void theFiveHundredFirstOrderOfADayWithCapacityFiveHundredShipsTheNextWorkingDay() {
        Schedule.Warehouse w = new Schedule.Warehouse("W", BERLIN, WEEKDAYS, 0, "DE", "BE", Set.of());
        Schedule.Service s = new Schedule.Service("DHL", "STANDARD", WEEKDAYS, LocalTime.of(14, 0), 1);
        Instant fridayMorning = ZonedDateTime.of(2026, 12, 4, 9, 0, 0, 0, BERLIN).toInstant();
        Map<LocalDate, Integer> booked = new HashMap<>();
        LocalDate last = null;
        for (int i = 1; i <= 501; i++) {
            last = schedule.shipBy(fridayMorning, null, w, s, day -> {
                if (booked.getOrDefault(day, 0) >= 500) {
                    return false;
                }
                booked.merge(day, 1, Integer::sum);
                return true;
            });
            if (i == 500) {
                assertThat(last).isEqualTo(LocalDate.of(2026, 12, 4));
            }
        }
        assertThat(last).isEqualTo(LocalDate.of(2026, 12, 7)); // Monday
    }

    @Test
    void chuseokIsNoDeliveryDayInKorea() {
        Schedule.Service s = new Schedule.Service("UPS", "EXPRESS", EnumSet.allOf(DayOfWeek.class), LocalTime.NOON, 1);
        // Chuseok 2026: 24 to 26 September (Thursday to Saturday)
        LocalDate deliverBy = schedule.deliverBy(LocalDate.of(2026, 9, 23), s, new Schedule.Destination("KR", null));
        assertThat(deliverBy).isEqualTo(LocalDate.of(2026, 9, 27));
        Set<LocalDate> chuseok2027 = new HashSet<>();
        for (LocalDate d = LocalDate.of(2027, 9, 1); d.isBefore(LocalDate.of(2027, 10, 1)); d = d.plusDays(1)) {
            if (new PublicHolidays().isHoliday(d, "KR", null)) {
                chuseok2027.add(d);
            }
        }
        assertThat(chuseok2027).containsExactlyInAnyOrder(LocalDate.of(2027, 9, 14), LocalDate.of(2027, 9, 15),
                LocalDate.of(2027, 9, 16));
    }

    @Test
    void epiphanyIsAHolidayInBavariaButNotInBerlin() {
        Schedule.Service s = new Schedule.Service("DHL", "STANDARD", WEEKDAYS, LocalTime.NOON, 1);
        LocalDate monday = LocalDate.of(2026, 1, 5);
        assertThat(schedule.deliverBy(monday, s, new Schedule.Destination("DE", "BY"))).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(schedule.deliverBy(monday, s, new Schedule.Destination("DE", "BE"))).isEqualTo(LocalDate.of(2026, 1, 6));
    }

    @Test
    void aWarehouseDoesNotShipOnItsOwnPublicHolidays() {
        Schedule.Warehouse munich = new Schedule.Warehouse("MUC", BERLIN, WEEKDAYS, 0, "DE", "BY", Set.of());
        Schedule.Service s = new Schedule.Service("DHL", "STANDARD", WEEKDAYS, LocalTime.of(14, 0), 1);
        Instant afterCutOffMonday = ZonedDateTime.of(2026, 1, 5, 15, 0, 0, 0, BERLIN).toInstant();
        assertThat(schedule.shipBy(afterCutOffMonday, null, munich, s, d -> true)).isEqualTo(LocalDate.of(2026, 1, 7));
    }
}
