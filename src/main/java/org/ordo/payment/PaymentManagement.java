package org.ordo.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ordo.intake.Intake;
import org.ordo.ordering.OrderCancelled;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.payment.internal.PaymentProvider;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.WebhookSignature;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.OrdoProperties;
import org.ordo.shipping.ShipmentShipped;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Payments of orders, from banks and from the payment provider. */
@Service
public class PaymentManagement {

    public static final String PROVIDER = "stripe";
    private static final Pattern ORDER_NUMBER = Pattern.compile("SO-\\d+");

    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final Intake intake;
    private final JsonMapper json;
    private final OrdoProperties.Payment settings;
    private final ApplicationEventPublisher events;

    PaymentManagement(Payments payments, PaymentProvider provider, OrderManagement orders, OrderLifecycle lifecycle,
            Intake intake, JsonMapper json, OrdoProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.intake = intake;
        this.json = json;
        this.settings = properties.payment();
    }

    /**
     * Books money received by bank transfer. Paid in full or more: the order is PAID and goes to the warehouse;
     * less: it waits, with what came in visible. Over-payments show as a negative balance.
     */
    @Transactional
    public PaymentSummary recordBankTransfer(BankTransfer transfer) {
        if (transfer.order() == null || transfer.order().isBlank()) {
            throw new InvalidInputException("order", "is required: the order id or number");
        }
        if (transfer.amount() == null) {
            throw new InvalidInputException("amount", "is required");
        }
        Money amount = transfer.amount().toMoney("amount");
        if (amount.amount().signum() == 0) {
            throw new InvalidInputException("amount.amount", "must be more than zero");
        }
        if (transfer.reference() != null && transfer.reference().length() > 200) {
            throw new InvalidInputException("reference", "must be at most 200 characters");
        }
        OrderView order = orders.require(orders.idOf(transfer.order().trim()));
        if (!amount.currency().equals(order.currency())) {
            throw new InvalidInputException("amount.currency", "the order is in " + order.currency());
        }
        if (order.status() == org.ordo.ordering.OrderStatus.CANCELLED) {
            throw new ConflictException("order-cancelled", "Order cancelled", "Order " + order.number()
                    + " is cancelled; send the money back to the payer", Map.of("order", order.number()));
        }
        payments.record(order.id(), "BANK_TRANSFER", amount, transfer.reference(), null, "BOOKED",
                transfer.bookedOn() == null ? null : "booked on " + transfer.bookedOn(), Actor.current());
        Money received = new Money(payments.received(order.id()), order.currency());
        lifecycle.recordPayment(order.id(), received, "bank transfer of " + amount
                + (transfer.reference() == null ? "" : " (" + transfer.reference() + ")"));
        return summary(order.id());
    }

