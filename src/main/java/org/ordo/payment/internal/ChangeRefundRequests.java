package org.ordo.payment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The money order changes move: the refunds they requested (reference {@code CHG-<change id>}), for netting them
 * against later changes, and what the provider authorized, for re-authorizing a raised total
 * (docs/order-changes.md#money-follows-the-change-once).
 */
@Repository
public class ChangeRefundRequests {

    private final JdbcClient jdbc;

    ChangeRefundRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A requested change refund; {@code withdrawable}: not sent to the provider and not booked as paid out (no
     * booked refund under its reference), so a later change may still take it back.
     */
    public record Request(UUID id, String reference, BigDecimal amount, boolean withdrawable) {
    }

    /** The order's change refunds that stand (requested, not withdrawn), newest first. */
    public List<Request> of(UUID orderId) {
        return jdbc.sql("""
                SELECT p.id, p.reference, p.amount,
                       p.provider_ref IS NULL AND NOT EXISTS (
                           SELECT 1 FROM payment b WHERE b.order_id = p.order_id AND b.kind = 'REFUND'
                           AND b.status = 'BOOKED' AND (b.reference = p.reference OR b.booking_key = p.reference))
                       AS withdrawable
                FROM payment p
                WHERE p.order_id = :order AND p.kind = 'REFUND' AND p.status = 'REQUESTED' AND p.reference LIKE 'CHG-%'
                ORDER BY p.at DESC, p.id DESC
                """).param("order", orderId)
                .query((rs, n) -> new Request(rs.getObject("id", UUID.class), rs.getString("reference"),
                        rs.getBigDecimal("amount"), rs.getBoolean("withdrawable")))
                .list();
    }

    /** Refunds booked for other causes than changes (by hand, returns); booked change refunds are in {@link #of}. */
    public BigDecimal otherRefundsBooked(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM payment
                WHERE order_id = :order AND kind = 'REFUND' AND status = 'BOOKED'
                  AND coalesce(reference, '') NOT LIKE 'CHG-%' AND coalesce(booking_key, '') NOT LIKE 'CHG-%'
                """).param("order", orderId).query(BigDecimal.class).single();
    }

    /** Withdraws a requested change refund that was not paid out; false when it was meanwhile. */
    public boolean withdraw(UUID id, String why) {
        return jdbc.sql("""
                UPDATE payment SET status = 'WITHDRAWN', note = coalesce(note || '; ', '') || :why
                WHERE id = :id AND status = 'REQUESTED' AND provider_ref IS NULL
                """).param("id", id).param("why", why).update() == 1;
    }

    /** The highest amount the provider authorized for the order (its latest authorization covers the others). */
    public BigDecimal authorized(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(max(amount), 0) FROM payment
                WHERE order_id = :order AND kind = 'AUTHORIZATION' AND status = 'BOOKED'
                """).param("order", orderId).query(BigDecimal.class).single();
    }
}
