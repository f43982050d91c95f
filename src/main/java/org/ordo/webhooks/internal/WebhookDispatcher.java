package org.ordo.webhooks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.ordo.webhooks.WebhookSubscriptionDisabled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the webhook outbox. Each round claims a batch of due deliveries in one statement, sends each outside
 * any transaction, signed as Standard Webhooks prescribes, and records the outcome with the receiver's answer:
 * DELIVERED on 2xx; otherwise PENDING again after a doubling wait. A delivery whose node died mid-call is claimed
 * again after the lease, so every event reaches its receiver at least once (receivers de-duplicate by
 * {@code webhook-id}). A subscription whose receiver has failed every attempt for {@code disable-after} is
 * disabled and the admin is mailed.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final WebhookSettings settings;
    private final ReceiverAddresses addresses;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final HttpClient http;

    WebhookDispatcher(Outbox outbox, Subscriptions subscriptions, WebhookSettings settings, Clock clock,
            ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.addresses = new ReceiverAddresses(settings.allowHttpLocalhost(), settings.allowPrivateNetworks());
        this.clock = clock;
        this.events = events;
        this.transaction = transaction;
        // a receiver's redirect would lead past the address check: a 3xx is a failed attempt
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(initialDelayString = "${ordo.webhooks.deliver-every:PT2S}",
            fixedDelayString = "${ordo.webhooks.deliver-every:PT2S}")
    void onSchedule() {
        try {
            while (deliverDue() == settings.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("Delivering webhooks failed; next round will retry: {}", e.toString());
        }
    }

    /** One round: claims due deliveries and sends each; returns how many it claimed. */
    public int deliverDue() {
        List<Outbox.Claimed> claimed = outbox.claimDue(clock.instant(), settings.batchSize(), settings.lease());
        for (Outbox.Claimed c : claimed) {
            deliver(c);
        }
        return claimed.size();
    }

    private void deliver(Outbox.Claimed c) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        Integer status = null;
        String error;
        try {
            URI uri = URI.create(c.url());
            error = addresses.refusalAtDelivery(uri);
            if (error == null) {
                long timestamp = started.getEpochSecond();
                String id = c.eventId().toString();
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Ordo-Webhooks/1")
                        .header("webhook-id", id)
                        .header("webhook-timestamp", String.valueOf(timestamp))
                        .header("webhook-signature", StandardWebhooks.signature(subscriptions.secret(c.subscriptionId()),
                                id, timestamp, c.body()))
                        .POST(HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8)).build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                error = status / 100 == 2 ? null : "answered " + status;
            }
        } catch (IOException | IllegalArgumentException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                    + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = (System.nanoTime() - nanos) / 1_000_000;
        Instant now = clock.instant();
        String reason = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        Integer code = status;
        transaction.executeWithoutResult(tx -> settle(c, code, reason, now, millis));
    }

    /** Records the attempt and its outcome in one transaction; disables the subscription after a day of failures. */
    private void settle(Outbox.Claimed c, Integer status, String error, Instant now, long millis) {
        outbox.logAttempt(c.id(), now, status, error, millis);
        if (error == null) {
            if (!outbox.delivered(c, now, status)) {
                log.warn("Webhook delivery {} was delivered after its claim ran out", c.id());
            }
            subscriptions.answered(c.subscriptionId());
            return;
        }
        int attempt = c.attempts() + 1;
        outbox.failed(c, status, error, now.plus(settings.retryAfter(attempt)));
        log.info("Webhook delivery {} to {} attempt {} failed: {}", c.id(), c.url(), attempt, error);
        Instant failingBefore = now.minus(settings.disableAfter());
        if (subscriptions.failedAndDisabledWhenFailingSince(c.subscriptionId(), now, failingBefore,
                "every attempt failed for " + settings.disableAfter() + "; last: " + error)) {
            subscriptions.find(c.subscriptionId()).ifPresent(s -> events.publishEvent(
                    new WebhookSubscriptionDisabled(s.id(), s.url(), s.failingSince(), error)));
            log.warn("Webhook subscription {} to {} disabled after failing since {}", c.subscriptionId(), c.url(),
                    failingBefore);
        }
    }
}
