package org.ordo.promise.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Capacity booked per warehouse and day, and the promise of each shipment of an order. */
@Repository
public class Bookings {

    private final JdbcClient jdbc;

    Bookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Books one order on a warehouse's day if the day has room at {@code capacity}: one conditional upsert, so
     * concurrent placements never book past it (the row is locked until the placement commits; a full day
     * answers false and books nothing).
     */
    public boolean book(String location, LocalDate day, int capacity) {
        return jdbc.sql("""
                INSERT INTO promise_booking AS b (location, day, booked, capacity)
                VALUES (:location, :day, 1, :capacity)
                ON CONFLICT (location, day) DO UPDATE SET booked = b.booked + 1, capacity = excluded.capacity
                    WHERE b.booked < excluded.capacity
                """).param("location", location).param("day", day).param("capacity", capacity).update() == 1;
    }

    /** Orders booked per day at a warehouse, from a day on. */
    public Map<LocalDate, Integer> booked(String location, LocalDate from) {
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
        return jdbc.sql("""
                SELECT location || ' ' || day || ': ' || booked || ' > ' || capacity
                FROM promise_booking WHERE booked > capacity ORDER BY location, day
                """).query(String.class).list();
    }

    public record Promised(UUID orderId, String location, String carrier, String service, String source,
            LocalDate shipBy, LocalDate deliverBy) {
    }

    public void record(List<Promised> shipments, String orderNumber, Instant now) {
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
     * Gives an order's booked ship days back, once: its promises are marked released and each day's count drops by
     * one. Returns how many days were given back (0 when they already were, or the order had no promise).
     */
    public int release(UUID orderId, Instant now) {
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
        return jdbc.sql("""
                UPDATE promised_shipment SET ship_by = :shipBy, deliver_by = :deliverBy
                WHERE order_id = :order AND location = :location AND shipped_at IS NULL AND released_at IS NULL
                  AND ship_by < :shipBy
                """).param("order", orderId).param("location", location).param("shipBy", shipBy)
                .param("deliverBy", deliverBy).update() == 1;
    }

    /** Gives one booked order back on a warehouse's day: a promise moved away from it. */
    public void unbook(String location, LocalDate day) {
        jdbc.sql("UPDATE promise_booking SET booked = booked - 1 WHERE location = :location AND day = :day AND booked > 0")
                .param("location", location).param("day", day).update();
    }

    /** A promised shipment still to ship (neither shipped nor given back), as the risk check sees it. */
    public record Open(UUID orderId, String orderNumber, String location, String carrier, String service,
            LocalDate shipBy, LocalDate deliverBy, Instant atRiskSince, String source) {
    }

    /** Every open promised shipment, per warehouse in queue order: earliest ship-by first, then first placed. */
    public List<Open> open() {
        return jdbc.sql("""
                SELECT * FROM promised_shipment WHERE shipped_at IS NULL AND released_at IS NULL
                ORDER BY location, ship_by, created_at, order_id
                """).query(Bookings::openShipment).list();
    }

    /** The open shipments flagged at risk, earliest ship-by first. */
    public List<Open> atRisk(int limit) {
        return jdbc.sql("""
                SELECT * FROM promised_shipment
                WHERE shipped_at IS NULL AND released_at IS NULL AND at_risk_since IS NOT NULL
                ORDER BY ship_by, created_at, order_id LIMIT :limit
                """).param("limit", limit).query(Bookings::openShipment).list();
    }

    /** Of these orders, those with a promise, each with whether an open shipment of it is flagged at risk. */
    public Map<UUID, Boolean> atRiskOf(java.util.Collection<UUID> orderIds) {
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
