package org.ordo.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.audit.InvariantChecker;
import org.ordo.promise.internal.Bookings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A warehouse's day is booked in stripes whose shares add up to its capacity (docs/adr/0009): placements on a day
 * with room do not wait for each other, wait only when every stripe with room is held, and never book past the
 * capacity; a capacity change shares the day out again. Each test books on a warehouse code of its own.
 */
@IntegrationTest
class BookingStripesIntegrationTests {

    private static final LocalDate DAY = LocalDate.parse("2031-06-04");

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InvariantChecker checker;
    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final String location = Fixtures.unique("STRIPES");

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    /** Books once in a transaction of its own and commits. */
    private boolean book(int capacity) {
        return Boolean.TRUE.equals(new TransactionTemplate(transactions).execute(s -> bookings.book(location, DAY,
                capacity)));
    }

    /**
     * Books once in a transaction on another thread and keeps it open until {@code end} counts down; then commits,
     * or rolls back when {@code rollback}. The future answers whether it booked.
     */
    private Future<Boolean> holding(int capacity, CountDownLatch booked, CountDownLatch end, boolean rollback) {
        return pool.submit(() -> new TransactionTemplate(transactions).execute(s -> {
            boolean ok = bookings.book(location, DAY, capacity);
            booked.countDown();
            try {
                assertThat(end.await(60, TimeUnit.SECONDS)).as("the test let the transaction end").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (rollback) {
                s.setRollbackOnly();
            }
            return ok;
        }));
    }

    /** {@link #holding} a booking that is kept: returns once it has booked, its transaction open until {@code end}. */
    private Future<Boolean> bookedAndOpen(int capacity, CountDownLatch end) throws InterruptedException {
        CountDownLatch booked = new CountDownLatch(1);
        Future<Boolean> open = holding(capacity, booked, end, false);
        assertThat(booked.await(60, TimeUnit.SECONDS)).isTrue();
        return open;
    }

    private int[] day() {
        return jdbc.sql("SELECT booked, capacity FROM promise_booking WHERE location = :l AND day = :d")
                .param("l", location).param("d", DAY)
                .query((rs, n) -> new int[] { rs.getInt("booked"), rs.getInt("capacity") }).single();
    }

    private List<Integer> shares() {
        return jdbc.sql("SELECT capacity FROM promise_booking_stripe WHERE location = :l AND day = :d ORDER BY stripe")
                .param("l", location).param("d", DAY).query(Integer.class).list();
    }

    /** Whether the day's row is marked full (docs/adr/0009). */
    private boolean markedFull() {
        return jdbc.sql("SELECT found_full FROM promise_booking_day WHERE location = :l AND day = :d")
                .param("l", location).param("d", DAY).query(Boolean.class).single();
    }

    /** The full days a placement's transaction reads to pass over. */
    private Set<LocalDate> fullToAPlacement(int capacity) {
        return new TransactionTemplate(transactions).execute(s -> bookings.full(location, DAY.minusDays(1), capacity));
    }

    private void noneOverbooked() {
        assertThat(checker.check().findings()).noneMatch(f -> f.invariant()
                .equals(InvariantChecker.CAPACITY_NOT_OVERBOOKED) && f.message().contains(location));
    }

    @Test
    void twoPlacementsOnADayWithRoomBothBookWhileTheOtherIsOpen() throws Exception {
        // the day's stripes exist (the first booking of a day makes them): sixteen of two or three, the first with
        // room left
        assertThat(book(40)).isTrue();
        CountDownLatch secondDone = new CountDownLatch(1);
        Future<Boolean> first = bookedAndOpen(40, secondDone);

        // the first holds its booking uncommitted; the second books the same day and commits meanwhile
        Future<Boolean> second = pool.submit(() -> book(40));
        assertThat(second.get(60, TimeUnit.SECONDS)).as("booked while the first was open").isTrue();
        assertThat(first.isDone()).as("the first is still open").isFalse();
        secondDone.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();

        assertThat(day()).containsExactly(3, 40);
        assertThat(jdbc.sql("SELECT count(*) FROM promise_booking_stripe WHERE location = :l AND booked > 0")
                .param("l", location).query(Long.class).single()).as("on stripes of their own").isEqualTo(2);
    }

    @Test
    void aPlacementWaitsWhenEveryStripeWithRoomIsHeldAndBooksTheRoomAnotherGivesUp() throws Exception {
        assertThat(book(3)).isTrue(); // three stripes of one: the first is full
        CountDownLatch booked = new CountDownLatch(2);
        CountDownLatch end = new CountDownLatch(1);
        Future<Boolean> rolledBack = holding(3, booked, end, true);
        Future<Boolean> kept = holding(3, booked, new CountDownLatch(0), false);
        assertThat(booked.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kept.get(60, TimeUnit.SECONDS)).isTrue();

        // every stripe with room is held (one by a placement that is still open): the third waits, not refused
        Future<Boolean> third = pool.submit(() -> book(3));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%promise_booking_stripe%'
                """).query(Long.class).single() == 1);
        assertThat(third.isDone()).isFalse();
        end.countDown();
        assertThat(rolledBack.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(third.get(60, TimeUnit.SECONDS)).as("the stripe the rolled-back placement gave up").isTrue();

        assertThat(day()).containsExactly(3, 3);
        assertThat(book(3)).as("full").isFalse();
    }

    @Test
    void sixteenConcurrentPlacementsBookExactlyTheCapacity() throws Exception {
        int capacity = 20;
        AtomicInteger booked = new AtomicInteger();
        List<Callable<Void>> placers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            placers.add(() -> {
                for (int j = 0; j < 4; j++) {
                    if (book(capacity)) {
                        booked.incrementAndGet();
                    }
                }
                return null;
            });
        }
        ExecutorService sixteen = Executors.newFixedThreadPool(16);
        try {
            for (Future<Void> f : sixteen.invokeAll(placers)) {
                f.get();
            }
        } finally {
            sixteen.shutdown();
        }
        assertThat(booked).hasValue(capacity);
        assertThat(day()).containsExactly(capacity, capacity);
        assertThat(shares()).hasSize(16).allSatisfy(share -> assertThat(share).isBetween(1, 2));
        noneOverbooked();
    }

    @Test
    void aCapacityChangeSharesTheDayOutAgain() {
        for (int i = 0; i < 5; i++) {
            assertThat(book(8)).isTrue();
        }
        assertThat(shares()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1);

        // lowered below the shares but above what is booked: room for one more
        assertThat(book(6)).isTrue();
        assertThat(book(6)).isFalse();
        assertThat(day()).containsExactly(6, 6);

        // lowered below what is booked: full, and the day keeps the capacity it was booked at
        assertThat(book(4)).isFalse();
        assertThat(day()).containsExactly(6, 6);

        // raised: three more, and the shares add up to it
        for (int i = 0; i < 3; i++) {
            assertThat(book(9)).isTrue();
        }
        assertThat(book(9)).isFalse();
        assertThat(day()).containsExactly(9, 9);
        assertThat(shares().stream().mapToInt(Integer::intValue).sum()).isEqualTo(9);
        noneOverbooked();
    }

    @Test
    void aBatchTakesFurtherStripesAndWaitsForNoneWhileItHoldsOne() throws Exception {
        assertThat(book(32)).isTrue(); // sixteen stripes of two; the first has one left
        CountDownLatch end = new CountDownLatch(1);
        Future<Boolean> other = bookedAndOpen(32, end);

        // one transaction books order after order: the fifteen free stripes, then the day reads as full to it, as
        // the only room left is held by the open placement (waiting for it could wait for each other)
        Future<List<Boolean>> batch = pool.submit(() -> new TransactionTemplate(transactions).execute(s -> {
            List<Boolean> answers = new ArrayList<>();
            for (int i = 0; i < 31; i++) {
                answers.add(bookings.book(location, DAY, 32));
            }
            return answers;
        }));
        List<Boolean> answers = batch.get(60, TimeUnit.SECONDS);
        assertThat(answers.subList(0, 30)).containsOnly(true);
        assertThat(answers.get(30)).isFalse();
        assertThat(other.isDone()).isFalse();
        end.countDown();
        assertThat(other.get(60, TimeUnit.SECONDS)).isTrue();

        assertThat(day()).containsExactly(32, 32);
        noneOverbooked();
    }

    @Test
    void aDayFoundFullIsMarkedForThePlacementsReadAndABookingGivenBackClearsTheMark() {
        assertThat(book(2)).isTrue();
        assertThat(book(2)).isTrue();
        // full, but no booking has found it so yet: a quote reads the stripes, a placement's guide only the mark
        assertThat(markedFull()).isFalse();
        assertThat(bookings.full(location, DAY.minusDays(1), 2)).containsExactly(DAY);
        assertThat(fullToAPlacement(2)).isEmpty();

        assertThat(book(2)).isFalse();
        assertThat(markedFull()).isTrue();
        assertThat(fullToAPlacement(2)).containsExactly(DAY);
        assertThat(fullToAPlacement(1)).as("full at a lower capacity too").containsExactly(DAY);
        assertThat(fullToAPlacement(3)).as("a raised capacity gives it room").isEmpty();

        new TransactionTemplate(transactions).executeWithoutResult(s -> bookings.unbook(location, DAY));
        assertThat(markedFull()).isFalse();
        assertThat(fullToAPlacement(2)).isEmpty();
        assertThat(book(2)).isTrue();
        assertThat(day()).containsExactly(2, 2);
        noneOverbooked();
    }

    @Test
    void aDayIsNotMarkedFullWhileABookingIsGivenBackOnItAndTheMarkWaitsForNone() throws Exception {
        assertThat(book(1)).isTrue();
        CountDownLatch given = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Future<?> giveBack = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            bookings.unbook(location, DAY);
            given.countDown();
            try {
                assertThat(end.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(given.await(60, TimeUnit.SECONDS)).isTrue();

        // the day reads full as committed, and its only stripe is held: refused at once, and not marked full, as the
        // room given back is about to be committed
        assertThat(pool.submit(() -> book(1)).get(60, TimeUnit.SECONDS)).isFalse();
        end.countDown();
        giveBack.get(60, TimeUnit.SECONDS);

        assertThat(markedFull()).isFalse();
        assertThat(day()).containsExactly(0, 1);
        noneOverbooked();
        assertThat(book(1)).isTrue();
    }

    @Test
    void aBookingGivenBackWhileAPlacementMarksTheDayFullClearsTheMarkAfterIt() throws Exception {
        assertThat(book(1)).isTrue();
        CountDownLatch end = new CountDownLatch(1);
        Future<Boolean> marker = bookedAndOpen(1, end); // finds the day full and marks it

        Future<?> giveBack = pool.submit(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(s -> bookings.unbook(location, DAY)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%promise_booking_day%'
                """).query(Long.class).single() == 1);
        end.countDown();
        assertThat(marker.get(60, TimeUnit.SECONDS)).as("found full").isFalse();
        giveBack.get(60, TimeUnit.SECONDS);

        assertThat(markedFull()).isFalse();
        assertThat(day()).containsExactly(0, 1);
        noneOverbooked();
    }
}
