package org.ordo.edi;

import java.time.Instant;
import java.util.UUID;

/**
 * One EDI message, in or out. In: an {@code ORDERS} message of an interchange and what became of it ({@code PLACED}
 * with its order, {@code REVIEW} or {@code REJECTED} with the reason), linked to the stored interchange
 * ({@code inboundDocumentId}). Out: an acknowledgement, order response, despatch advice or invoice as sent
 * ({@code STORED}), with its control number, body, and how far its delivery to the partner got.
 */
public record EdiMessage(UUID id, String partner, Direction direction, String type, String interchangeRef,
        String messageRef, Long controlNumber, Outcome outcome, String reason, UUID orderId, String orderNumber,
        UUID inboundDocumentId, Instant createdAt, String body, DeliveryStatus deliveryStatus, int deliveryAttempts,
        Instant deliveredAt, String deliveryError) {

    /** Where an outgoing message is on its way to the partner (null for messages in). */
    public enum DeliveryStatus {
        /** waiting for its (next) attempt */
        QUEUED,
        /** being delivered right now */
        SENDING,
        /** in the partner's folder, or its endpoint answered 2xx */
        DELIVERED,
        /** every attempt failed: a person looks at deliveryError and resends it */
        FAILED,
        /** the partner takes no delivery: it fetches the message through the API */
        KEPT
    }

    public enum Direction {
        IN, OUT
    }

    public enum Outcome {
        /** became the order named */
        PLACED,
        /** could not become an order with certainty: waits for a person, with the reason */
        REVIEW,
        /** refused by the syntax checks (and so in the acknowledgement): the partner must send it again */
        REJECTED,
        /** an outgoing message, stored as sent */
        STORED
    }
}
