package org.ordo.promise.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * Books one order on a warehouse's day if the day has room at {@code capacity}; a full day answers false and
     * books nothing. Concurrent placements never book past it: the day's row is locked until the placement commits.
     * Inside a transaction the first booking of a day locks its row and reads its count (one upsert that books
     * nothing), and the transaction's further bookings of that day are counted here and written with the promised
     * shipments before the commit, one statement for all ({@link #flush}): a batch of orders (an EDI interchange's
     * transaction of messages) books per warehouse and day, not per order (docs/benchmarks.md, P4). The CHECK
     * {@code booked <= capacity} holds it in SQL as before. Outside a transaction: one conditional upsert.
     * (Should an order be refused after it booked the first day of the transaction on a warehouse, which only a
     * concurrent order with the same external reference can cause, its savepoint's rollback releases the row's lock;
     * a booking another transaction then makes is not counted here, and the CHECK refuses the commit rather than
     * book past the capacity.)
     */
    public boolean book(String location, LocalDate day, int capacity) {
        Optional<Pending> pending = this.pending.get(Pending::new);
        if (pending.isEmpty()) {
            return jdbc.sql("""
                    INSERT INTO promise_booking AS b (location, day, booked, capacity)
                    VALUES (:location, :day, 1, :capacity)
                    ON CONFLICT (location, day) DO UPDATE SET booked = b.booked + 1, capacity = excluded.capacity
                        WHERE b.booked < excluded.capacity
                    """).param("location", location).param("day", day).param("capacity", capacity).update() == 1;
        }
        Pending p = pending.get();
        BookedDay d = p.days.computeIfAbsent(new DayKey(location, day), k -> lock(location, day, capacity));
        if (d.booked() + d.added >= capacity) {
            return false;
        }
        d.added++;
        d.capacity = capacity;
        return true;
    }

    /**
     * Locks a day's row for this transaction (made when the day has none) and reads what is booked on it; a day
     * whose booking already exceeds {@code capacity} (its capacity was lowered) is read as full.
     */
    private BookedDay lock(String location, LocalDate day, int capacity) {
        Integer booked = jdbc.sql("""
                INSERT INTO promise_booking AS b (location, day, booked, capacity)
                VALUES (:location, :day, 0, :capacity)
                ON CONFLICT (location, day) DO UPDATE SET capacity = excluded.capacity
                    WHERE b.booked <= excluded.capacity
                RETURNING b.booked
                """).param("location", location).param("day", day).param("capacity", capacity).query(Integer.class)
                .optional().orElse(capacity);
        return new BookedDay(booked, capacity);
    }

    /** Orders booked per day at a warehouse, from a day on; with this transaction's bookings not yet written. */
    public Map<LocalDate, Integer> booked(String location, LocalDate from) {
        Optional<Pending> pending = this.pending.get(Pending::new);
        Map<LocalDate, Integer> booked = new HashMap<>();
        if (pending.isPresent()) {
            // read once per transaction: a guide to the days with room; booking a day reads it under its lock
            booked.putAll(pending.get().read.computeIfAbsent(new DayKey(location, from), k -> read(location, from)));
            pending.get().days.forEach((key, d) -> {
                if (key.location().equals(location) && !key.day().isBefore(from)) {
                    booked.put(key.day(), d.booked() + d.added);
                }
            });
            return booked;
        }
        return read(location, from);
    }

    private Map<LocalDate, Integer> read(String location, LocalDate from) {
        Map<LocalDate, Integer> booked = new HashMap<>();
        jdbc.sql("SELECT day, booked FROM promise_booking WHERE location = :location AND day >= :from")
                .param("location", location).param("from", from)
                .query(rs -> {
                    booked.put(rs.getObject("day", LocalDate.class), rs.getInt("booked"));
                });
        return booked;
    }

    /** Days booked beyond their capacity (the CHECK forbids it; the invariant checker asks). */
    public List<String> overbooked() {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                SELECT location || ' ' || day || ': ' || booked || ' > ' || capacity
                FROM promise_booking WHERE booked > capacity ORDER BY location, day
                """).query(String.class).list();
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
     * exist (an order refused after its promise was rolled back to its savepoint, its order row with it). Then the
     * days are locked and read again at their next booking. A placement promises before it writes its order and
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
        List<Map.Entry<DayKey, BookedDay>> days = List.copyOf(p.days.entrySet());
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
                    GROUP BY location, ship_by)
                INSERT INTO promise_booking AS b (location, day, booked, capacity)
                SELECT d.location, d.day, d.added - coalesce(u.orders, 0), d.capacity
                FROM unnest(CAST(:dayLocation AS text[]), CAST(:day AS date[]), CAST(:capacity AS int[]),
                    CAST(:added AS int[])) AS d(location, day, capacity, added)
                LEFT JOIN undone u ON u.location = d.location AND u.day = d.day
                WHERE d.added - coalesce(u.orders, 0) > 0
                ON CONFLICT (location, day) DO UPDATE SET booked = b.booked + excluded.booked,
                    capacity = excluded.capacity
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
                .param("dayLocation", days.stream().map(e -> e.getKey().location()).toArray(String[]::new))
                .param("day", days.stream().map(e -> e.getKey().day().toString()).toArray(String[]::new))
                .param("capacity", days.stream().map(e -> e.getValue().capacity).toArray(Integer[]::new))
                .param("added", days.stream().map(e -> e.getValue().added).toArray(Integer[]::new))
                .update();
    }

    /** A warehouse's day. */
    private record DayKey(String location, LocalDate day) {
    }

    /** A day locked by this transaction: booked when it was read, and what this transaction added since. */
    private static final class BookedDay {
        private final int booked;
        private int added;
        private int capacity;

        BookedDay(int booked, int capacity) {
            this.booked = booked;
            this.capacity = capacity;
        }

        int booked() {
            return booked;
        }
    }

    private record Recorded(Promised shipment, String orderNumber, Instant at) {
    }

    /** What this transaction booked and promised and has not written yet, and the days it read. */
    private static final class Pending {
        private final Map<DayKey, BookedDay> days = new java.util.LinkedHashMap<>();
        private final List<Recorded> shipments = new java.util.ArrayList<>();
        private final Map<DayKey, Map<LocalDate, Integer>> read = new HashMap<>();
    }

    /**
     * Gives an order's booked ship days back, once: its promises are marked released and each day's count drops by
     * one. Returns how many days were given back (0 when they already were, or the order had no promise).
     */
    public int release(UUID orderId, Instant now) {
        flush(); // what this transaction booked and promised, before it is read or changed
        return jdbc.sql("""
                WITH released AS (
                    UPDATE promised_shipment SET released_at = :now
                    WHERE order_id = :order AND released_at IS NULL
                    RETURNING location, ship_by)
                UPDATE promise_booking b SET booked = b.booked - 1
                FROM released r
                WHERE b.location = r.location AND b.day = r.ship_by AND b.booked > 0
                """).param("order", orderId).param("now", Timestamp.from(now)).update();
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
        return jdbc.sql("""
                WITH forgotten AS (
                    DELETE FROM promised_shipment
                    WHERE order_id = :order AND released_at IS NULL AND shipped_at IS NULL
                    RETURNING location, ship_by)
                UPDATE promise_booking b SET booked = b.booked - 1
                FROM forgotten f
                WHERE b.location = f.location AND b.day = f.ship_by AND b.booked > 0
                """).param("order", orderId).update();
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
        jdbc.sql("UPDATE promise_booking SET booked = booked - 1 WHERE location = :location AND day = :day AND booked > 0")
                .param("location", location).param("day", day).update();
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
