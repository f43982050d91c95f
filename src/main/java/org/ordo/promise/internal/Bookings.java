package org.ordo.promise.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ordo.platform.PerTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Capacity booked per warehouse and day, and the promise of each shipment of an order. */
@Repository
public class Bookings {

    private final JdbcClient jdbc;
    private final PerTransaction<Pending> pending = new PerTransaction<>(this::write);

    Bookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stripes a new day's capacity is shared over (fewer when the capacity is smaller): placements on one day book
     * without waiting for each other as long as this many stripes have room (docs/adr/0009).
     */
    static final int STRIPES = 16;

    /**
     * Books one order on a warehouse's day if the day has room at {@code capacity}; a full day answers false and
     * books nothing. The day's capacity is shared over stripes (rows of {@code promise_booking_stripe} whose shares
     * add up to it, each with the CHECK {@code booked <= capacity}), and a booking locks one stripe with room that no
     * other placement holds, until the placement commits: concurrent placements on one day do not wait for each
     * other while a stripe with room is free, wait for one only when every stripe with room is held, and never book
     * past a share, so never past the day's capacity (docs/adr/0009-a-days-capacity-booked-in-stripes.md).
     * Inside a transaction the bookings are counted here on the stripes it holds and written with the promised
     * shipments before the commit, one statement for all ({@link #flush}): a batch of orders (an EDI interchange's
     * transaction of messages) books per warehouse and day, not per order (docs/benchmarks.md, P4). When its stripes
     * of a day are full it takes another free one with room, never waits for one (two batches holding a stripe each
     * would wait for each other), and reads the day as full when none is free. (Should an order be refused after it
     * booked, which only a concurrent order with the same external reference can cause, its savepoint's rollback
     * releases the stripe's lock; a booking another transaction then makes is not counted here, and the CHECK
     * refuses the commit rather than book past the share.) Outside a transaction: each booking on its own.
     */
    public boolean book(String location, LocalDate day, int capacity) {
        Optional<Pending> pending = this.pending.get(Pending::new);
        if (pending.isEmpty()) {
            while (true) {
                Optional<Stripe> stripe = take(location, day, capacity, List.of(), true);
                if (stripe.isEmpty()) {
                    return false;
                }
                if (jdbc.sql("""
                        UPDATE promise_booking_stripe SET booked = booked + 1
                        WHERE location = :location AND day = :day AND stripe = :stripe AND booked < capacity
                        """).param("location", location).param("day", day).param("stripe", stripe.get().stripe)
                        .update() == 1) {
                    return true;
                }
            }
        }
        Pending p = pending.get();
        DayKey key = new DayKey(location, day);
        BookedDay d = p.days.computeIfAbsent(key, k -> new BookedDay(capacity));
        if (d.full) {
            return false;
        }
        for (Stripe s : d.stripes) {
            if (s.booked + s.added < s.share) {
                s.added++;
                return true;
            }
        }
        // a transaction that holds a stripe of the day (now or before a flush) takes another only if it is free
        Optional<Stripe> stripe = take(location, day, capacity,
                d.stripes.stream().map(s -> s.stripe).toList(), !p.locked.contains(key));
        if (stripe.isEmpty()) {
            d.full = true;
            return false;
        }
        p.locked.add(key);
        d.stripes.add(stripe.get());
        stripe.get().added++;
        return true;
    }

