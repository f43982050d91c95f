package org.ordo.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.ordering.TimelineReason;
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

/**
 * The money of returns: refunds the way the order was paid, and an exchange's worth moved from the returned order
 * onto its replacement (docs/returns.md).
 */
@Component
class ReturnPayments {

    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;

    ReturnPayments(Payments payments, PaymentProvider provider, OrderManagement orders, OrderLifecycle lifecycle) {
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
        this.lifecycle = lifecycle;
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
    PaymentManagement.ReturnRefund refund(UUID orderId, UUID returnId, String rmaNumber, Money amount, String iban) {
        BigDecimal open = payments.received(orderId).subtract(payments.refunded(orderId));
        if (amount.amount().compareTo(open) > 0) {
            throw new ConflictException("refund-exceeds-received", "Refund exceeds what was received",
                    Wording.of("payment.a_refund_of_for_is_more", amount, rmaNumber, open), Map.of("field", "amount"));
        }
        String intent = payments.providerRef(orderId);
        boolean byCard = intent != null && provider.configured()
                && payments.captured(orderId).compareTo(amount.amount()) >= 0;
        String note = "return " + rmaNumber;
        boolean sent = false;
        if (byCard) {
            long minor = amount.amount().movePointRight(Money.minorUnits(amount.currency())).longValueExact();
            ProviderCall call = ProviderCall.run(() -> provider.refund(intent, minor, "ordo-return-" + returnId), note);
            note = call.note();
            sent = call.sent();
        } else {
            note += iban == null ? "; pay it back and book it" : "; transfer it back to " + iban + " and book it";
        }
        UUID id = payments.record(orderId, "REFUND", amount, rmaNumber, byCard ? intent : null, "REQUESTED", note,
                Actor.current());
        return new PaymentManagement.ReturnRefund(id, sent, note);
    }

    /**
     * Moves what the returned goods of an exchange were worth from the returned order onto its replacement, in the
     * caller's transaction: a booked refund on the returned order (reference: the RMA number) and an
     * {@code EXCHANGE_CREDIT} received on the replacement, which is then paid in full or waits for the difference.
     * Locks both orders' books in id order. Once per return (a unique index on the credit); refuses (409) more
     * than the returned order received and has not refunded (invariant 9).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void creditExchange(UUID returnedOrder, UUID replacementOrder, String rmaNumber, Money amount) {
        List<UUID> books = new ArrayList<>(List.of(returnedOrder, replacementOrder));
        books.sort(null);
        books.forEach(payments::lockBooks);
        OrderView from = orders.require(returnedOrder);
        OrderView to = orders.require(replacementOrder);
        payments.bookRefund(returnedOrder, amount, rmaNumber, null, "credited to replacement order " + to.number(),
                Actor.current()).orElseThrow(() -> new ConflictException("refund-exceeds-received",
                        "Refund exceeds what was received", Wording.of("payment.the_credit_of_for_is_more", amount,
                                rmaNumber, from.number()),
                        Map.of("field", "amount")));
        lifecycle.markRefunded(returnedOrder, new Money(payments.refunded(returnedOrder), from.currency()),
                TimelineReason.of("credit-to-replacement", "credit of " + amount + " to replacement order "
                        + to.number() + " (" + rmaNumber + ")", amount, to.number(), rmaNumber));
        payments.record(replacementOrder, "EXCHANGE_CREDIT", amount, rmaNumber, null, "BOOKED",
                "goods of " + rmaNumber + " returned from order " + from.number(), Actor.current());
        lifecycle.recordPayment(replacementOrder, new Money(payments.received(replacementOrder), to.currency()),
                TimelineReason.of("credit-for-returned-goods", "credit of " + amount + " for the goods returned with "
                        + rmaNumber, amount, rmaNumber));
    }

    /**
     * Exchange credits that do not come from a returned order's booked refund of the same amount and RMA number:
     * money made rather than moved. Empty when sound. Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    List<String> exchangeCreditsNotMoved() {
        return payments.exchangeCreditsNotMoved();
    }
    /**
     * Charges a dearer replacement's difference to the card the returned order was paid with, off-session through
     * the provider (idempotency key {@code ordo-exchange-<returnId>}: a retry after a lost answer charges once; the
     * intent names the replacement as {@code metadata[order_id]}, so its webhook books the money there, once).
     * Recorded once per return under that key: a CAPTURE requested, or the refusal as a FAILURE. Without a kept
     * card or a configured provider nothing is asked. A provider that cannot be reached throws, so the caller's
     * transaction is retried.
     */
    ExchangeCharge chargeExchange(UUID returnedOrder, UUID replacementOrder, UUID returnId, String rmaNumber,
            Money difference) {
        payments.lockBooks(replacementOrder);
        OrderView replacement = orders.require(replacementOrder);
        String key = "ordo-exchange-" + returnId;
        String note = "difference of " + difference + " for the replacement of " + rmaNumber;
        java.util.Optional<Payments.SavedMethod> card = payments.savedPaymentMethod(returnedOrder);
        if (card.isEmpty() || !provider.configured()) {
            return new ExchangeCharge(ExchangeCharge.Outcome.NO_SAVED_CARD, null, note + ": "
                    + (card.isEmpty() ? "no card kept for the returned order" : "no payment provider configured")
                    + "; to be paid by bank transfer");
        }
        long minor = difference.amount().movePointRight(Money.minorUnits(difference.currency())).longValueExact();
        String refusal;
        try {
            PaymentProvider.Charge charge = provider.chargeSaved(card.get().customer(), card.get().paymentMethod(),
                    minor, difference.currency(), replacement.number(), rmaNumber + ": replacement order "
                            + replacement.number(), key);
            if (charge.taken()) {
                note += ": charged to the card the order was paid with; sent to the provider";
                UUID id = payments.recordOnce(replacementOrder, "CAPTURE", difference, rmaNumber,
                        charge.paymentIntent(), "REQUESTED", key, note, Actor.current()).orElse(null);
                return new ExchangeCharge(ExchangeCharge.Outcome.SENT, id, note);
            }
            refusal = "the card needs the customer (" + charge.status() + ")";
        } catch (PaymentProvider.Refused refused) {
            refusal = refused.getMessage();
        }
        note += ": the provider refused to charge the card: " + refusal + "; to be paid by bank transfer";
        UUID id = payments.recordOnce(replacementOrder, "FAILURE", difference, rmaNumber, null, "FAILED", key, note,
                Actor.current()).orElse(null);
        return new ExchangeCharge(ExchangeCharge.Outcome.REFUSED, id, note);
    }
}
