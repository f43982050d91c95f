package org.ordo.webhooks.internal;

import java.time.Duration;

import org.ordo.platform.RetryBackOff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outgoing webhooks (application.properties, docs/configuration.md).
 *
 * @param deliverEvery how often a node looks for due deliveries
 * @param batchSize how many deliveries one round claims
 * @param firstRetryAfter the wait after the first failed attempt; it doubles with each further one
 * @param maxRetryAfter the longest wait between attempts
 * @param disableAfter a subscription whose receiver failed every attempt for this long is disabled
 * @param lease a delivery claimed (SENDING) for longer than this is claimed again: its node died mid-call
 * @param timeout how long a receiver may take to answer
 * @param allowHttpLocalhost http:// to localhost is allowed (tests, a receiver on the same machine)
 * @param allowPrivateNetworks receivers on private, loopback and link-local addresses are allowed (a closed network)
 * @param alertEmail who is mailed when a subscription is disabled (empty: nobody)
 * @param alertLocale the language of that mail
 */
@ConfigurationProperties("ordo.webhooks")
public record WebhookSettings(
        @DefaultValue("PT2S") Duration deliverEvery,
        @DefaultValue("50") int batchSize,
        @DefaultValue("PT30S") Duration firstRetryAfter,
        @DefaultValue("PT1H") Duration maxRetryAfter,
        @DefaultValue("P1D") Duration disableAfter,
        @DefaultValue("PT5M") Duration lease,
        @DefaultValue("PT15S") Duration timeout,
        @DefaultValue("false") boolean allowHttpLocalhost,
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("") String alertEmail,
        @DefaultValue("en") String alertLocale) {

    /** The wait before the next attempt after {@code attempts} failed ones: doubling, capped. */
    public Duration retryAfter(int attempts) {
        return new RetryBackOff(firstRetryAfter, maxRetryAfter).after(attempts);
    }
}