    /**
     * Locks a stripe of a day with room for this transaction (other than those it holds): one that no other
     * transaction holds; else, if {@code wait}, the first with room once its holder is done. Makes the day's stripes
     * when it has none, and shares its capacity out again when it changed. Empty when the day is full (then marked
     * so, for the promise's read of the days to pass over), or when every stripe with room is held and this
     * transaction must not wait. The capacity asked for is checked against the day's row, not the sum of its
     * stripes' shares (docs/adr/0009).
     */
    private Optional<Stripe> take(String location, LocalDate day, int capacity, List<Integer> held, boolean wait) {
        while (true) {
            Optional<Stripe> free = jdbc.sql("""
                    SELECT s.stripe, s.booked, s.capacity FROM promise_booking_stripe s
                    WHERE s.location = :location AND s.day = :day AND s.booked < s.capacity
                      AND s.stripe <> ALL(CAST(:held AS smallint[]))
                      AND EXISTS (SELECT 1 FROM promise_booking_day d
                                  WHERE d.location = :location AND d.day = :day AND d.capacity = :capacity)
                    ORDER BY s.stripe LIMIT 1 FOR UPDATE OF s SKIP LOCKED
                    """).param("location", location).param("day", day).param("capacity", capacity)
                    .param("held", held.toArray(Integer[]::new)).query(Bookings::stripe).optional();
            if (free.isPresent()) {
                return free;
            }
            DayState state = jdbc.sql("""
                    SELECT count(*) AS stripes, coalesce(sum(capacity), 0) AS capacity,
                           coalesce(sum(booked), 0) AS booked, count(*) FILTER (WHERE booked < capacity) AS open
                    FROM promise_booking_stripe WHERE location = :location AND day = :day
                    """).param("location", location).param("day", day).query((rs, n) -> new DayState(
                    rs.getInt("stripes"), rs.getInt("capacity"), rs.getInt("booked"), rs.getInt("open"))).single();
            if (state.stripes() == 0) {
                if (!wait) {
                    return Optional.empty();
                }
                create(location, day, capacity);
                continue;
            }
            if (state.capacity() != capacity && (state.capacity() < capacity || state.booked() < state.capacity())) {
                if (!wait) {
                    return Optional.empty();
                }
                share(location, day, capacity);
                continue;
            }
            if (state.open() == 0) {
                markFull(location, day);
                return Optional.empty();
            }
            if (!wait) {
                return Optional.empty();
            }
            Optional<Stripe> waited = jdbc.sql("""
                    SELECT stripe, booked, capacity FROM promise_booking_stripe
                    WHERE location = :location AND day = :day AND booked < capacity
                      AND stripe <> ALL(CAST(:held AS smallint[]))
                    ORDER BY stripe LIMIT 1 FOR UPDATE
                    """).param("location", location).param("day", day).param("held", held.toArray(Integer[]::new))
                    .query(Bookings::stripe).optional();
            if (waited.isPresent()) {
                return waited;
            }
        }
    }

