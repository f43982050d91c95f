package org.ordo.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ordo.intake.Intake;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.ordering.OrderCancelled;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentMethod;
import org.ordo.ordering.PaymentStatus;
import org.ordo.payment.internal.PaymentProvider;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.WebhookSignature;
import org.ordo.platform.Actor;
import org.ordo.platform.BusinessDates;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.TextInput;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.SecurityEventKind;
import org.ordo.shipping.ShipmentShipped;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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
    private final SecurityAuditLog securityLog;
    private final java.time.Clock clock;
    private final ReviewQueue reviews;

    PaymentManagement(Payments payments, PaymentProvider provider, OrderManagement orders, OrderLifecycle lifecycle,
            Intake intake, JsonMapper json, OrdoProperties properties, ApplicationEventPublisher events,
            SecurityAuditLog securityLog, java.time.Clock clock, ReviewQueue reviews) {
        this.clock = clock;
        this.reviews = reviews;
        this.events = events;
        this.securityLog = securityLog;
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.intake = intake;
        this.json = json;
        this.settings = properties.payment();
    }

    /** {@link #bookBankTransfer}, for callers that need only the summary. */
    @Transactional
    public PaymentSummary recordBankTransfer(BankTransfer transfer) {
        return bookBankTransfer(transfer).summary();
    }

    /**
     * Books money received by bank transfer. Paid in full or more: the order is PAID and goes to the warehouse;
     * less: it waits, with what came in visible. Over-payments show as a negative balance. Once per reference and
     * booking date (default: today): the same again with the same amount is the existing booking, with another
     * amount refused (409); a unique index decides, under the order's books lock.
     */
    @Transactional
    public Booking bookBankTransfer(BankTransfer transfer) {
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
        if (transfer.reference() != null && transfer.reference().length() > BankTransfer.MAX_REFERENCE) {
            throw new InvalidInputException("reference", "must be at most " + BankTransfer.MAX_REFERENCE + " characters");
        }
        TextInput.check("reference", transfer.reference(), false);
        LocalDate bookedOn = transfer.bookedOn() == null ? null : BusinessDates.date("bookedOn", transfer.bookedOn());
        OrderView order = orders.require(orders.idOf(transfer.order().trim()));
        if (!amount.currency().equals(order.currency())) {
            throw new InvalidInputException("amount.currency", "the order is in " + order.currency());
        }
        boolean late = order.status() == org.ordo.ordering.OrderStatus.CANCELLED && orders.expiredUnpaid(order.id());
        if (order.status() == org.ordo.ordering.OrderStatus.CANCELLED && !late) {
            throw new ConflictException("order-cancelled", "Order cancelled", "Order " + order.number()
                    + " is cancelled; send the money back to the payer", Map.of("order", order.number()));
        }
        payments.lockBooks(order.id());
        String reference = transfer.reference() == null || transfer.reference().isBlank() ? null
                : transfer.reference().strip();
        String key = reference == null ? null
                : reference + " on " + (bookedOn != null ? bookedOn : LocalDate.now(clock));
        if (payments.recordOnce(order.id(), "BANK_TRANSFER", amount, transfer.reference(), key,
                bookedOn == null ? null : "booked on " + bookedOn, Actor.current()).isEmpty()) {
            return existing(order, "BANK_TRANSFER", key, amount, "a bank transfer");
        }
        if (late) {
            lateMoney(order, "BANK_TRANSFER", amount, reference);
            return new Booking(summary(order.id()), false);
        }
        Money received = new Money(payments.received(order.id()), order.currency());
        lifecycle.recordPayment(order.id(), received, "bank transfer of " + amount
                + (transfer.reference() == null ? "" : " (" + transfer.reference() + ")"));
        return new Booking(summary(order.id()), false);
    }

    /**
     * The answer to a booking whose business reference was booked before (invariant 9 in docs/design.md: money
     * counts once): the existing booking when the amount is the same, else 409 naming the reference.
     */
    private Booking existing(OrderView order, String kind, String key, Money amount, String what) {
        BigDecimal booked = payments.bookedUnder(order.id(), kind, key).orElseThrow();
        if (booked.compareTo(amount.amount()) != 0) {
            throw new ConflictException("reference-already-booked", "Reference already booked",
                    "Order " + order.number() + " has " + what + " of " + Money.rounded(booked, order.currency())
                            + " booked under this reference; another amount needs another reference",
                    Map.of("field", "reference", "booked", Money.rounded(booked, order.currency()).amount().toPlainString()));
        }
        return new Booking(summary(order.id()), true);
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
            // A decimal comma, as bank exports write it, is a point; anything else must be exact (see Numbers).
            String amount = cells[1].trim().replace(',', '.');
            try {
                LocalDate bookedOn = BusinessDates.date("date", cells[0].trim());
                Money money = new org.ordo.platform.MoneyInput(amount, cells[2].trim()).toMoney("amount");
                TextInput.check("reference", cells[3].trim(), false);
                if (payments.transferBooked(orders.idOf(number.group()), money.amount(), cells[3].trim(),
                        bookedOn.toString())) {
                    unmatched.add(new StatementImport.Unmatched(i + 1, line, "already booked (same order, amount,"
                            + " reference and date)"));
                    continue;
                }
                recordBankTransfer(new BankTransfer(number.group(), new org.ordo.platform.MoneyInput(amount,
                        cells[2].trim()), cells[3].trim(), bookedOn.toString()));
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

    /**
     * Money booked for an order that had been cancelled for want of payment: the order stays cancelled and a person
     * decides, in the review queue (kind LATE_PAYMENT), to reopen it or to give the money back. What came in is kept
     * as a document of its own (channel {@code late-payment}), which the entry shows.
     */
    private void lateMoney(OrderView order, String kind, Money amount, String reference) {
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
                    "review entry " + entryId + " is " + entry.kind() + ", not a payment that came after its order "
                            + "expired", Map.of("entry", entryId.toString()));
        }
        if (entry.status() != ReviewEntry.Status.OPEN) {
            throw new ConflictException("review-entry-closed", "Review entry already closed",
                    "review entry " + entryId + " was already settled", Map.of("entry", entryId.toString()));
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
    public PaymentSummary reopenLatePayment(UUID entryId) {
        LatePayment late = latePayment(entryId);
        OrderView order = orders.reopenExpired(late.orderId(), "payment of " + late.amount() + " arrived late");
        payments.lockBooks(order.id());
        Money received = new Money(payments.received(order.id()), order.currency());
        lifecycle.recordPayment(order.id(), received, "payment of " + late.amount() + " after the order expired");
        reviews.resolve(entryId, "order " + order.number() + " reopened; " + received + " received");
        return summary(order.id());
    }

    /**
     * Settles a late payment by giving it back, the way it came: a card payment through the provider when its API
     * is configured (idempotency key {@code ordo-late-<entry>}), else a refund recorded as requested for a person to
     * pay and book. At most what was received and not refunded. The order stays cancelled; the entry is resolved.
     */
    @Transactional
    public PaymentSummary refundLatePayment(UUID entryId) {
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
                note = callProvider(() -> provider.refund(intent, minor, "ordo-late-" + entryId), note);
            } else {
                note += "; pay it back and book it";
            }
            payments.record(order.id(), "REFUND", amount, null, intent, "REQUESTED", note, Actor.current());
        }
        reviews.resolve(entryId, "refund of " + amount + " for order " + order.number() + ": " + note);
        return summary(order.id());
    }

    /** {@link #bookRefund}, for callers that need only the summary. */
    @Transactional
    public PaymentSummary recordRefund(String order, org.ordo.platform.MoneyInput amountInput, String reference) {
        return bookRefund(order, amountInput, reference).summary();
    }

    /**
     * Books a refund that was paid out (by bank, or confirmed by the provider), within what was received (422
     * beyond it). Once per reference: the same reference and amount again is the existing booking, another amount
     * refused (409); one conditional insert decides both, under the order's books lock.
     */
    @Transactional
    public Booking bookRefund(String order, org.ordo.platform.MoneyInput amountInput, String reference) {
        OrderView view = orders.require(orders.idOf(order));
        Money amount = amountInput == null ? null : amountInput.toMoney("amount");
        if (amount == null || amount.amount().signum() == 0) {
            throw new InvalidInputException("amount", "is required and must be more than zero");
        }
        if (!amount.currency().equals(view.currency())) {
            throw new InvalidInputException("amount.currency", "the order is in " + view.currency());
        }
        // the same limit as a bank transfer's: without it any text up to the body limit was booked
        if (reference != null && reference.length() > BankTransfer.MAX_REFERENCE) {
            throw new InvalidInputException("reference", "must be at most " + BankTransfer.MAX_REFERENCE + " characters");
        }
        TextInput.check("reference", reference, false);
        String key = reference == null || reference.isBlank() ? null : reference.strip();
        payments.lockBooks(view.id());
        java.util.Optional<UUID> booked = payments.bookRefund(view.id(), amount, reference, key, null, null,
                Actor.current());
        if (booked.isEmpty()) {
            if (key != null && payments.bookedUnder(view.id(), "REFUND", key).isPresent()) {
                return existing(view, "REFUND", key, amount, "a refund");
            }
            throw new InvalidInputException("amount.amount", "refunds would exceed what was received");
        }
        BigDecimal refunded = payments.refunded(view.id());
        events.publishEvent(new RefundBooked(view.id(), booked.get(), amount,
                new Money(payments.received(view.id()).subtract(refunded), view.currency())));
        lifecycle.markRefunded(view.id(), new Money(refunded, view.currency()), "refund " + amount);
        return new Booking(summary(view.id()), false);
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

    /**
     * Moves what the returned goods of an exchange were worth from the returned order onto its replacement, in the
     * caller's transaction: a booked refund on the returned order (reference: the RMA number) and an
     * {@code EXCHANGE_CREDIT} received on the replacement, which is then paid in full or waits for the difference.
     * Locks both orders' books in id order. Once per return (a unique index on the credit); refuses (409) more
     * than the returned order received and has not refunded (invariant 9).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void creditExchange(UUID returnedOrder, UUID replacementOrder, String rmaNumber, Money amount) {
        List<UUID> books = new ArrayList<>(List.of(returnedOrder, replacementOrder));
        books.sort(null);
        books.forEach(payments::lockBooks);
        OrderView from = orders.require(returnedOrder);
        OrderView to = orders.require(replacementOrder);
        payments.bookRefund(returnedOrder, amount, rmaNumber, null, "credited to replacement order " + to.number(),
                Actor.current()).orElseThrow(() -> new ConflictException("refund-exceeds-received",
                        "Refund exceeds what was received", "The credit of " + amount + " for " + rmaNumber
                                + " is more than order " + from.number() + " received and did not refund",
                        Map.of("field", "amount")));
        lifecycle.markRefunded(returnedOrder, new Money(payments.refunded(returnedOrder), from.currency()),
                "credit of " + amount + " to replacement order " + to.number() + " (" + rmaNumber + ")");
        payments.record(replacementOrder, "EXCHANGE_CREDIT", amount, rmaNumber, null, "BOOKED",
                "goods of " + rmaNumber + " returned from order " + from.number(), Actor.current());
        lifecycle.recordPayment(replacementOrder, new Money(payments.received(replacementOrder), to.currency()),
                "credit of " + amount + " for the goods returned with " + rmaNumber);
    }

    /**
     * Exchange credits that do not come from a returned order's booked refund of the same amount and RMA number:
     * money made rather than moved. Empty when sound. Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<String> exchangeCreditsNotMoved() {
        return payments.exchangeCreditsNotMoved();
    }

    public PaymentSummary summary(UUID orderId) {
        OrderView order = orders.require(orderId);
        Money received = new Money(payments.received(orderId), order.currency());
        Money refunded = new Money(payments.refunded(orderId), order.currency());
        Money balance = order.status() == org.ordo.ordering.OrderStatus.CANCELLED
                ? refunded.minus(received)
                : order.totals().gross().minus(received).plus(refunded);
        return new PaymentSummary(orderId, order.number(), order.paymentStatus().name(), order.totals().gross(),
                received, refunded, balance, payments.of(orderId), payments.rejectedEvents(orderId));
    }

    /** Orders whose money does not add up (invariant 9 in docs/design.md); each list empty when all is well. */
    public record BooksCheck(List<String> refundsBeyondReceived, List<String> statusesOffBalance) {
    }

    /**
     * Checks every order's payment status against its booked money, in pages of orders: refunds never exceed what
     * was received; PAID means what was received less what was refunded covers the total; PENDING or AUTHORIZED
     * means it does not yet (open and held orders); REFUNDED means everything received went back;
     * PARTIALLY_REFUNDED means some but not all of it did. Reads only, locks nothing.
     */
    @Transactional(readOnly = true)
    public BooksCheck checkBooks() {
        List<String> beyond = new ArrayList<>();
        List<String> offBalance = new ArrayList<>();
        UUID after = new UUID(0, 0);
        for (List<org.ordo.ordering.OrderPaymentState> page = orders.paymentStates(after, BOOKS_PAGE);
                !page.isEmpty(); page = orders.paymentStates(after, BOOKS_PAGE)) {
            after = page.get(page.size() - 1).id();
            Map<UUID, BigDecimal[]> sums = payments.receivedAndRefunded(
                    page.stream().map(org.ordo.ordering.OrderPaymentState::id).toList());
            for (var order : page) {
                BigDecimal[] sum = sums.getOrDefault(order.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                Money received = Money.rounded(sum[0], order.gross().currency());
                Money refunded = Money.rounded(sum[1], order.gross().currency());
                if (refunded.amount().compareTo(received.amount()) > 0) {
                    beyond.add(order.number() + ": refunded " + refunded + " but received only " + received);
                }
                String off = offBalance(order, received, refunded);
                if (off != null) {
                    offBalance.add(order.number() + " is " + order.paymentStatus() + " but " + off + " (received "
                            + received + ", refunded " + refunded + ", total " + order.gross() + ")");
                }
            }
        }
        return new BooksCheck(beyond, offBalance);
    }

    private static final int BOOKS_PAGE = 1000;

    /** Why the order's payment status does not agree with its booked money; null when it does. */
    private static String offBalance(org.ordo.ordering.OrderPaymentState order, Money received, Money refunded) {
        BigDecimal kept = received.amount().subtract(refunded.amount());
        boolean covered = kept.compareTo(order.gross().amount()) >= 0;
        boolean live = order.status() == org.ordo.ordering.OrderStatus.OPEN
                || order.status() == org.ordo.ordering.OrderStatus.ON_HOLD;
        return switch (order.paymentStatus()) {
            case PAID -> covered ? null : "what was kept does not cover the total";
            case PENDING, AUTHORIZED -> live && received.amount().signum() > 0 && covered
                    ? "the total has been received" : null;
            case REFUNDED -> refunded.amount().signum() > 0 && refunded.amount().compareTo(received.amount()) >= 0
                    ? null : "not everything received went back";
            case PARTIALLY_REFUNDED -> refunded.amount().signum() > 0 && kept.signum() > 0
                    ? null : "the refunds are not a part of what was received";
        };
    }

    /** What a webhook call came to: processed, rejected (nothing booked; see detail), ignored or duplicate. */
    public record WebhookOutcome(String status, String eventId, String detail) {
    }

    /**
     * Handles a payment provider webhook. The signature is checked before anything else; a forged, stale or
     * replayed call is refused (or, for a replay of an event already handled, acknowledged without change). A
     * signed event whose amount or currency does not fit the order (invariant 9 in docs/design.md) is recorded as
     * rejected with the reason and books nothing; it is answered 200, since sending the same event again cannot
     * make it fit. Bookings of one order are serialized ({@link Payments#lockBooks}).
     */
    @Transactional
    public WebhookOutcome handleProviderEvent(String signatureHeader, byte[] body) {
        String secret = settings.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new ConflictException("webhooks-not-configured", "Webhooks not configured",
                    "Set ORDO_PAYMENT_WEBHOOK_SECRET to accept payment provider webhooks");
        }
        WebhookSignature.verify("Stripe-Signature", signatureHeader, body, secret, settings.webhookTolerance(), clock);
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
            payments.settle(PROVIDER, id, null, "IGNORED", "no order_id in metadata");
            return new WebhookOutcome("ignored", id, "no order_id in metadata");
        }
        UUID orderId = orders.idOf(orderRef);
        OrderView order = orders.require(orderId);
        payments.lockBooks(orderId);
        try {
            WebhookOutcome outcome = book(id, type, object, order);
            payments.settle(PROVIDER, id, orderId, outcome.status().toUpperCase(), outcome.detail());
            return outcome;
        } catch (Unfit unfit) {
            payments.settle(PROVIDER, id, orderId, "REJECTED", unfit.getMessage());
            // A validly signed event that tries to book money that does not fit is a security matter too: the
            // provider's account or our secret may be misused. Written in this transaction, as the rejection is.
            securityLog.record(SecurityEventKind.WEBHOOK_REJECTED, "webhook:payment " + id,
                    "order " + order.number() + ": " + unfit.getMessage());
            return new WebhookOutcome("rejected", id, unfit.getMessage());
        }
    }

    /** Books one provider event of an order; throws {@link Unfit} before writing anything if its amount does not fit. */
    private WebhookOutcome book(String id, String type, JsonNode object, OrderView order) {
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
                if (amount.amount().compareTo(gross.amount()) >= 0) {
                    lifecycle.markAuthorized(orderId, "authorized by the payment provider (" + providerRef + ")");
                }
            }
            case "payment_intent.succeeded" -> {
                Money amount = amount(object, "amount_received", currency);
                // The provider can take at most the order's total: that is what Ordo asks it to capture.
                Money captured = new Money(payments.captured(orderId), currency);
                atMost(captured.plus(amount), gross, "captures (" + captured + " before this one)",
                        "the order's total");
                payments.record(orderId, "CAPTURE", amount, null, providerRef, "BOOKED", id, Actor.current());
                if (order.status() == org.ordo.ordering.OrderStatus.CANCELLED && orders.expiredUnpaid(orderId)) {
                    lateMoney(order, "CAPTURE", amount, providerRef);
                    return new WebhookOutcome("processed", id, type + "; the order had expired unpaid: in review");
                }
                lifecycle.recordPayment(orderId, new Money(payments.received(orderId), currency),
                        "captured by the payment provider (" + providerRef + ")");
            }
            case "payment_intent.canceled" -> {
                payments.record(orderId, "VOID", gross, null, providerRef, "BOOKED", id, Actor.current());
                lifecycle.markVoided(orderId, "authorization voided by the payment provider (" + providerRef + ")");
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
                    lifecycle.markRefunded(orderId, total, "refunded by the payment provider (" + providerRef + ")");
                }
            }
            default -> {
                return new WebhookOutcome("ignored", id, "event type " + shorten(type) + " needs nothing");
            }
        }
        return new WebhookOutcome("processed", id, type);
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

    /**
     * An order paid on a marketplace arrives with its money already taken by the marketplace: that money is booked
     * as received in the placing transaction, so that the summary shows it paid with nothing left to pay. Runs
     * synchronously, in the placing transaction and as the placing caller (whose key names the marketplace).
     */
    @EventListener
    void on(OrderPlaced placed) {
        if (PaymentMethod.parse(placed.order().paymentMethod()) != PaymentMethod.MARKETPLACE) {
            return;
        }
        String marketplace = Actor.marketplace();
        payments.lockBooks(placed.orderId());
        payments.record(placed.orderId(), "MARKETPLACE", placed.total(), marketplace, null, "BOOKED",
                marketplace == null ? "paid on the marketplace, as an administrator said"
                        : "paid on marketplace " + marketplace, Actor.current());
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
