package org.ordo.channels;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a shop's webhook came to. */
@Schema(name = "ReceivedShopWebhook")
public record ReceivedWebhook(
        Outcome outcome,
        @Schema(description = "the order placed (PLACED), placed before (DUPLICATE), or the one an update is about")
        UUID orderId,
        String orderNumber,
        @Schema(description = "the shop's own order id") String platformOrderId,
        @Schema(description = "why a person must look at it (REVIEW) or why nothing was needed (IGNORED)") String reason,
        @Schema(description = "the stored webhook body (the original); null when nothing was stored") UUID documentId) {

    public enum Outcome {
        /** placed as an order */
        PLACED,
        /** stored in the review queue with the reason: the order could not be placed with certainty */
        REVIEW,
        /** this shop's order was placed before (a repeated delivery); nothing new was made */
        DUPLICATE,
        /** not an order creation (another topic, a ping); nothing was stored */
        IGNORED,
        /** the shop cancelled an order placed before: cancelled here through the one cancel path */
        CANCELLED,
        /** the shop changed an order placed before (lines, address): changed here as the next version */
        CHANGED,
        /** the shop took the money for an order placed before: booked, the order is paid */
        PAID,
        /** the shop paid money back for an order placed before: booked once as a refund paid out */
        REFUNDED,
        /** an update of an order placed before that changes nothing here (stored as the original all the same) */
        UNCHANGED
    }
}