    /**
     * Marks a day found full, unless another transaction holds its row (one marking it, or giving a booking back):
     * its row locked first, then its stripes read in a statement of their own, so a booking given back is either
     * seen here or clears the mark after this transaction commits ({@link #unbookOne}). A day marked full never has
     * room; one not marked may be full.
     */
    private void markFull(String location, LocalDate day) {
        if (jdbc.sql("""
                SELECT 1 FROM promise_booking_day WHERE location = :location AND day = :day AND NOT found_full
                FOR UPDATE SKIP LOCKED
                """).param("location", location).param("day", day).query(Integer.class).optional().isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE promise_booking_day SET found_full = true
                WHERE location = :location AND day = :day AND NOT EXISTS (
                    SELECT 1 FROM promise_booking_stripe
                    WHERE location = :location AND day = :day AND booked < capacity)
                """).param("location", location).param("day", day).update();
    }

    /** A new day's stripes: its capacity shared evenly (a concurrent transaction may make them first). */
    private void create(String location, LocalDate day, int capacity) {
        writeShares(location, day, shares(new int[Math.min(STRIPES, capacity)], capacity), 0, false);
    }

    /**
     * Writes a day's stripes with these shares and its row with their sum: new ones with nothing booked; existing
     * ones get their new shares when {@code update}, else stay as they are (a concurrent first booking made them).
     * The day's row is full when the stripes had booked {@code booked} of it.
     */
    private void writeShares(String location, LocalDate day, int[] shares, int booked, boolean update) {
        int capacity = java.util.Arrays.stream(shares).sum();
        String dayConflict = update ? "UPDATE SET capacity = excluded.capacity, found_full = excluded.found_full"
                : "NOTHING";
        jdbc.sql("""
                WITH day AS (
                    INSERT INTO promise_booking_day AS d (location, day, capacity, found_full)
                    VALUES (:location, :day, :capacity, :full)
                    ON CONFLICT (location, day) DO %s)
                INSERT INTO promise_booking_stripe AS b (location, day, stripe, booked, capacity)
                SELECT :location, :day, s.stripe - 1, 0, s.share
                FROM unnest(CAST(:shares AS int[])) WITH ORDINALITY AS s(share, stripe)
                ON CONFLICT (location, day, stripe) DO %s
                """.formatted(dayConflict, update ? "UPDATE SET capacity = excluded.capacity" : "NOTHING"))
                .param("location", location).param("day", day).param("capacity", capacity)
                .param("full", booked >= capacity)
                .param("shares", java.util.Arrays.stream(shares).boxed().toArray(Integer[]::new)).update();
    }

    /**
     * Shares a day's capacity out again after it changed: every stripe locked (one transaction at a time per day,
     * under an advisory lock, so none shares stripes another just added), each keeps at least what it booked, and
     * the shares add up to the new capacity, or to what is booked when that is more (the day is then full).
     */
    private void share(String location, LocalDate day, int capacity) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ordo.promise.booking'), hashtext(:key))")
                .param("key", location + " " + day).query(rs -> {
                });
        List<Stripe> stripes = jdbc.sql("""
                SELECT stripe, booked, capacity FROM promise_booking_stripe
                WHERE location = :location AND day = :day ORDER BY stripe FOR UPDATE
                """).param("location", location).param("day", day).query(Bookings::stripe).list();
        int[] booked = new int[Math.max(stripes.size(), Math.min(STRIPES, capacity))];
        stripes.forEach(s -> booked[s.stripe] = s.booked);
        writeShares(location, day, shares(booked, capacity), java.util.Arrays.stream(booked).sum(), true);
    }

    /**
     * Shares of {@code capacity} over stripes that booked {@code booked} each: every share at least its stripe's
     * booked count, the rest given to the smallest shares first, so they add up to {@code capacity} (to the booked
     * count when that is more) and differ by as little as what is booked allows.
     */
    static int[] shares(int[] booked, int capacity) {
        int[] shares = booked.clone();
        int rest = capacity - java.util.Arrays.stream(booked).sum();
        for (; rest > 0; rest--) {
            int smallest = 0;
            for (int i = 1; i < shares.length; i++) {
                if (shares[i] < shares[smallest]) {
                    smallest = i;
                }
            }
            shares[smallest]++;
        }
        return shares;
    }

    private static Stripe stripe(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stripe(rs.getInt("stripe"), rs.getInt("booked"), rs.getInt("capacity"));
    }

    /**
     * The days at a warehouse, from a day on, that have no room at {@code capacity}. Outside a transaction (a
     * quote, which books nothing) every such day, from the stripes. In a transaction (a placement, whose booking
     * decides) a guide read once per transaction: the days found full (by a booking that found no stripe with room)
     * at that capacity or more, and those this transaction found full; a day not among them may be full too, and its
     * booking then answers false (docs/adr/0009).
     */
    public Set<LocalDate> full(String location, LocalDate from, int capacity) {
        Optional<Pending> pending = this.pending.get(Pending::new);
        if (pending.isEmpty()) {
            return days(jdbc.sql("""
                    SELECT coalesce(array_agg(day), '{}') FROM (
                        SELECT day FROM promise_booking_stripe WHERE location = :location AND day >= :from
                        GROUP BY day HAVING sum(booked) >= :capacity) d
                    """), location, from, capacity);
        }
        Set<LocalDate> full = new HashSet<>(pending.get().read.computeIfAbsent(new Read(location, from, capacity),
                k -> days(jdbc.sql("""
                        SELECT coalesce(array_agg(day), '{}') FROM promise_booking_day
                        WHERE location = :location AND day >= :from AND found_full AND capacity >= :capacity
                        """), location, from, capacity)));
        pending.get().days.forEach((key, d) -> {
            if (d.full && key.location().equals(location) && !key.day().isBefore(from)) {
                full.add(key.day());
            }
        });
        return full;
    }

    /** The days a read answers, aggregated in one row (one array) rather than a row per day. */
    private static Set<LocalDate> days(JdbcClient.StatementSpec read, String location, LocalDate from, int capacity) {
        java.sql.Date[] days = read.param("location", location).param("from", from).param("capacity", capacity)
                .query((rs, n) -> (java.sql.Date[]) rs.getArray(1).getArray()).single();
        Set<LocalDate> full = new HashSet<>();
        for (java.sql.Date day : days) {
            full.add(day.toLocalDate());
        }
        return full;
    }

    /**
     * Days booked beyond their capacity, or with a stripe booked beyond its share (the CHECK on each stripe forbids
     * both); and days whose row disagrees with their stripes: another capacity than their shares' sum, marked full
     * with room left, or one without the other (the invariant checker asks).
     */
    public List<String> overbooked() {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                SELECT location || ' ' || day || ': ' || sum(booked)
                       || CASE WHEN sum(booked) > sum(capacity) THEN ' > ' ELSE ' of ' END || sum(capacity) || ' ('
                       || string_agg('stripe ' || stripe || ': ' || booked || ' > its share ' || capacity, ', '
                                     ORDER BY stripe) FILTER (WHERE booked > capacity) || ')' AS finding,
                       location, day
                FROM promise_booking_stripe GROUP BY location, day HAVING bool_or(booked > capacity)
                UNION ALL
                SELECT coalesce(d.location, s.location) || ' ' || coalesce(d.day, s.day) || ': ' || CASE
                           WHEN d.location IS NULL THEN 'stripes without the day''s row'
                           WHEN s.location IS NULL THEN 'the day''s row without stripes'
                           WHEN d.capacity <> s.capacity THEN 'the day''s capacity ' || d.capacity
                                || ' but its stripes'' shares add up to ' || s.capacity
                           ELSE 'marked full with ' || s.booked || ' of ' || s.capacity || ' booked' END,
                       coalesce(d.location, s.location), coalesce(d.day, s.day)
                FROM promise_booking_day d FULL JOIN (
                    SELECT location, day, sum(booked) AS booked, sum(capacity) AS capacity
                    FROM promise_booking_stripe GROUP BY location, day) s ON s.location = d.location AND s.day = d.day
                WHERE d.location IS NULL OR s.location IS NULL OR d.capacity <> s.capacity
                   OR (d.found_full AND s.booked < s.capacity)
                ORDER BY location, day, finding
                """).query((rs, n) -> rs.getString("finding")).list();
    }

