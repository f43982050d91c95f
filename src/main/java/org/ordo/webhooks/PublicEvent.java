package org.ordo.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Event: something a receiver outside Ordo may hear of, in the public schema that webhook bodies and Kafka records
 * share: {@code type} and {@code version} say the shape of {@code data} (docs/webhooks.md). Published in the
 * transaction of the change it tells of, after the module event it is made from.
 */
@Schema(name = "WebhookEvent", description = "an event as a webhook body and as a Kafka record's value")
public record PublicEvent(
        @Schema(description = "the event's id; also the webhook-id header, the same on every retry") UUID id,
        @Schema(example = "order.shipped") String type,
        @Schema(example = "1") int version,
        @Schema(description = "when Ordo recorded the event") Instant timestamp,
        @Schema(description = "the fields of the type, see docs/webhooks.md") Map<String, Object> data) {

    /**
     * What deliveries are ordered by and Kafka records keyed by: the order's id, or for stock events the SKU. Not a
     * getter, so not part of the JSON.
     */
    public String orderingKey() {
        Object order = data.get("orderId");
        return order != null ? order.toString() : String.valueOf(data.get("sku"));
    }
}
