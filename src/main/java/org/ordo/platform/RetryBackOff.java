package org.ordo.platform;

import java.time.Duration;

/**
 * How long an outbox waits before it tries again: the first wait after the first failed attempt, doubling with each
 * further one, never longer than the longest. One rule for every outbox Ordo keeps (mails and SMS, webhook
 * deliveries, EDI messages, shipment reports and change notices to the shops, requests to fulfilment partners;
 * docs/design.md, "Outboxes"), so a receiver that is down for an hour is asked about as often by each of them.
 *
 * @param first the wait after the first failed attempt
 * @param longest the longest wait between two attempts
 */
public record RetryBackOff(Duration first, Duration longest) {

    public RetryBackOff {
        // zero is allowed: "try again at once" (a test, or a receiver on the same machine)
        if (first == null || longest == null || first.isNegative() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a back-off needs 0 <= first <= longest, not " + first + ", " + longest);
        }
    }

    /** The wait after {@code failedAttempts} failed attempts (1 and fewer: the first wait). */
    public Duration after(int failedAttempts) {
        Duration wait = first;
        if (wait.isZero()) {
            return wait;
        }
        for (int i = 1; i < failedAttempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