    /**
     * Imports a bank statement (CSV: date;amount;currency;reference per line, a header line is skipped). Each
     * line whose reference names an order number (SO-…) is booked to it; the others, and any that cannot be
     * booked, are listed and the stored statement goes to the review queue with them.
     */
    @Transactional
    public StatementImport importBankStatement(byte[] csv, String contentType) {
        UUID documentId = intake.archive("bank-statement", contentType, csv, Actor.current());
        List<StatementImport.Matched> matched = new ArrayList<>();
        List<StatementImport.Unmatched> unmatched = new ArrayList<>();
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\\R");
        int counted = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || (i == 0 && line.toLowerCase().startsWith("date"))) {
                continue;
            }
            counted++;
            String[] cells = line.split(";", 4);
            if (cells.length < 4) {
                unmatched.add(new StatementImport.Unmatched(i + 1, line, "needs date;amount;currency;reference"));
                continue;
            }
            Matcher number = ORDER_NUMBER.matcher(cells[3]);
            if (!number.find()) {
                unmatched.add(new StatementImport.Unmatched(i + 1, line, "no order number in the reference"));
                continue;
            }
            String amount = cells[1].trim().replace(',', '.');
            try {
                if (payments.transferBooked(orders.idOf(number.group()), amount, cells[3].trim(), cells[0].trim())) {
                    unmatched.add(new StatementImport.Unmatched(i + 1, line, "already booked (same order, amount,"
                            + " reference and date)"));
                    continue;
                }
                recordBankTransfer(new BankTransfer(number.group(), new org.ordo.platform.MoneyInput(amount,
                        cells[2].trim()), cells[3].trim(), cells[0].trim()));
                matched.add(new StatementImport.Matched(i + 1, number.group(), amount, cells[2].trim()));
            } catch (InvalidInputException | NotFoundException | ConflictException e) {
                unmatched.add(new StatementImport.Unmatched(i + 1, line, e.getMessage()));
            }
        }
        if (unmatched.isEmpty()) {
            intake.processed(documentId, "BANK_STATEMENT", documentId);
        } else {
            intake.review(documentId, unmatched.size() + " line(s) not booked: " + unmatched.stream()
                    .map(u -> "line " + u.line() + ": " + u.reason()).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return new StatementImport(documentId, counted, matched, unmatched);
    }

    /** Books a refund that was paid out (by bank, or confirmed by the provider). */
    @Transactional
    public PaymentSummary recordRefund(String order, org.ordo.platform.MoneyInput amountInput, String reference) {
        OrderView view = orders.require(orders.idOf(order));
        Money amount = amountInput == null ? null : amountInput.toMoney("amount");
        if (amount == null || amount.amount().signum() == 0) {
            throw new InvalidInputException("amount", "is required and must be more than zero");
        }
        if (!amount.currency().equals(view.currency())) {
            throw new InvalidInputException("amount.currency", "the order is in " + view.currency());
        }
        BigDecimal refunded = payments.refunded(view.id()).add(amount.amount());
        if (refunded.compareTo(payments.received(view.id())) > 0) {
            throw new InvalidInputException("amount.amount", "refunds would exceed what was received");
        }
        UUID refund = payments.record(view.id(), "REFUND", amount, reference, null, "BOOKED", null, Actor.current());
        events.publishEvent(new RefundBooked(view.id(), refund, amount,
                new Money(payments.received(view.id()).subtract(refunded), view.currency())));
        lifecycle.markRefunded(view.id(), new Money(refunded, view.currency()), "refund " + amount);
        return summary(view.id());
    }

    /** How a refund for a return was carried out: sent to the provider, or recorded for a person to pay. */
    public record ReturnRefund(UUID paymentId, boolean sentToProvider, String note) {
    }

    /**
     * Pays back money for a return, in the caller's transaction, the way the order was paid: card money through
     * the provider's API when it is configured (idempotency key {@code ordo-return-<returnId>}, so a retried
     * call never pays twice; the provider's webhook books it), else recorded REQUESTED for a person (a bank
     * transfer back, to {@code iban} when given) who books it when paid. One requested refund per return: the
     * RMA number is its reference (a unique index). Refuses (409) more than was received and not yet refunded
     * (invariant 9). Publishes nothing: money counts once it is booked.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public ReturnRefund refundReturn(UUID orderId, UUID returnId, String rmaNumber, Money amount, String iban) {
        BigDecimal open = payments.received(orderId).subtract(payments.refunded(orderId));
        if (amount.amount().compareTo(open) > 0) {
            throw new ConflictException("refund-exceeds-received", "Refund exceeds what was received",
                    "A refund of " + amount + " for " + rmaNumber + " is more than the " + open
                            + " received and not refunded", Map.of("field", "amount"));
        }
        String intent = payments.providerRef(orderId);
        boolean byCard = intent != null && provider.configured()
                && payments.captured(orderId).compareTo(amount.amount()) >= 0;
        String note = "return " + rmaNumber;
        if (byCard) {
            long minor = amount.amount().movePointRight(Money.minorUnits(amount.currency())).longValueExact();
            note = callProvider(() -> provider.refund(intent, minor, "ordo-return-" + returnId), note);
        } else {
            note += iban == null ? "; pay it back and book it" : "; transfer it back to " + iban + " and book it";
        }
        UUID id = payments.record(orderId, "REFUND", amount, rmaNumber, byCard ? intent : null, "REQUESTED", note,
                Actor.current());
        return new ReturnRefund(id, byCard && note.endsWith("sent to the provider"), note);
    }

    public PaymentSummary summary(UUID orderId) {
        OrderView order = orders.require(orderId);
        Money received = new Money(payments.received(orderId), order.currency());
        Money refunded = new Money(payments.refunded(orderId), order.currency());
        Money balance = order.status() == org.ordo.ordering.OrderStatus.CANCELLED
                ? refunded.minus(received)
                : order.totals().gross().minus(received).plus(refunded);
        return new PaymentSummary(orderId, order.number(), order.paymentStatus().name(), order.totals().gross(),
                received, refunded, balance, payments.of(orderId));
    }

    /** What a webhook call came to. */
    public record WebhookOutcome(String status, String eventId, String detail) {
    }

    /**
     * Handles a payment provider webhook. The signature is checked before anything else; a forged, stale or
     * replayed call is refused (or, for a replay of an event already handled, acknowledged without change).
     */
    @Transactional
    public WebhookOutcome handleProviderEvent(String signatureHeader, byte[] body) {
        String secret = settings.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new ConflictException("webhooks-not-configured", "Webhooks not configured",
                    "Set ORDO_PAYMENT_WEBHOOK_SECRET to accept payment provider webhooks");
        }
        WebhookSignature.verify("Stripe-Signature", signatureHeader, body, secret, settings.webhookTolerance());
        JsonNode event = json.readTree(body);
        String id = event.path("id").asString(null);
        String type = event.path("type").asString(null);
        JsonNode object = event.path("data").path("object");
        if (id == null || type == null || !object.isObject()) {
            throw new InvalidInputException("body", "needs id, type and data.object");
        }
        if (!payments.firstTime(PROVIDER, id, type)) {
            return new WebhookOutcome("duplicate", id, "already handled; nothing changed");
        }
        String orderRef = object.path("metadata").path("order_id").asString(null);
        if (orderRef == null) {
            return new WebhookOutcome("ignored", id, "no order_id in metadata");
        }
        UUID orderId = orders.idOf(orderRef);
        OrderView order = orders.require(orderId);
        String currency = object.path("currency").asString("").toUpperCase();
        if (!currency.equals(order.currency())) {
            throw new InvalidInputException("data.object.currency", "the order is in " + order.currency());
        }
        String providerRef = object.path("payment_intent").asString(object.path("id").asString(null));
        switch (type) {
            case "payment_intent.amount_capturable_updated" -> {
                Money amount = minor(object.path("amount_capturable").asLong(0), currency);
                payments.record(orderId, "AUTHORIZATION", amount, null, providerRef, "BOOKED", id, Actor.current());
                if (amount.amount().compareTo(order.totals().gross().amount()) >= 0) {
                    lifecycle.markAuthorized(orderId, "authorized by the payment provider (" + providerRef + ")");
                }
            }
            case "payment_intent.succeeded" -> {
                Money amount = minor(object.path("amount_received").asLong(0), currency);
                payments.record(orderId, "CAPTURE", amount, null, providerRef, "BOOKED", id, Actor.current());
                lifecycle.recordPayment(orderId, new Money(payments.received(orderId), currency),
                        "captured by the payment provider (" + providerRef + ")");
            }
            case "payment_intent.canceled" -> {
                payments.record(orderId, "VOID", order.totals().gross(), null, providerRef, "BOOKED", id,
                        Actor.current());
                lifecycle.markVoided(orderId, "authorization voided by the payment provider (" + providerRef + ")");
            }
            case "payment_intent.payment_failed" -> payments.record(orderId, "FAILURE",
                    minor(object.path("amount").asLong(0), currency), null, providerRef, "FAILED",
                    object.path("last_payment_error").path("message").asString(id), Actor.current());
            case "charge.refunded" -> {
                Money total = minor(object.path("amount_refunded").asLong(0), currency);
                Money already = new Money(payments.refunded(orderId), currency);
                Money now = total.minus(already);
                if (now.amount().signum() > 0) {
                    UUID refund = payments.record(orderId, "REFUND", now, null, providerRef, "BOOKED", id,
                            Actor.current());
                    events.publishEvent(new RefundBooked(orderId, refund, now, new Money(
                            payments.received(orderId).subtract(payments.refunded(orderId)), currency)));
                    lifecycle.markRefunded(orderId, total, "refunded by the payment provider (" + providerRef + ")");
                }
            }
            default -> {
                return new WebhookOutcome("ignored", id, "event type " + type + " needs nothing");
            }
        }
        return new WebhookOutcome("processed", id, type);
    }

    /**
     * A cancelled order gives back what was taken: the authorization is voided and received card money refunded
     * at the provider (when its API is configured; else recorded as requested for a person to do), money that
     * came by bank transfer is recorded as a refund to make. Refunds count once confirmed.
     */
    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        OrderView order = orders.require(cancelled.orderId());
        String intent = payments.providerRef(order.id());
        if (cancelled.paymentStatus() == PaymentStatus.AUTHORIZED) {
            String note = "order cancelled: " + cancelled.reason();
            boolean voided = false;
            if (intent != null && provider.configured()) {
                note = callProvider(() -> provider.cancel(intent, "ordo-void-" + order.id()), note);
                voided = note.endsWith("sent to the provider");
            }
            payments.record(order.id(), "VOID", order.totals().gross(), null, intent,
                    voided ? "BOOKED" : "REQUESTED", note, Actor.SYSTEM);
            if (voided) {
                lifecycle.markVoided(order.id(), "authorization voided at the provider: order cancelled");
            }
        }
        BigDecimal captured = payments.captured(order.id());
        BigDecimal transferred = payments.received(order.id()).subtract(captured);
        BigDecimal owed = payments.received(order.id()).subtract(payments.refunded(order.id()));
        if (owed.signum() <= 0) {
            return;
        }
        BigDecimal byCard = owed.min(captured);
        if (byCard.signum() > 0) {
            String note = "order cancelled: " + cancelled.reason();
            if (intent != null && provider.configured()) {
                long minor = byCard.movePointRight(Money.minorUnits(order.currency())).longValueExact();
                note = callProvider(() -> provider.refund(intent, minor, "ordo-refund-" + order.id()), note);
            }
            payments.record(order.id(), "REFUND", new Money(byCard, order.currency()), null, intent, "REQUESTED",
                    note, Actor.SYSTEM);
        }
        BigDecimal byBank = owed.subtract(byCard).min(transferred);
        if (byBank.signum() > 0) {
            payments.record(order.id(), "REFUND", new Money(byBank, order.currency()), null, null, "REQUESTED",
                    "order cancelled: " + cancelled.reason() + "; transfer the money back and book it",
                    Actor.SYSTEM);
        }
    }

    /** Authorized payments are captured when the first parcel ships. */
    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        OrderView order = orders.require(shipped.orderId());
        String intent = payments.providerRef(order.id());
        if (order.paymentStatus() != PaymentStatus.AUTHORIZED || intent == null || payments.captureRequested(order.id())) {
            return;
        }
        String note = "first parcel shipped (" + shipped.carrier() + " " + shipped.trackingNumber() + ")";
        if (provider.configured()) {
            long minor = order.totals().gross().amount().movePointRight(Money.minorUnits(order.currency()))
                    .longValueExact();
            note = callProvider(() -> provider.capture(intent, minor, "ordo-capture-" + order.id()), note);
        }
        payments.record(order.id(), "CAPTURE", order.totals().gross(), null, intent, "REQUESTED", note, Actor.SYSTEM);
    }

    /** Runs a provider call; a final refusal is noted, other failures throw so that the event is retried. */
    private static String callProvider(Runnable call, String note) {
        try {
            call.run();
            return note + "; sent to the provider";
        } catch (PaymentProvider.Refused refused) {
            return note + "; the provider refused: " + refused.getMessage();
        }
    }

    private static Money minor(long amount, String currency) {
        return new Money(BigDecimal.valueOf(amount, Money.minorUnits(currency)), currency);
    }

}
