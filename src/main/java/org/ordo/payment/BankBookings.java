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

import org.ordo.ordering.TimelineReason;
import org.ordo.intake.Intake;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.ordo.platform.BusinessDates;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money a person books from the bank: transfers received (one at a time, or a whole statement imported), and
 * refunds paid out. Each once per business reference (invariant 9 in docs/design.md), under the order's books lock.
 */
@Component
class BankBookings {

    private final Payments payments;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final Intake intake;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final LatePayments latePayments;
    private final PaymentSummaries summaries;

    BankBookings(Payments payments, OrderManagement orders, OrderLifecycle lifecycle, Intake intake,
            ApplicationEventPublisher events, java.time.Clock clock, LatePayments latePayments,
            PaymentSummaries summaries) {
        this.payments = payments;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.intake = intake;
        this.events = events;
        this.clock = clock;
        this.latePayments = latePayments;
        this.summaries = summaries;
    }

    private static final Pattern ORDER_NUMBER = Pattern.compile("SO-\\d+");

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
            throw new InvalidInputException("order", Wording.of("payment.is_required_the_order_id_or"));
        }
        if (transfer.amount() == null) {
            throw new InvalidInputException("amount", Wording.of("platform.is_required"));
        }
        Money amount = transfer.amount().toMoney("amount");
        if (amount.amount().signum() == 0) {
            throw new InvalidInputException("amount.amount", Wording.of("payment.must_be_more_than_zero"));
        }
        if (transfer.reference() != null && transfer.reference().length() > BankTransfer.MAX_REFERENCE) {
            throw new InvalidInputException("reference", Wording.of("platform.must_be_at_most_characters",
                    BankTransfer.MAX_REFERENCE));
        }
        TextInput.check("reference", transfer.reference(), false);
        LocalDate bookedOn = transfer.bookedOn() == null ? null : BusinessDates.date("bookedOn", transfer.bookedOn());
        OrderView order = orders.require(orders.idOf(transfer.order().trim()));
        if (!amount.currency().equals(order.currency())) {
            throw new InvalidInputException("amount.currency", Wording.of("payment.the_order_is_in", order.currency()));
        }
        boolean late = order.status() == org.ordo.ordering.OrderStatus.CANCELLED && orders.expiredUnpaid(order.id());
        if (order.status() == org.ordo.ordering.OrderStatus.CANCELLED && !late) {
            throw new ConflictException("order-cancelled", "Order cancelled",
                    Wording.of("payment.order_is_cancelled_send_the_money", order.number()), Map.of("order",
                    order.number()));
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
            latePayments.arrived(order, "BANK_TRANSFER", amount, reference);
            return new Booking(summaries.of(order.id()), false);
        }
        Money received = new Money(payments.received(order.id()), order.currency());
        lifecycle.recordPayment(order.id(), received, transfer.reference() == null
                ? TimelineReason.of("bank-transfer", "bank transfer of " + amount, amount)
                : TimelineReason.of("bank-transfer-with-reference", "bank transfer of " + amount + " ("
                        + transfer.reference() + ")", amount, transfer.reference()));
        return new Booking(summaries.of(order.id()), false);
    }

    /**
     * The answer to a booking whose business reference was booked before (invariant 9 in docs/design.md: money
     * counts once): the existing booking when the amount is the same, else 409 naming the reference.
     */
    private Booking existing(OrderView order, String kind, String key, Money amount, String what) {
        BigDecimal booked = payments.bookedUnder(order.id(), kind, key).orElseThrow();
        if (booked.compareTo(amount.amount()) != 0) {
            throw new ConflictException("reference-already-booked", "Reference already booked",
                    Wording.of("payment.order_has_of_booked_under_this", order.number(), what, Money.rounded(booked,
                            order.currency())),
                    Map.of("field", "reference", "booked", Money.rounded(booked, order.currency()).amount().toPlainString()));
        }
        return new Booking(summaries.of(order.id()), true);
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
            throw new InvalidInputException("amount", Wording.of("payment.is_required_and_must_be_more"));
        }
        if (!amount.currency().equals(view.currency())) {
            throw new InvalidInputException("amount.currency", Wording.of("payment.the_order_is_in", view.currency()));
        }
        // the same limit as a bank transfer's: without it any text up to the body limit was booked
        if (reference != null && reference.length() > BankTransfer.MAX_REFERENCE) {
            throw new InvalidInputException("reference", Wording.of("platform.must_be_at_most_characters",
                    BankTransfer.MAX_REFERENCE));
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
            throw new InvalidInputException("amount.amount",
                    Wording.of("payment.refunds_would_exceed_what_was_received"));
        }
        BigDecimal refunded = payments.refunded(view.id());
        events.publishEvent(new RefundBooked(view.id(), booked.get(), amount,
                new Money(payments.received(view.id()).subtract(refunded), view.currency())));
        lifecycle.markRefunded(view.id(), new Money(refunded, view.currency()),
                TimelineReason.of("refund-booked", "refund " + amount, amount));
        return new Booking(summaries.of(view.id()), false);
    }
}
