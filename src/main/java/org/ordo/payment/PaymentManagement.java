package org.ordo.payment;

import java.util.List;
import java.util.UUID;

import org.ordo.platform.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments of orders, from banks and from the payment provider: the module's API. The work is done by the classes
 * named after it: {@link BankBookings} (transfers, statements, refunds paid out), {@link ProviderWebhook},
 * {@link LatePayments}, {@link ReturnPayments}, {@link PaymentBooksCheck}; the listeners {@link CancellationRefunds},
 * {@link ShipmentCaptures}, {@link MarketplacePayments} and {@link ChangeRefunds} act on other modules' events.
 */
@Service
public class PaymentManagement {

    public static final String PROVIDER = "stripe";

    private final BankBookings bank;
    private final ProviderWebhook webhook;
    private final LatePayments late;
    private final ReturnPayments returns;
    private final PaymentBooksCheck booksCheck;
    private final PaymentSummaries summaries;

    PaymentManagement(BankBookings bank, ProviderWebhook webhook, LatePayments late, ReturnPayments returns,
            PaymentBooksCheck booksCheck, PaymentSummaries summaries) {
        this.bank = bank;
        this.webhook = webhook;
        this.late = late;
        this.returns = returns;
        this.booksCheck = booksCheck;
        this.summaries = summaries;
    }

    /** {@link #bookBankTransfer}, for callers that need only the summary. */
    @Transactional
    public PaymentSummary recordBankTransfer(BankTransfer transfer) {
        return bank.recordBankTransfer(transfer);
    }

    /**
     * Books money received by bank transfer. Paid in full or more: the order is PAID and goes to the warehouse;
     * less: it waits, with what came in visible. Over-payments show as a negative balance. Once per reference and
     * booking date (default: today): the same again with the same amount is the existing booking, with another
     * amount refused (409); a unique index decides, under the order's books lock.
     */
    @Transactional
    public Booking bookBankTransfer(BankTransfer transfer) {
        return bank.bookBankTransfer(transfer);
    }

    /**
     * Imports a bank statement (CSV: date;amount;currency;reference per line, a header line is skipped). Each
     * line whose reference names an order number (SO-…) is booked to it; the others, and any that cannot be
     * booked, are listed and the stored statement goes to the review queue with them.
     */
    @Transactional
    public StatementImport importBankStatement(byte[] csv, String contentType) {
        return bank.importBankStatement(csv, contentType);
    }

    /**
     * Settles a late payment by opening its order again: the stock is reserved again by the placement's rules
     * (409 when it is short, and then nothing changes and the entry stays open), the money received counts (the
     * payment gate releases the order when it covers the total) and the entry is resolved, in one transaction.
     */
    @Transactional
    public PaymentSummary reopenLatePayment(UUID entryId) {
        return late.reopen(entryId);
    }

    /**
     * Settles a late payment by giving it back, the way it came: a card payment through the provider when its API
     * is configured (idempotency key {@code ordo-late-<entry>}), else a refund recorded as requested for a person to
     * pay and book. At most what was received and not refunded. The order stays cancelled; the entry is resolved.
     */
    @Transactional
    public PaymentSummary refundLatePayment(UUID entryId) {
        return late.refund(entryId);
    }

    /** {@link #bookRefund}, for callers that need only the summary. */
    @Transactional
    public PaymentSummary recordRefund(String order, org.ordo.platform.MoneyInput amountInput, String reference) {
        return bank.recordRefund(order, amountInput, reference);
    }

    /**
     * Books a refund that was paid out (by bank, or confirmed by the provider), within what was received (422
     * beyond it). Once per reference: the same reference and amount again is the existing booking, another amount
     * refused (409); one conditional insert decides both, under the order's books lock.
     */
    @Transactional
    public Booking bookRefund(String order, org.ordo.platform.MoneyInput amountInput, String reference) {
        return bank.bookRefund(order, amountInput, reference);
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
    @Transactional(propagation = Propagation.MANDATORY)
    public ReturnRefund refundReturn(UUID orderId, UUID returnId, String rmaNumber, Money amount, String iban) {
        return returns.refund(orderId, returnId, rmaNumber, amount, iban);
    }

    /**
     * Moves what the returned goods of an exchange were worth from the returned order onto its replacement, in the
     * caller's transaction: a booked refund on the returned order (reference: the RMA number) and an
     * {@code EXCHANGE_CREDIT} received on the replacement, which is then paid in full or waits for the difference.
     * Locks both orders' books in id order. Once per return (a unique index on the credit); refuses (409) more
     * than the returned order received and has not refunded (invariant 9).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void creditExchange(UUID returnedOrder, UUID replacementOrder, String rmaNumber, Money amount) {
        returns.creditExchange(returnedOrder, replacementOrder, rmaNumber, amount);
    }

    /**
     * Charges a dearer replacement's difference, in the caller's transaction, the way the returned order was paid:
     * to the card kept for it, off-session through the provider (idempotency key {@code ordo-exchange-<returnId>};
     * its webhook books the money on the replacement, once). {@link ExchangeCharge.Outcome#NO_SAVED_CARD} or
     * {@link ExchangeCharge.Outcome#REFUSED}: the difference stays owed, to be paid like a prepayment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ExchangeCharge chargeExchange(UUID returnedOrder, UUID replacementOrder, UUID returnId, String rmaNumber,
            Money difference) {
        return returns.chargeExchange(returnedOrder, replacementOrder, returnId, rmaNumber, difference);
    }

    /**
     * Exchange credits that do not come from a returned order's booked refund of the same amount and RMA number:
     * money made rather than moved. Empty when sound. Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<String> exchangeCreditsNotMoved() {
        return returns.exchangeCreditsNotMoved();
    }

    public PaymentSummary summary(UUID orderId) {
        return summaries.of(orderId);
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
        return booksCheck.run();
    }

    /** What a webhook call came to: processed, rejected (nothing booked; see detail), ignored or duplicate. */
    public record WebhookOutcome(String status, String eventId, String detail) {
    }

    /**
     * Handles a payment provider webhook. The signature is checked before anything else; a forged, stale or
     * replayed call is refused (or, for a replay of an event already handled, acknowledged without change). A
     * signed event whose amount or currency does not fit the order (invariant 9 in docs/design.md) is recorded as
     * rejected with the reason and books nothing; it is answered 200, since sending the same event again cannot
     * make it fit. Bookings of one order are serialized (the order's books lock).
     */
    @Transactional
    public WebhookOutcome handleProviderEvent(String signatureHeader, byte[] body) {
        return webhook.handle(signatureHeader, body);
    }
}
