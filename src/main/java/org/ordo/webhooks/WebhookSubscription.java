package org.ordo.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A receiver's subscription as shown (never with its secret). */
@Schema(name = "WebhookSubscription")
public record WebhookSubscription(
        UUID id,
        @Schema(example = "https://erp.example.com/hooks/ordo") String url,
        @Schema(example = "[\"order.placed\", \"order.shipped\"]") List<String> events,
        @Schema(nullable = true) String description,
        Status status,
        @Schema(nullable = true, description = "the first failed attempt since the last delivered one") Instant failingSince,
        @Schema(nullable = true) Instant disabledAt,
        @Schema(nullable = true, description = "why it was disabled: by a person, or after a day of failures") String disabledReason,
        Instant createdAt,
        String createdBy) {

    public enum Status {
        /** events are queued and delivered */
        ACTIVE,
        /** no new events are queued; queued ones wait until it is enabled again */
        DISABLED
    }
}
