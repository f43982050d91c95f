package org.ordo.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.ordo.ordering.TimelineReason;
import org.ordo.intake.Intake;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.payment.internal.PaymentProvider;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Money;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money that arrived for an order already cancelled for want of payment: kept aside in the review queue (kind
 * LATE_PAYMENT) until a person reopens the order with it or gives it back.
 */
@Component
class LatePayments {

    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final Intake intake;
    private final JsonMapper json;
    private final ReviewQueue reviews;
    private final PaymentSummaries summaries;

    LatePayments(Payments payments, PaymentProvider provider, OrderManagement orders, OrderLifecycle lifecycle,
            Intake intake, JsonMapper json, ReviewQueue reviews, PaymentSummaries summaries) {
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.intake = intake;
        this.json = json;
        this.reviews = reviews;
        this.summaries = summaries;
    }

    /**
     * Money booked for an order that had been cancelled for want of payment: the order stays cancelled and a person
     * decides, in the review queue (kind LATE_PAYMENT), to reopen it or to give the money back. What came in is kept
     * as a document of its own (channel {@code late-payment}), which the entry shows.
     */
    void arrived(OrderView order, String kind, Money amount, String reference) {
        Map<String, String> what = new java.util.LinkedHashMap<>();
        what.put("orderId", order.id().toString());
        what.put("order", order.number());
        what.put("kind", kind);
        what.put("amount", amount.amount().toPlainString());
        what.put("currency", amount.currency());
        what.put("reference", reference == null ? "" : reference);
        UUID document = intake.archive("late-payment", "application/json", json.writeValueAsBytes(what),
                Actor.current());
        intake.review(document, (kind.equals("CAPTURE") ? "card payment" : "bank transfer") + " of " + amount
                + " arrived for order " + order.number() + " after it was cancelled unpaid: reopen the order"
                + " (if its stock is still there) or refund the money");
    }

    /** A late payment's review entry, read back: which order, how much, how it came. */
    private record LatePayment(UUID entryId, UUID orderId, String kind, Money amount, String reference) {
    }

    private LatePayment latePayment(UUID entryId) {
        ReviewEntry entry = reviews.entry(entryId);
        if (entry.kind() != ReviewEntry.Kind.LATE_PAYMENT) {
            throw new ConflictException("not-a-late-payment", "Not a late payment",
                    Wording.of("payment.review_entry_is_not_a_payment", entryId, entry.kind()), Map.of("entry",
                            entryId.toString()));
        }
        if (entry.status() != ReviewEntry.Status.OPEN) {
            throw new ConflictException("review-entry-closed", "Review entry already closed",
                    Wording.of("payment.review_entry_was_already_settled", entryId), Map.of("entry",
                            entryId.toString()));
        }
        JsonNode what = json.readTree(intake.originalBody(entry.documentId()));
        String reference = what.path("reference").asString("");
        return new LatePayment(entryId, UUID.fromString(what.path("orderId").asString()), what.path("kind").asString(),
                new Money(new BigDecimal(what.path("amount").asString()), what.path("currency").asString()),
                reference.isEmpty() ? null : reference);
    }

    /**
     * Settles a late payment by opening its order again: the stock is reserved again by the placement's rules
     * (409 when it is short, and then nothing changes and the entry stays open), the money received counts (the
     * payment gate releases the order when it covers the total) and the entry is resolved, in one transaction.
     */
    @Transactional
    PaymentSummary reopen(UUID entryId) {
        LatePayment late = latePayment(entryId);
        OrderView order = orders.reopenExpired(late.orderId(), TimelineReason.of("late-payment-arrived",
                "payment of " + late.amount() + " arrived late", late.amount()));
        payments.lockBooks(order.id());
        Money received = new Money(payments.received(order.id()), order.currency());
        lifecycle.recordPayment(order.id(), received, TimelineReason.of("paid-after-expiry",
                "payment of " + late.amount() + " after the order expired", late.amount()));
        reviews.resolve(entryId, "order " + order.number() + " reopened; " + received + " received");
        return summaries.of(order.id());
    }

    /**
     * Settles a late payment by giving it back, the way it came: a card payment through the provider when its API
     * is configured (idempotency key {@code ordo-late-<entry>}), else a refund recorded as requested for a person to
     * pay and book. At most what was received and not refunded. The order stays cancelled; the entry is resolved.
     */
    @Transactional
    PaymentSummary refund(UUID entryId) {
        LatePayment late = latePayment(entryId);
        OrderView order = orders.require(late.orderId());
        payments.lockBooks(order.id());
        BigDecimal open = payments.received(order.id()).subtract(payments.refunded(order.id()));
        Money amount = new Money(late.amount().amount().min(open.max(BigDecimal.ZERO)), order.currency());
        String note = "payment arrived after the order expired";
        String intent = "CAPTURE".equals(late.kind()) ? late.reference() : null;
        if (amount.amount().signum() > 0) {
            if (intent != null && provider.configured()) {
                long minor = amount.amount().movePointRight(Money.minorUnits(amount.currency())).longValueExact();
                note = ProviderCall.run(() -> provider.refund(intent, minor, "ordo-late-" + entryId), note).note();
            } else {
                note += "; pay it back and book it";
            }
            payments.record(order.id(), "REFUND", amount, null, intent, "REQUESTED", note, Actor.current());
        }
        reviews.resolve(entryId, "refund of " + amount + " for order " + order.number() + ": " + note);
        return summaries.of(order.id());
    }
}
