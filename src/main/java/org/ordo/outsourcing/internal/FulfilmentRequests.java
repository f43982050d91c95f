package org.ordo.outsourcing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.outsourcing.FulfilmentRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of fulfilment requests to partners: one row per order and external location, written in the
 * transaction that released the order's goods, claimed by one node at a time; an outcome holds only while the
 * claim does (docs/design.md, "Outboxes").
 */
@Repository
public class FulfilmentRequests {

    /** A claimed request with what the call needs. */
    public record Due(UUID id, String location, String orderNumber, String body, int attempts, long controlNumber,
            UUID claim) {
    }

    private final JdbcClient jdbc;

    FulfilmentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Once per order and location: a repeated release (the registry resubmits an event) adds nothing. */
    public boolean enqueue(UUID id, String location, UUID orderId, String orderNumber, String body, BigDecimal cost,
            BigDecimal revenue, String currency, Instant now) {
        return jdbc.sql("""
                INSERT INTO fulfilment_request (id, location_code, order_id, order_number, body, status,
                                                next_attempt_at, cost, revenue, currency, created_at)
                VALUES (:id, :location, :order, :number, :body, 'PENDING', :now, :cost, :revenue, :currency, :now)
                ON CONFLICT (order_id, location_code) DO NOTHING
                """).param("id", id).param("location", location).param("order", orderId).param("number", orderNumber)
                .param("body", body).param("cost", cost).param("revenue", revenue).param("currency", currency)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /**
     * Claims up to {@code limit} due requests (PENDING, or SENDING whose node's lease ran out) for this node: they
     * are SENDING until {@code leaseUntil}. SKIP LOCKED: several nodes never claim the same one.
     */
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        UUID claim = org.ordo.platform.Ids.next();
        return jdbc.sql("""
                UPDATE fulfilment_request r SET status = 'SENDING', attempts = r.attempts + 1, next_attempt_at = :lease,
                                                claim = :claim
                WHERE r.id IN (SELECT id FROM fulfilment_request
                               WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
                               ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING r.id, r.location_code, r.order_number, r.body, r.attempts, r.control_number
                """).param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil))
                .param("limit", limit).param("claim", claim)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("location_code"),
                        rs.getString("order_number"), rs.getString("body"), rs.getInt("attempts"),
                        rs.getLong("control_number"), claim))
                .list();
    }

    /**
     * The partner took it; a request already SHIPPED (the report overtook the answer) stays SHIPPED. Holds only
     * while this node's claim does, or once the partner's shipment report has come in.
     */
    public boolean sent(Due due, String to, Instant now) {
        return jdbc.sql("""
                UPDATE fulfilment_request SET status = CASE WHEN status = 'SHIPPED' THEN status ELSE 'SENT' END,
                       sent_at = :now, delivered_to = :to, last_error = NULL, claim = NULL
                WHERE id = :id AND claim = :claim AND status IN ('SENDING', 'SHIPPED')
                """).param("id", due.id()).param("claim", due.claim()).param("to", to)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /**
     * The attempt failed: due again at {@code retryAt}, or FAILED for good when {@code retryAt} is null; false when
     * this node's claim was lost, so a late failure never undoes another node's delivery.
     */
    public boolean failed(Due due, String error, Instant retryAt) {
        return jdbc.sql("""
                UPDATE fulfilment_request SET status = CASE WHEN CAST(:retry AS timestamptz) IS NULL THEN 'FAILED'
                                                            ELSE 'PENDING' END,
                       next_attempt_at = COALESCE(CAST(:retry AS timestamptz), next_attempt_at), last_error = :error,
                       claim = NULL
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """).param("id", due.id()).param("claim", due.claim())
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt)).update() == 1;
    }

    public void shipped(UUID orderId, String location) {
        jdbc.sql("UPDATE fulfilment_request SET status = 'SHIPPED' WHERE order_id = :order AND location_code = :location")
                .param("order", orderId).param("location", location).update();
    }

    public Optional<FulfilmentRequest> of(UUID orderId, String location) {
        return jdbc.sql("SELECT * FROM fulfilment_request WHERE order_id = :order AND location_code = :location")
                .param("order", orderId).param("location", location).query(FulfilmentRequests::map).optional();
    }

    public List<FulfilmentRequest> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM fulfilment_request WHERE order_id = :order ORDER BY location_code")
                .param("order", orderId).query(FulfilmentRequests::map).list();
    }

    /** Newest first, keyset-paged by (created_at, id) when {@code before} is given. */
    public List<FulfilmentRequest> atLocation(String location, int limit) {
        return jdbc.sql("""
                SELECT * FROM fulfilment_request WHERE location_code = :location
                ORDER BY created_at DESC, id DESC LIMIT :limit
                """).param("location", location).param("limit", limit).query(FulfilmentRequests::map).list();
    }

    private static FulfilmentRequest map(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        BigDecimal cost = rs.getBigDecimal("cost");
        BigDecimal revenue = rs.getBigDecimal("revenue");
        return new FulfilmentRequest(rs.getObject("id", UUID.class), rs.getString("location_code"),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                FulfilmentRequest.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getString("delivered_to"), plain(cost), plain(revenue),
                cost == null || revenue == null ? null : plain(revenue.subtract(cost)), rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