    public record Promised(UUID orderId, String location, String carrier, String service, String source,
            LocalDate shipBy, LocalDate deliverBy) {
    }

    /**
     * Records the promise of each shipment of an order; inside a transaction written with the day's bookings before
     * the commit ({@link #flush}), or before anything else here reads or changes promises in it.
     */
    public void record(List<Promised> shipments, String orderNumber, Instant now) {
        Optional<Pending> pending = this.pending.get(Pending::new);
        if (pending.isPresent()) {
            shipments.forEach(p -> pending.get().shipments.add(new Recorded(p, orderNumber, now)));
            return;
        }
        for (Promised p : shipments) {
            jdbc.sql("""
                    INSERT INTO promised_shipment (order_id, location, carrier, service, source, ship_by, deliver_by,
                        created_at, order_number)
                    VALUES (:order, :location, :carrier, :service, :source, :shipBy, :deliverBy, :now, :number)
                    """).param("order", p.orderId()).param("number", orderNumber).param("location", p.location())
                    .param("carrier", p.carrier())
                    .param("service", p.service()).param("source", p.source()).param("shipBy", p.shipBy())
                    .param("deliverBy", p.deliverBy()).param("now", Timestamp.from(now)).update();
        }
    }

    /**
     * Writes what this transaction booked and promised, in one statement: the promised shipments of orders that
     * exist, and each day's bookings counted up by what was booked on it, less the shipments of orders that do not
     * exist (an order refused after its promise was rolled back to its savepoint, its order row with it), taken off the
     * stripes it booked last. The stripes stay locked until the commit; the next booking of a day reads one again. A placement promises before it writes its order and
     * reads no promise in between, so every order whose promise this writes has its row by then.
     */
    public void flush() {
        pending.current().ifPresent(this::write);
    }

