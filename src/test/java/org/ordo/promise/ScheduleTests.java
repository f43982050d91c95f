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

import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.promise.internal.PublicHolidays;
import org.ordo.promise.internal.Schedule;

/**
 * The promise's date rules over generated calendars, and the cases the issue names (docs/promise.md). Each
 * generated case comes from its own seed, named in the test's display name, so a failure is repeated exactly by
 * that seed.
 */
class ScheduleTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private final Schedule schedule = new Schedule(new PublicHolidays());

    /** A generated calendar: random working days, closing days, holidays, cut-off, handling and transit days. */
    record Calendar(Set<DayOfWeek> workingDays, Set<DayOfWeek> deliveryDays, Set<LocalDate> closingDays,
            Set<LocalDate> holidays, LocalTime cutOff, int handlingDays, int transitDays, Instant now,
            LocalDate readyOn) {
    }

    /** Seeds of the generated cases: the same every run, so that a failure can be reproduced. */
    static LongStream seeds() {
        return LongStream.range(0, 300).map(i -> 0x5EEDL * 31 + i);
    }

    /** A generated calendar: random working days, closing days, holidays, cut-off, handling and transit days. */
    static Calendar calendar(Random random) {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Set<DayOfWeek> working = days(random);
        Set<DayOfWeek> delivery = sharing(days(random), working);
        int minutes = random.nextInt(24 * 60);
        Instant now = start.atStartOfDay(BERLIN).toInstant().plusSeconds(random.nextLong(365L * 24 * 60) * 60);
        LocalDate ready = random.nextBoolean() ? null : start.plusDays(random.nextInt(401));
        return new Calendar(working, delivery, dates(random, start), dates(random, start),
                LocalTime.of(minutes / 60, minutes % 60), random.nextInt(6), random.nextInt(11), now, ready);
    }

    /** At least one day of the week. */
    private static Set<DayOfWeek> days(Random random) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextBoolean()) {
                days.add(day);
            }
        }
        if (days.isEmpty()) {
            days.add(DayOfWeek.of(1 + random.nextInt(7)));
        }
        return days;
    }

    /** Up to 60 days of the 400 after {@code start}. */
    private static Set<LocalDate> dates(Random random, LocalDate start) {
        Set<LocalDate> dates = new HashSet<>();
        int n = random.nextInt(61);
        for (int i = 0; i < n; i++) {
            dates.add(start.plusDays(random.nextInt(401)));
        }
        return dates;
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aPromiseNeverLandsOnANonWorkingDayOfWarehouseOrCarrierNorOnAHolidayAtTheDestination(long seed) {
        Calendar c = calendar(new Random(seed));
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anOrderOneMinuteAfterTheCutOffShipsOnTheNextShipDay(long seed) {
        Random random = new Random(seed);
        Calendar c = calendar(random);
        int dayOffset = random.nextInt(301);
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFullDayMovesTheShipmentToTheNextShipDayWithRoom(long seed) {
        Random random = new Random(seed);
        Calendar c = calendar(random);
        int capacity = 1 + random.nextInt(20);
        int orders = 1 + random.nextInt(60);
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
