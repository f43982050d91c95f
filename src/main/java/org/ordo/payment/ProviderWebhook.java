package org.ordo.payment;

import java.math.BigDecimal;
import java.util.UUID;

import org.ordo.ordering.TimelineReason;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.WebhookSignature;
import org.ordo.platform.Wording;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.SecurityEventKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment provider's signed webhook: authorizations, captures, voids, failures and refunds booked on the order
 * its metadata names, each event once, nothing booked that does not fit the order (invariant 9 in docs/design.md).
 */
@Component
class ProviderWebhook {

    private final Payments payments;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final JsonMapper json;
    private final OrdoProperties.Payment settings;
    private final ApplicationEventPublisher events;
    private final SecurityAuditLog securityLog;
    private final java.time.Clock clock;
    private final LatePayments latePayments;

    ProviderWebhook(Payments payments, OrderManagement orders, OrderLifecycle lifecycle, JsonMapper json,
            OrdoProperties properties, ApplicationEventPublisher events, SecurityAuditLog securityLog,
            java.time.Clock clock, LatePayments latePayments) {
        this.payments = payments;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.json = json;
        this.settings = properties.payment();
        this.events = events;
        this.securityLog = securityLog;
        this.clock = clock;
        this.latePayments = latePayments;
    }

    /**
     * Handles a payment provider webhook. The signature is checked before anything else; a forged, stale or
     * replayed call is refused (or, for a replay of an event already handled, acknowledged without change). A
     * signed event whose amount or currency does not fit the order (invariant 9 in docs/design.md) is recorded as
     * rejected with the reason and books nothing; it is answered 200, since sending the same event again cannot
     * make it fit. Bookings of one order are serialized ({@link Payments#lockBooks}).
     */
    @Transactional
    PaymentManagement.WebhookOutcome handle(String signatureHeader, byte[] body) {
        String secret = settings.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new ConflictException("webhooks-not-configured", "Webhooks not configured",
                    Wording.of("payment.set_ordo_payment_webhook_secret_to"));
        }
        WebhookSignature.verify("Stripe-Signature", signatureHeader, body, secret, settings.webhookTolerance(), clock);
        JsonNode event = json.readTree(body);
        String id = event.path("id").asString(null);
        String type = event.path("type").asString(null);
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || !object.isObject()) {
            throw new InvalidInputException("body", Wording.of("payment.needs_id_type_and_data_object"));
        }
        if (!payments.firstTime(PaymentManagement.PROVIDER, id, type)) {
            return new PaymentManagement.WebhookOutcome("duplicate", id, "already handled; nothing changed");
        }
        String orderRef = object.path("metadata").path("order_id").asString(null);
        if (orderRef == null) {
            payments.settle(PaymentManagement.PROVIDER, id, null, "IGNORED", "no order_id in metadata");
            return new PaymentManagement.WebhookOutcome("ignored", id, "no order_id in metadata");
        }
        UUID orderId = orders.idOf(orderRef);
        OrderView order = orders.require(orderId);
        payments.lockBooks(orderId);
        try {
            PaymentManagement.WebhookOutcome outcome = book(id, type, object, order);
            payments.settle(PaymentManagement.PROVIDER, id, orderId, outcome.status().toUpperCase(), outcome.detail());
            return outcome;
        } catch (Unfit unfit) {
            payments.settle(PaymentManagement.PROVIDER, id, orderId, "REJECTED", unfit.getMessage());
            // A validly signed event that tries to book money that does not fit is a security matter too: the
            // provider's account or our secret may be misused. Written in this transaction, as the rejection is.
            securityLog.record(SecurityEventKind.WEBHOOK_REJECTED, "webhook:payment " + id,
                    "order " + order.number() + ": " + unfit.getMessage());
            return new PaymentManagement.WebhookOutcome("rejected", id, unfit.getMessage());
        }
    }

    /** Books one provider event of an order; throws {@link Unfit} before writing anything if its amount does not fit. */
    private PaymentManagement.WebhookOutcome book(String id, String type, JsonNode object, OrderView order) {
        UUID orderId = order.id();
        String currency = object.path("currency").asString("").toUpperCase(java.util.Locale.ROOT);
        if (!currency.equals(order.currency())) {
            throw new Unfit("currency " + (currency.isEmpty() ? "missing" : shorten(currency)) + ", the order is in "
                    + order.currency());
        }
        Money gross = order.totals().gross();
        String providerRef = object.path("payment_intent").asString(object.path("id").asString(null));
        switch (type) {
            case "payment_intent.amount_capturable_updated" -> {
                Money amount = amount(object, "amount_capturable", currency);
                atMost(amount, gross, "authorization", "the order's total");
                payments.record(orderId, "AUTHORIZATION", amount, null, providerRef, "BOOKED", id, Actor.current());
                keepPaymentMethod(orderId, object);
                if (amount.amount().compareTo(gross.amount()) >= 0) {
                    lifecycle.markAuthorized(orderId, TimelineReason.of("authorized-by-provider",
                            "authorized by the payment provider (" + providerRef + ")", providerRef));
                }
            }
            case "payment_intent.succeeded" -> {
                Money amount = amount(object, "amount_received", currency);
                // The provider can take at most the order's total: that is what Ordo asks it to capture.
                Money captured = new Money(payments.captured(orderId), currency);
                atMost(captured.plus(amount), gross, "captures (" + captured + " before this one)",
                        "the order's total");
                payments.record(orderId, "CAPTURE", amount, null, providerRef, "BOOKED", id, Actor.current());
                keepPaymentMethod(orderId, object);
                if (order.status() == org.ordo.ordering.OrderStatus.CANCELLED && orders.expiredUnpaid(orderId)) {
                    latePayments.arrived(order, "CAPTURE", amount, providerRef);
                    return new PaymentManagement.WebhookOutcome("processed", id, type + "; the order had expired unpaid: in review");
                }
                lifecycle.recordPayment(orderId, new Money(payments.received(orderId), currency),
                        TimelineReason.of("captured-by-provider",
                                "captured by the payment provider (" + providerRef + ")", providerRef));
            }
            case "payment_intent.canceled" -> {
                payments.record(orderId, "VOID", gross, null, providerRef, "BOOKED", id, Actor.current());
                lifecycle.markVoided(orderId, TimelineReason.of("voided-by-provider",
                        "authorization voided by the payment provider (" + providerRef + ")", providerRef));
            }
            case "payment_intent.payment_failed" -> {
                Money amount = amount(object, "amount", currency);
                atMost(amount, gross, "failed amount", "the order's total");
                payments.record(orderId, "FAILURE", amount, null, providerRef, "FAILED",
                        object.path("last_payment_error").path("message").asString(id), Actor.current());
            }
            case "charge.refunded" -> {
                // amount_refunded is the provider's running total for the charge, not this refund alone
                Money total = amount(object, "amount_refunded", currency);
                Money received = new Money(payments.received(orderId), currency);
                atMost(total, received, "refunds", "what was received");
                Money already = new Money(payments.refunded(orderId), currency);
                Money now = total.minus(already);
                if (now.amount().signum() > 0) {
                    UUID refund = payments.bookRefund(orderId, now, null, providerRef, id, Actor.current())
                            .orElseThrow(() -> new Unfit("refunds of " + total + " would exceed what was received ("
                                    + received + ")"));
                    events.publishEvent(new RefundBooked(orderId, refund, now, received.minus(total)));
                    lifecycle.markRefunded(orderId, total, TimelineReason.of("refunded-by-provider",
                            "refunded by the payment provider (" + providerRef + ")", providerRef));
                }
            }
            default -> {
                return new PaymentManagement.WebhookOutcome("ignored", id, "event type " + shorten(type) + " needs nothing");
            }
        }
        return new PaymentManagement.WebhookOutcome("processed", id, type);
    }

    /**
     * Keeps the card the order was paid with, as the provider names it for reuse: its customer and payment method
     * (a Stripe payment intent's {@code customer} and {@code payment_method}, as a checkout that saves the card for
     * later, {@code setup_future_usage=off_session}, sends them). A dearer replacement of an exchange is charged to
     * it ({@link ReturnPayments#chargeExchange}). An event without both keeps nothing.
     */
    private void keepPaymentMethod(UUID orderId, JsonNode object) {
        JsonNode customer = object.path("customer");
        JsonNode method = object.path("payment_method");
        if (customer.isString() && method.isString()) {
            payments.keepPaymentMethod(orderId, PaymentManagement.PROVIDER, customer.asString(), method.asString());
        }
    }

    /** A provider event whose amount or currency does not fit its order; the message says why. */
    private static final class Unfit extends RuntimeException {
        Unfit(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * An amount in the currency's minor units, taken exactly as sent: a whole JSON number, not negative, that a
     * long holds. {@code 1.5} or {@code 1e30} minor units are not money.
     */
    private static Money amount(JsonNode object, String field, String currency) {
        JsonNode value = object.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new Unfit(field + " must be a whole, non-negative number of minor units; got "
                    + (value.isMissingNode() ? "nothing" : shorten(value.toString())));
        }
        return minor(value.longValue(), currency);
    }

    private static void atMost(Money amount, Money limit, String what, String limitName) {
        if (amount.amount().compareTo(limit.amount()) > 0) {
            throw new Unfit(what + " of " + amount + " would exceed " + limitName + " (" + limit + ")");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static Money minor(long amount, String currency) {
        return new Money(BigDecimal.valueOf(amount, Money.minorUnits(currency)), currency);
    }
}