    private void write(Pending p) {
        if (p.shipments.isEmpty() && p.days.isEmpty()) {
            return;
        }
        List<Recorded> recorded = List.copyOf(p.shipments);
        List<Held> held = new java.util.ArrayList<>();
        p.days.forEach((key, d) -> d.stripes.forEach(s -> held.add(new Held(key, s))));
        p.shipments.clear();
        p.days.clear();
        p.read.clear();
        jdbc.sql("""
                WITH recorded AS (
                    SELECT s.*, EXISTS (SELECT 1 FROM customer_order o WHERE o.id = s.order_id) AS placed
                    FROM unnest(CAST(:order AS uuid[]), CAST(:location AS text[]), CAST(:carrier AS text[]),
                        CAST(:service AS text[]), CAST(:source AS text[]), CAST(:shipBy AS date[]),
                        CAST(:deliverBy AS date[]), CAST(:createdAt AS timestamptz[]), CAST(:number AS text[]))
                        AS s(order_id, location, carrier, service, source, ship_by, deliver_by, created_at,
                             order_number)),
                shipment AS (
                    INSERT INTO promised_shipment (order_id, location, carrier, service, source, ship_by, deliver_by,
                        created_at, order_number)
                    SELECT order_id, location, carrier, service, source, ship_by, deliver_by, created_at, order_number
                    FROM recorded WHERE placed),
                undone AS (
                    SELECT location, ship_by AS day, count(*) AS orders FROM recorded WHERE NOT placed
                    GROUP BY location, ship_by),
                held AS (
                    SELECT d.*, sum(d.added) OVER (PARTITION BY d.location, d.day) AS day_added,
                           coalesce(sum(d.added) OVER (PARTITION BY d.location, d.day ORDER BY d.stripe
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS added_before
                    FROM unnest(CAST(:dayLocation AS text[]), CAST(:day AS date[]), CAST(:stripe AS smallint[]),
                        CAST(:added AS int[])) AS d(location, day, stripe, added)),
                kept AS (
                    SELECT h.location, h.day, h.stripe, greatest(0, least(h.added,
                        h.day_added - coalesce(u.orders, 0) - h.added_before)) AS added
                    FROM held h LEFT JOIN undone u ON u.location = h.location AND u.day = h.day)
                UPDATE promise_booking_stripe b SET booked = b.booked + k.added
                FROM kept k
                WHERE b.location = k.location AND b.day = k.day AND b.stripe = k.stripe AND k.added > 0
                """)
                .param("order", recorded.stream().map(r -> r.shipment().orderId().toString()).toArray(String[]::new))
                .param("location", recorded.stream().map(r -> r.shipment().location()).toArray(String[]::new))
                .param("carrier", recorded.stream().map(r -> r.shipment().carrier()).toArray(String[]::new))
                .param("service", recorded.stream().map(r -> r.shipment().service()).toArray(String[]::new))
                .param("source", recorded.stream().map(r -> r.shipment().source()).toArray(String[]::new))
                .param("shipBy", recorded.stream().map(r -> r.shipment().shipBy().toString()).toArray(String[]::new))
                .param("deliverBy", recorded.stream().map(r -> r.shipment().deliverBy().toString())
                        .toArray(String[]::new))
                .param("createdAt", recorded.stream().map(r -> r.at().toString()).toArray(String[]::new))
                .param("number", recorded.stream().map(Recorded::orderNumber).toArray(String[]::new))
                .param("dayLocation", held.stream().map(h -> h.day().location()).toArray(String[]::new))
                .param("day", held.stream().map(h -> h.day().day().toString()).toArray(String[]::new))
                .param("stripe", held.stream().map(h -> h.stripe().stripe).toArray(Integer[]::new))
                .param("added", held.stream().map(h -> h.stripe().added).toArray(Integer[]::new))
                .update();
    }

    /** A warehouse's day. */
    private record DayKey(String location, LocalDate day) {
    }

