package org.ordo.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** One event to one subscription: its state, and every attempt with the receiver's answer. */
@Schema(name = "WebhookDelivery")
public record WebhookDelivery(
        UUID id,
        UUID subscriptionId,
        @Schema(description = "the event's id, sent as webhook-id") UUID eventId,
        @Schema(example = "order.shipped") String type,
        @Schema(description = "deliveries with the same key go out in order: the order id, or the SKU") String orderingKey,
        Status status,
        int attempts,
        @Schema(description = "when it is tried next (PENDING)") Instant nextAttemptAt,
        @Schema(nullable = true, description = "the HTTP status of the last answer; null: none yet, or no answer") Integer lastStatus,
        @Schema(nullable = true) String lastError,
        Instant createdAt,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(description = "every attempt, oldest first (empty in lists)") List<Attempt> log) {

    public enum Status {
        /** waiting for its time, for an earlier event of the same order, or for the subscription to be enabled */
        PENDING,
        /** being sent by a node now */
        SENDING,
        /** the receiver answered 2xx */
        DELIVERED
    }

    @Schema(name = "WebhookAttempt")
    public record Attempt(Instant at, @Schema(nullable = true, description = "null: no answer") Integer statusCode,
            @Schema(nullable = true) String error, int durationMs) {
    }

    public WebhookDelivery withLog(List<Attempt> attempts) {
        return new WebhookDelivery(id, subscriptionId, eventId, type, orderingKey, status, this.attempts, nextAttemptAt,
                lastStatus, lastError, createdAt, deliveredAt, List.copyOf(attempts));
    }
}
