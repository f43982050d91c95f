package org.ordo.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.channels.FulfilmentReport;
import org.ordo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of shipment reports to the shops: one row per shipment, claimed by one node at a time; an outcome holds
 * only while the claim does (docs/design.md, "Outboxes").
 */
@Repository
public class Fulfilments {

    /** A claimed report with what the call needs. */
    public record Due(UUID id, UUID orderId, String carrier, String trackingNumber, String trackingUrl, int attempts,
            UUID shipmentId, UUID claim) {
    }

    private final JdbcClient jdbc;

    Fulfilments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Once per shipment: a repeated ShipmentShipped (the registry resubmits) adds nothing. */
    public void enqueue(UUID shipmentId, UUID orderId, String carrier, String trackingNumber, String trackingUrl,
            Instant now) {
        jdbc.sql("""
                INSERT INTO shop_fulfilment (id, shipment_id, order_id, carrier, tracking_number, tracking_url, status,
                                             next_attempt_at, created_at)
                VALUES (:id, :shipment, :order, :carrier, :tracking, :url, 'PENDING', :now, :now)
                ON CONFLICT (shipment_id) DO NOTHING
                """)
                .param("id", Ids.next()).param("shipment", shipmentId).param("order", orderId)
                .param("carrier", carrier).param("tracking", trackingNumber).param("url", trackingUrl)
                .param("now", Timestamp.from(now)).update();
    }

    /**
     * Claims up to {@code limit} due reports (PENDING, or SENDING whose node's lease ran out) for this node: they
     * are SENDING until {@code leaseUntil}. SKIP LOCKED: several nodes never claim the same one.
     */
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        UUID claim = Ids.next();
        return jdbc.sql("""
                UPDATE shop_fulfilment f SET status = 'SENDING', attempts = f.attempts + 1, next_attempt_at = :lease,
                                             claim = :claim
                WHERE f.id IN (SELECT id FROM shop_fulfilment
                               WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
                               ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING f.id, f.order_id, f.carrier, f.tracking_number, f.tracking_url, f.attempts, f.shipment_id
                """)
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).param("limit", limit)
                .param("claim", claim)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getString("carrier"), rs.getString("tracking_number"), rs.getString("tracking_url"),
                        rs.getInt("attempts"), rs.getObject("shipment_id", UUID.class), claim)).list();
    }

    /** The shop took the report; false when this node's claim was lost (its lease ran out and another took it). */
    public boolean sent(Due due, Instant now) {
        return jdbc.sql("""
                UPDATE shop_fulfilment SET status = 'SENT', sent_at = :now, last_error = NULL, claim = NULL
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """).param("id", due.id()).param("claim", due.claim()).param("now", Timestamp.from(now)).update() == 1;
    }

    /**
     * The attempt failed: due again at {@code retryAt}, or FAILED for good when {@code retryAt} is null; false when
     * this node's claim was lost, so a late failure never undoes another node's report.
     */
    public boolean failed(Due due, String error, Instant retryAt) {
        return jdbc.sql("""
                UPDATE shop_fulfilment SET status = CASE WHEN CAST(:retry AS timestamptz) IS NULL THEN 'FAILED'
                                                         ELSE 'PENDING' END,
                       next_attempt_at = COALESCE(CAST(:retry AS timestamptz), next_attempt_at), last_error = :error,
                       claim = NULL
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """)
                .param("id", due.id()).param("claim", due.claim())
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt)).update() == 1;
    }

    public List<FulfilmentReport> ofChannel(String channelCode, int limit) {
        return jdbc.sql("""
                SELECT f.*, o.channel_code FROM shop_fulfilment f JOIN shop_order o ON o.order_id = f.order_id
                WHERE o.channel_code = :channel ORDER BY f.created_at DESC, f.id DESC LIMIT :limit
                """)
                .param("channel", channelCode).param("limit", limit).query((rs, n) -> report(rs)).list();
    }

    private static FulfilmentReport report(ResultSet rs) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new FulfilmentReport(rs.getObject("id", UUID.class), rs.getObject("shipment_id", UUID.class),
                rs.getObject("order_id", UUID.class), rs.getString("channel_code"), rs.getString("carrier"),
                rs.getString("tracking_number"), FulfilmentReport.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
