package org.ordo.payment.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.ordo.payment.PaymentRecord;
import org.ordo.platform.Ids;
import org.ordo.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Payments {

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID record(UUID orderId, String kind, Money amount, String reference, String providerRef, String status,
            String note, String actor) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO payment (id, order_id, kind, amount, currency, reference, provider_ref, status, note, actor)
                VALUES (:id, :order, :kind, :amount, :currency, :reference, :providerRef, :status, :note, :actor)
                """).param("id", id).param("order", orderId).param("kind", kind).param("amount", amount.amount())
                .param("currency", amount.currency()).param("reference", reference).param("providerRef", providerRef)
                .param("status", status).param("note", note).param("actor", actor).update();
        return id;
    }

    /** True when this transfer (order, amount, reference, booking date) is booked already. */
    public boolean transferBooked(UUID orderId, BigDecimal value, String reference, String bookedOn) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM payment WHERE order_id = :order AND kind = 'BANK_TRANSFER'
                               AND status = 'BOOKED' AND amount = :amount AND reference IS NOT DISTINCT FROM :reference
                               AND note IS NOT DISTINCT FROM :note)
                """).param("order", orderId).param("amount", value).param("reference", reference)
                .param("note", "booked on " + bookedOn).query(Boolean.class).single();
    }

    /** Money received for an order: booked transfers and captures. */
    public BigDecimal received(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM payment
                WHERE order_id = :order AND status = 'BOOKED' AND kind IN ('BANK_TRANSFER', 'CAPTURE')
                """).param("order", orderId).query(BigDecimal.class).single();
    }

    public BigDecimal captured(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM payment
                WHERE order_id = :order AND status = 'BOOKED' AND kind = 'CAPTURE'
                """).param("order", orderId).query(BigDecimal.class).single();
    }

    /** The provider's payment reference (payment intent) of an order, from its authorization or capture. */
    public String providerRef(UUID orderId) {
        return jdbc.sql("""
                SELECT provider_ref FROM payment
                WHERE order_id = :order AND provider_ref IS NOT NULL AND kind IN ('AUTHORIZATION', 'CAPTURE')
                ORDER BY at LIMIT 1
                """).param("order", orderId).query(String.class).optional().orElse(null);
    }

    public boolean captureRequested(UUID orderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment WHERE order_id = :order AND kind = 'CAPTURE')")
                .param("order", orderId).query(Boolean.class).single();
    }

    public BigDecimal refunded(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM payment
                WHERE order_id = :order AND status = 'BOOKED' AND kind = 'REFUND'
                """).param("order", orderId).query(BigDecimal.class).single();
    }

    public List<PaymentRecord> of(UUID orderId) {
        return jdbc.sql("SELECT * FROM payment WHERE order_id = :order ORDER BY at, id").param("order", orderId)
                .query((rs, n) -> new PaymentRecord(rs.getObject("id", UUID.class), rs.getString("kind"),
                        new Money(rs.getBigDecimal("amount"), rs.getString("currency").trim()),
                        rs.getString("reference"), rs.getString("provider_ref"), rs.getString("status"),
                        rs.getString("note"), rs.getString("actor"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Remembers a provider event; false when it was handled before (a replay). */
    public boolean firstTime(String provider, String eventId, String type) {
        return jdbc.sql("""
                INSERT INTO provider_event (provider, event_id, type) VALUES (:provider, :id, :type)
                ON CONFLICT DO NOTHING
                """).param("provider", provider).param("id", eventId).param("type", type).update() == 1;
    }
}
