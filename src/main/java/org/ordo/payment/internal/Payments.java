package org.ordo.payment.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.ordo.payment.PaymentRecord;
import org.ordo.payment.ProviderEventRejection;
import org.ordo.platform.Ids;
import org.ordo.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Payments {

    private final JdbcClient jdbc;
    private final Clock clock;

    Payments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Bookings carry the application's time, so the demo history and moved test clocks stamp them with their day. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public UUID record(UUID orderId, String kind, Money amount, String reference, String providerRef, String status,
            String note, String actor) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO payment (id, order_id, kind, amount, currency, reference, provider_ref, status, note, actor, at)
                VALUES (:id, :order, :kind, :amount, :currency, :reference, :providerRef, :status, :note, :actor, :now)
                """).param("now", now()).param("id", id).param("order", orderId).param("kind", kind).param("amount", amount.amount())
                .param("currency", amount.currency()).param("reference", reference).param("providerRef", providerRef)
                .param("status", status).param("note", note).param("actor", actor).update();
        return id;
    }

    /**
     * Books money under a business reference ({@code bookingKey}), once per order, kind and key: the unique index
     * {@code payment_booking_once} decides, not a read before. Empty when that key was booked before (see
     * {@link #bookedUnder}).
     */
    public java.util.Optional<UUID> recordOnce(UUID orderId, String kind, Money amount, String reference,
            String bookingKey, String note, String actor) {
        UUID id = Ids.next();
        return jdbc.sql("""
                INSERT INTO payment (id, order_id, kind, amount, currency, reference, status, note, actor, booking_key, at)
                VALUES (:id, :order, :kind, :amount, :currency, :reference, 'BOOKED', :note, :actor, :key, :now)
                ON CONFLICT (order_id, kind, booking_key) WHERE booking_key IS NOT NULL DO NOTHING
                RETURNING id
                """).param("now", now()).param("id", id).param("order", orderId).param("kind", kind).param("amount", amount.amount())
                .param("currency", amount.currency()).param("reference", reference).param("note", note)
                .param("actor", actor).param("key", bookingKey).query(UUID.class).optional();
    }

    /** The amount booked under this business reference of the order and kind, if any. */
    public java.util.Optional<BigDecimal> bookedUnder(UUID orderId, String kind, String bookingKey) {
        return jdbc.sql("SELECT amount FROM payment WHERE order_id = :order AND kind = :kind AND booking_key = :key")
                .param("order", orderId).param("kind", kind).param("key", bookingKey).query(BigDecimal.class)
                .optional();
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

    /** Money received for an order: booked transfers, captures, what a marketplace collected and exchange credits. */
    public BigDecimal received(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM payment
                WHERE order_id = :order AND status = 'BOOKED' AND kind IN ('BANK_TRANSFER', 'CAPTURE', 'MARKETPLACE', 'EXCHANGE_CREDIT')
                """).param("order", orderId).query(BigDecimal.class).single();
    }

    /**
     * Takes the order's payment books for this transaction: bookings of one order happen one after the other, so
     * that a conditional insert ({@link #bookRefund}) sees every booking made before it.
     */
    public void lockBooks(UUID orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ordo.payment-books'), hashtext(CAST(:order AS text)))")
                .param("order", orderId).query().listOfRows();
    }

    /**
     * Books a refund only if refunds stay within what was received (invariant 9 in docs/design.md); empty when
     * they would not. Call {@link #lockBooks} first in the same transaction.
     */
    public java.util.Optional<UUID> bookRefund(UUID orderId, Money amount, String reference, String providerRef,
            String note, String actor) {
        return bookRefund(orderId, amount, reference, null, providerRef, note, actor);
    }

    /**
     * {@link #bookRefund(UUID, Money, String, String, String, String)} under a business reference: empty too when
     * {@code bookingKey} was booked before for the order (the unique index {@code payment_booking_once}).
     */
    public java.util.Optional<UUID> bookRefund(UUID orderId, Money amount, String reference, String bookingKey,
            String providerRef, String note, String actor) {
        UUID id = Ids.next();
        int inserted = jdbc.sql("""
                INSERT INTO payment (id, order_id, kind, amount, currency, reference, provider_ref, status, note, actor,
                                     booking_key, at)
                SELECT :id, :order, 'REFUND', :amount, :currency, :reference, :providerRef, 'BOOKED', :note, :actor, :key,
                       :now
                FROM payment WHERE order_id = :order AND status = 'BOOKED'
                HAVING coalesce(sum(amount) FILTER (WHERE kind = 'REFUND'), 0) + :amount
                       <= coalesce(sum(amount) FILTER (WHERE kind IN ('BANK_TRANSFER', 'CAPTURE', 'MARKETPLACE', 'EXCHANGE_CREDIT')), 0)
                ON CONFLICT (order_id, kind, booking_key) WHERE booking_key IS NOT NULL DO NOTHING
                """).param("now", now()).param("id", id).param("order", orderId).param("amount", amount.amount())
                .param("currency", amount.currency()).param("reference", reference).param("providerRef", providerRef)
                .param("note", note).param("actor", actor).param("key", bookingKey).update();
        return inserted == 1 ? java.util.Optional.of(id) : java.util.Optional.empty();
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

    /**
     * Exchange credits that were not moved from a returned order: no booked refund of the same amount and
     * reference (the RMA number) on another order. Empty when every credit was taken from where it was paid.
     */
    public List<String> exchangeCreditsNotMoved() {
        return jdbc.sql("""
                SELECT c.reference, c.amount, c.currency, o.number
                FROM payment c JOIN customer_order o ON o.id = c.order_id
                WHERE c.kind = 'EXCHANGE_CREDIT' AND c.status = 'BOOKED'
                  AND NOT EXISTS (SELECT 1 FROM payment r
                                  WHERE r.kind = 'REFUND' AND r.status = 'BOOKED' AND r.reference = c.reference
                                    AND r.amount = c.amount AND r.order_id <> c.order_id)
                ORDER BY c.reference LIMIT 100
                """).query((rs, n) -> "order " + rs.getString("number") + ": credit of "
                        + rs.getBigDecimal("amount").stripTrailingZeros().toPlainString() + " "
                        + rs.getString("currency").trim() + " for " + rs.getString("reference")
                        + " has no booked refund of it on the returned order")
                .list();
    }

    /**
     * Records a requested refund once per reference (a unique index covers the references of order changes):
     * empty, and nothing written, when one with this reference was requested before.
     */
    public java.util.Optional<UUID> requestRefundOnce(UUID orderId, Money amount, String reference,
            String providerRef, String note, String actor) {
        UUID id = Ids.next();
        int inserted = jdbc.sql("""
                INSERT INTO payment (id, order_id, kind, amount, currency, reference, provider_ref, status, note, actor, at)
                VALUES (:id, :order, 'REFUND', :amount, :currency, :reference, :providerRef, 'REQUESTED', :note, :actor,
                        :now)
                ON CONFLICT DO NOTHING
                """).param("now", now()).param("id", id).param("order", orderId).param("amount", amount.amount())
                .param("currency", amount.currency()).param("reference", reference).param("providerRef", providerRef)
                .param("note", note).param("actor", actor).update();
        return inserted == 1 ? java.util.Optional.of(id) : java.util.Optional.empty();
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

    /** Money received and refunded (booked) per order, for these orders; orders without bookings are absent. */
    public java.util.Map<UUID, BigDecimal[]> receivedAndRefunded(List<UUID> orderIds) {
        java.util.Map<UUID, BigDecimal[]> sums = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT order_id,
                       coalesce(sum(amount) FILTER (WHERE kind IN ('BANK_TRANSFER', 'CAPTURE', 'MARKETPLACE', 'EXCHANGE_CREDIT')), 0) AS received,
                       coalesce(sum(amount) FILTER (WHERE kind = 'REFUND'), 0) AS refunded
                FROM payment WHERE order_id = ANY(:orders) AND status = 'BOOKED' GROUP BY order_id
                """).param("orders", orderIds.toArray(UUID[]::new))
                .query((rs, n) -> sums.put(rs.getObject("order_id", UUID.class),
                        new BigDecimal[] {rs.getBigDecimal("received"), rs.getBigDecimal("refunded")}))
                .list();
        return sums;
    }

    /** Notes what became of a provider event remembered by {@link #firstTime}; a rejection says why. */
    public void settle(String provider, String eventId, UUID orderId, String outcome, String reason) {
        jdbc.sql("""
                UPDATE provider_event SET order_id = :order, outcome = :outcome, reason = :reason
                WHERE provider = :provider AND event_id = :id
                """).param("provider", provider).param("id", eventId).param("order", orderId)
                .param("outcome", outcome).param("reason", reason).update();
    }

    /** The provider events refused for an order, oldest first. */
    public List<ProviderEventRejection> rejectedEvents(UUID orderId) {
        return jdbc.sql("""
                SELECT event_id, type, reason, received_at FROM provider_event
                WHERE order_id = :order AND outcome = 'REJECTED' ORDER BY received_at, event_id
                """).param("order", orderId)
                .query((rs, n) -> new ProviderEventRejection(rs.getString("event_id"), rs.getString("type"),
                        rs.getString("reason"), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** Remembers a provider event; false when it was handled before (a replay). */
    public boolean firstTime(String provider, String eventId, String type) {
        return jdbc.sql("""
                INSERT INTO provider_event (provider, event_id, type, received_at) VALUES (:provider, :id, :type, :now)
                ON CONFLICT DO NOTHING
                """).param("now", now()).param("provider", provider).param("id", eventId).param("type", type).update() == 1;
    }
    /** The provider's reusable references of the card an order was paid with. */
    public record SavedMethod(String customer, String paymentMethod) {
    }

    /**
     * Keeps the provider's customer and payment method an order was paid with, the latest named for the order;
     * references that are not plain provider ids are not kept (false).
     */
    public boolean keepPaymentMethod(UUID orderId, String provider, String customer, String paymentMethod) {
        if (!providerId(customer) || !providerId(paymentMethod)) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO saved_payment_method (order_id, provider, provider_customer, payment_method, kept_at)
                VALUES (:order, :provider, :customer, :method, :now)
                ON CONFLICT (order_id) DO UPDATE SET provider = excluded.provider,
                    provider_customer = excluded.provider_customer, payment_method = excluded.payment_method,
                    kept_at = excluded.kept_at
                """).param("order", orderId).param("provider", provider).param("customer", customer)
                .param("method", paymentMethod).param("now", now()).update();
        return true;
    }

    private static boolean providerId(String id) {
        return id != null && id.matches("[A-Za-z0-9_]{1,255}");
    }

    /** The card an order was paid with, as the provider's reusable references; empty when none was kept. */
    public java.util.Optional<SavedMethod> savedPaymentMethod(UUID orderId) {
        return jdbc.sql("SELECT provider_customer, payment_method FROM saved_payment_method WHERE order_id = :order")
                .param("order", orderId)
                .query((rs, n) -> new SavedMethod(rs.getString("provider_customer"), rs.getString("payment_method")))
                .optional();
    }

    /**
     * Records a payment under a business reference ({@code bookingKey}) once per order and kind, whatever its
     * status: the unique index {@code payment_booking_once} decides. Empty, and nothing written, when that key
     * was recorded before.
     */
    public java.util.Optional<UUID> recordOnce(UUID orderId, String kind, Money amount, String reference,
            String providerRef, String status, String bookingKey, String note, String actor) {
        UUID id = Ids.next();
        return jdbc.sql("""
                INSERT INTO payment (id, order_id, kind, amount, currency, reference, provider_ref, status, note, actor,
                                     booking_key, at)
                VALUES (:id, :order, :kind, :amount, :currency, :reference, :providerRef, :status, :note, :actor, :key,
                        :now)
                ON CONFLICT (order_id, kind, booking_key) WHERE booking_key IS NOT NULL DO NOTHING
                RETURNING id
                """).param("now", now()).param("id", id).param("order", orderId).param("kind", kind)
                .param("amount", amount.amount()).param("currency", amount.currency()).param("reference", reference)
                .param("providerRef", providerRef).param("status", status).param("note", note).param("actor", actor)
                .param("key", bookingKey).query(UUID.class).optional();
    }
}