    /** A read of a warehouse's full days: from a day on, at a capacity. */
    private record Read(String location, LocalDate from, int capacity) {
    }

    /**
     * A day this transaction booked on: the stripes it holds, the capacity it booked at, and whether it found the
     * day full (or every stripe with room held by others while it holds one).
     */
    private static final class BookedDay {
        private final List<Stripe> stripes = new java.util.ArrayList<>(2);
        private final int capacity;
        private boolean full;

        BookedDay(int capacity) {
            this.capacity = capacity;
        }

        int added() {
            return stripes.stream().mapToInt(s -> s.added).sum();
        }
    }

    /** A stripe of a day locked by this transaction: booked and its share when locked, and what it added since. */
    private static final class Stripe {
        private final int stripe;
        private final int booked;
        private final int share;
        private int added;

        Stripe(int stripe, int booked, int share) {
            this.stripe = stripe;
            this.booked = booked;
            this.share = share;
        }
    }

    private record Held(DayKey day, Stripe stripe) {
    }

    /** A day's stripes as committed: how many, their shares' sum, what they booked, and how many have room. */
    private record DayState(int stripes, int capacity, int booked, int open) {
    }

    private record Recorded(Promised shipment, String orderNumber, Instant at) {
    }

    /** What this transaction booked and promised and has not written yet, and the days it read. */
    private static final class Pending {
        private final Map<DayKey, BookedDay> days = new java.util.LinkedHashMap<>();
        private final List<Recorded> shipments = new java.util.ArrayList<>();
        private final Map<Read, Set<LocalDate>> read = new HashMap<>();
        /** Days it has locked a stripe of, also before a flush: it waits for no stripe of them. */
        private final java.util.Set<DayKey> locked = new java.util.HashSet<>();
    }

