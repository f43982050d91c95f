package org.ordo.payment;

import java.util.UUID;

/**
 * What became of charging a dearer replacement's difference to the card the returned order was paid with
 * ({@link PaymentManagement#chargeExchange}); {@code paymentId} is the recorded charge or refusal, null when
 * nothing was asked of the provider.
 */
public record ExchangeCharge(Outcome outcome, UUID paymentId, String note) {

    public enum Outcome {
        /** the provider took the charge; its webhook books the money on the replacement, which then ships */
        SENT,
        /** no card kept for the returned order, or no provider API configured: the difference is paid like a prepayment */
        NO_SAVED_CARD,
        /** the provider refused (declined, or the card needs the customer): the difference is paid like a prepayment */
        REFUSED
    }

    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
