package org.ordo.webhooks;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** What a receiver subscribes with: where to, to which event types, and a note for people. */
@Schema(name = "WebhookSubscriptionDraft")
public record SubscriptionDraft(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000,
                example = "https://erp.example.com/hooks/ordo", description = """
                https, on a public address (private, loopback and link-local addresses are refused unless the
                operator allows them)""") String url,
        @ArraySchema(minItems = 1, maxItems = MAX_EVENTS, uniqueItems = true,
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(example = "order.shipped", allowableValues = {"order.placed", "order.paid",
                        "order.released", "order.shipped", "order.delivered", "order.cancelled", "return.received",
                        "stock.low"}))
        List<String> events,
        @Schema(maxLength = 500, nullable = true, example = "ERP order import") String description) {

    /** Every event type once: more are refused. */
    static final int MAX_EVENTS = 8;
}