    /**
     * Gives an order's booked ship days back, once: its promises are marked released and each day's count drops by
     * one. Returns how many days were given back (0 when they already were, or the order had no promise).
     */
    public int release(UUID orderId, Instant now) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return giveBack(jdbc.sql("""
                UPDATE promised_shipment SET released_at = :now
                WHERE order_id = :order AND released_at IS NULL
                RETURNING location, ship_by
                """).param("order", orderId).param("now", Timestamp.from(now)).query(Bookings::bookedDay).list());
    }

    /** Holds an order's promise for this transaction, so that two of its changes are promised one after the other. */
    public void lockOrder(UUID orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ordo.promise.order'), hashtext(:order))")
                .param("order", orderId.toString()).query(rs -> {
                });
    }

    /**
     * Forgets an order's open promises (not shipped, not given back) and gives their booked days back: a changed
     * order is promised again. Returns how many.
     */
    public int forget(UUID orderId) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return giveBack(jdbc.sql("""
                DELETE FROM promised_shipment
                WHERE order_id = :order AND released_at IS NULL AND shipped_at IS NULL
                RETURNING location, ship_by
                """).param("order", orderId).query(Bookings::bookedDay).list());
    }

    private static DayKey bookedDay(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DayKey(rs.getString("location"), rs.getObject("ship_by", LocalDate.class));
    }

    /** Gives one booking back on each of these days; how many were given back. */
    private int giveBack(List<DayKey> days) {
        int given = 0;
        for (DayKey d : days) {
            given += unbookOne(d.location(), d.day());
        }
        return given;
    }

    /**
     * Gives one booked order back on a day: on a stripe that booked one and that no placement holds, else on the
     * last that booked one once its holder is done. 0 when the day had nothing booked. The day's row is written in
     * the same statement (no longer full), whether it was marked or not: its lock, held to the commit, makes a
     * transaction marking the day full either skip it or wait for this one's commit to be undone
     * ({@link #markFull}).
     */
    private int unbookOne(String location, LocalDate day) {
        for (String lock : List.of("FOR UPDATE SKIP LOCKED", "FOR UPDATE")) {
            int given = jdbc.sql("""
                    WITH given AS (
                        UPDATE promise_booking_stripe b SET booked = b.booked - 1
                        WHERE b.location = :location AND b.day = :day AND b.booked > 0 AND b.stripe = (
                            SELECT stripe FROM promise_booking_stripe
                            WHERE location = :location AND day = :day AND booked > 0
                            ORDER BY stripe DESC LIMIT 1 %s)
                        RETURNING 1),
                    room AS (
                        UPDATE promise_booking_day SET found_full = false
                        WHERE location = :location AND day = :day AND EXISTS (SELECT 1 FROM given))
                    SELECT count(*) FROM given
                    """.formatted(lock)).param("location", location).param("day", day).query(Integer.class)
                    .single();
            if (given == 1) {
                return 1;
            }
        }
        return 0;
    }

    public List<Promised> of(UUID orderId) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("SELECT * FROM promised_shipment WHERE order_id = :order ORDER BY ship_by, location")
                .param("order", orderId).query((rs, n) -> new Promised(orderId, rs.getString("location"),
                        rs.getString("carrier"), rs.getString("service"), rs.getString("source"),
                        rs.getObject("ship_by", LocalDate.class), rs.getObject("deliver_by", LocalDate.class))).list();
    }

    // --- at risk (docs/promise.md) ------------------------------------------------------------------------------

    /**
     * Marks an order's shipment from a warehouse as shipped when its last parcel left at {@code at}: a later parcel
     * reported after an earlier one (or its event handled twice) keeps the latest time. False when it had no
     * promise there.
     */
    public boolean shipped(UUID orderId, String location, Instant at) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                UPDATE promised_shipment SET shipped_at = greatest(coalesce(shipped_at, :at), :at)
                WHERE order_id = :order AND location = :location
                """).param("order", orderId).param("location", location).param("at", Timestamp.from(at)).update() == 1;
    }

    /**
     * Moves an open shipment's promise to a later ship-by day (never to an earlier one): false when it shipped,
     * was given back, or already ships that late.
     */
    public boolean move(UUID orderId, String location, LocalDate shipBy, LocalDate deliverBy) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                UPDATE promised_shipment SET ship_by = :shipBy, deliver_by = :deliverBy
                WHERE order_id = :order AND location = :location AND shipped_at IS NULL AND released_at IS NULL
                  AND ship_by < :shipBy
                """).param("order", orderId).param("location", location).param("shipBy", shipBy)
                .param("deliverBy", deliverBy).update() == 1;
    }

    /** Gives one booked order back on a warehouse's day: a promise moved away from it. */
    public void unbook(String location, LocalDate day) {
        flush(); // what this transaction booked and promised, before it is read or changed
        unbookOne(location, day);
    }

    /** A promised shipment still to ship (neither shipped nor given back), as the risk check sees it. */
    public record Open(UUID orderId, String orderNumber, String location, String carrier, String service,
            LocalDate shipBy, LocalDate deliverBy, Instant atRiskSince, String source) {
    }

    /** Every open promised shipment, per warehouse in queue order: earliest ship-by first, then first placed. */
    public List<Open> open() {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                SELECT * FROM promised_shipment WHERE shipped_at IS NULL AND released_at IS NULL
                ORDER BY location, ship_by, created_at, order_id
                """).query(Bookings::openShipment).list();
    }

    /** The open shipments flagged at risk, earliest ship-by first. */
    public List<Open> atRisk(int limit) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                SELECT * FROM promised_shipment
                WHERE shipped_at IS NULL AND released_at IS NULL AND at_risk_since IS NOT NULL
                ORDER BY ship_by, created_at, order_id LIMIT :limit
                """).param("limit", limit).query(Bookings::openShipment).list();
    }

    /** Of these orders, those with a promise, each with whether an open shipment of it is flagged at risk. */
    public Map<UUID, Boolean> atRiskOf(java.util.Collection<UUID> orderIds) {
        flush(); // what this transaction booked and promised, before it is read or changed
        Map<UUID, Boolean> atRisk = new HashMap<>();
        jdbc.sql("""
                SELECT order_id, bool_or(at_risk_since IS NOT NULL AND shipped_at IS NULL AND released_at IS NULL)
                       AS at_risk
                FROM promised_shipment WHERE order_id = ANY(CAST(:ids AS uuid[])) GROUP BY order_id
                """).param("ids", orderIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    atRisk.put(rs.getObject("order_id", UUID.class), rs.getBoolean("at_risk"));
                });
        return atRisk;
    }

    /** Flags a shipment at risk unless it was already: true only the first time, so its alert goes out once. */
    public boolean flagAtRisk(UUID orderId, String location, Instant at) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                UPDATE promised_shipment SET at_risk_since = :at
                WHERE order_id = :order AND location = :location AND at_risk_since IS NULL
                  AND shipped_at IS NULL AND released_at IS NULL
                """).param("order", orderId).param("location", location).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Takes the risk check's lock for this transaction; false when another node runs the check now. */
    public boolean lockRiskCheck() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('ordo.promise.risk-check'))")
                .query(Boolean.class).single();
    }

    private static Open openShipment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp risk = rs.getTimestamp("at_risk_since");
        return new Open(rs.getObject("order_id", UUID.class), rs.getString("order_number"), rs.getString("location"),
                rs.getString("carrier"), rs.getString("service"), rs.getObject("ship_by", LocalDate.class),
                rs.getObject("deliver_by", LocalDate.class), risk == null ? null : risk.toInstant(),
                rs.getString("source"));
    }

    /** A warehouse's day as booked: orders booked and the capacity the day had when last booked. */
    public record Day(String location, LocalDate day, int booked, int capacity) {
    }

    /** The booked days of every warehouse from {@code from} to {@code to} (inclusive), by warehouse and day. */
    public List<Day> days(LocalDate from, LocalDate to) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                SELECT location, day, booked, capacity FROM promise_booking
                WHERE day BETWEEN :from AND :to ORDER BY location, day
                """).param("from", from).param("to", to).query((rs, n) -> new Day(rs.getString("location"),
                        rs.getObject("day", LocalDate.class), rs.getInt("booked"), rs.getInt("capacity"))).list();
    }

    /**
     * Marks an order's shipment from a warehouse as delivered at {@code at}, when its last parcel arrived: the
     * latest time wins, as for {@link #shipped}.
     */
    public void delivered(UUID orderId, String location, Instant at) {
        flush(); // what this transaction booked and promised, before it is read or changed
        jdbc.sql("""
                UPDATE promised_shipment SET delivered_at = greatest(coalesce(delivered_at, :at), :at)
                WHERE order_id = :order AND location = :location
                """).param("order", orderId).param("location", location).param("at", Timestamp.from(at)).update();
    }

    /** Kept promises per warehouse and carrier service: counts of those shipped since, on the warehouse's days. */
    public record Kept(String location, String carrier, String service, long shipped, long shippedOnTime,
            long delivered, long deliveredOnTime) {
    }

    /**
     * Of the shipments shipped since {@code since}: how many shipped by their ship-by day and were delivered by their
     * deliver-by day, each day taken in the warehouse's time zone ({@code zone} for one without a calendar).
     */
    public List<Kept> kept(Instant since, String zone) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                SELECT s.location, s.carrier, s.service, count(*) AS shipped,
                       count(*) FILTER (WHERE (s.shipped_at AT TIME ZONE coalesce(w.time_zone, :zone))::date
                                              <= s.ship_by) AS shipped_on_time,
                       count(s.delivered_at) AS delivered,
                       count(*) FILTER (WHERE (s.delivered_at AT TIME ZONE coalesce(w.time_zone, :zone))::date
                                              <= s.deliver_by) AS delivered_on_time
                FROM promised_shipment s LEFT JOIN promise_warehouse w ON w.location = s.location
                WHERE s.shipped_at >= :since
                GROUP BY s.location, s.carrier, s.service
                ORDER BY s.location, s.carrier, s.service
                """).param("since", Timestamp.from(since)).param("zone", zone)
                .query((rs, n) -> new Kept(rs.getString("location"), rs.getString("carrier"), rs.getString("service"),
                        rs.getLong("shipped"), rs.getLong("shipped_on_time"), rs.getLong("delivered"),
                        rs.getLong("delivered_on_time"))).list();
    }
}
