package org.ordo.payment;

import org.ordo.payment.internal.PaymentProvider;

/**
 * What became of a call to the payment provider: {@code sent} when the provider took it, else refused for good
 * (the provider's words are in the note). Other failures (5xx, network) are not a result: they throw, so that the
 * work is retried with the same idempotency key.
 */
record ProviderCall(boolean sent, String note) {

    /** Runs a provider call; the note is {@code note} followed by what became of it. */
    static ProviderCall run(Runnable call, String note) {
        try {
            call.run();
            return new ProviderCall(true, note + "; sent to the provider");
        } catch (PaymentProvider.Refused refused) {
            return new ProviderCall(false, note + "; the provider refused: " + refused.getMessage());
        }
    }
}
