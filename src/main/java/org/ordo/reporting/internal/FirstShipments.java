package org.ordo.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.ordo.reporting.Dashboard.OnTimeDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reporting's read model of shipped orders (V21): per order its first shipment and the date it was promised
 * for, so that the share shipped on time is counted from this table alone.
 */
@Repository
public class FirstShipments {

    private final JdbcClient jdbc;

    FirstShipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that a shipment of this order left. The order keeps its earliest shipment (by time, then id), so
     * the same event twice, or the events of several parcels in any order, leave one row: the first parcel's.
     */
    public void record(UUID orderId, UUID shipmentId, Instant shippedAt, Instant promisedAt) {
        jdbc.sql("""
                INSERT INTO first_shipment AS f (order_id, shipment_id, shipped_at, promised_at)
                VALUES (:order, :shipment, :shippedAt, :promisedAt)
                ON CONFLICT (order_id) DO UPDATE
                    SET shipment_id = excluded.shipment_id, shipped_at = excluded.shipped_at,
                        promised_at = excluded.promised_at
                    WHERE (excluded.shipped_at, excluded.shipment_id) < (f.shipped_at, f.shipment_id)
                """).param("order", orderId).param("shipment", shipmentId)
                .param("shippedAt", Timestamp.from(shippedAt)).param("promisedAt", Timestamp.from(promisedAt))
                .update();
    }

    /**
     * Per UTC day of an order's first shipment, from the day of {@code since} on: how many orders shipped, how
     * many by their promised date. A range of the day index, read from the index alone and in day order: its cost
     * follows the window.
     */
    public List<OnTimeDay> perDay(Instant since) {
        return jdbc.sql("""
                SELECT shipped_on, count(*) AS shipped, count(*) FILTER (WHERE on_time) AS on_time
                FROM first_shipment
                WHERE shipped_on >= :since
                GROUP BY shipped_on ORDER BY shipped_on
                """).param("since", LocalDate.ofInstant(since, ZoneOffset.UTC))
                .query((rs, n) -> new OnTimeDay(rs.getObject("shipped_on", LocalDate.class), rs.getLong("shipped"),
                        rs.getLong("on_time")))
                .list();
    }
}
