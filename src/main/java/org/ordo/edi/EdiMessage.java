package org.ordo.edi;

import java.time.Instant;
import java.util.UUID;

/**
 * One EDI message, in or out. In: an {@code ORDERS} message of an interchange and what became of it ({@code PLACED}
 * with its order, {@code REVIEW} or {@code REJECTED} with the reason), linked to the stored interchange
 * ({@code inboundDocumentId}). Out: an acknowledgement as sent ({@code STORED}), with its control number and body.
 */
public record EdiMessage(UUID id, String partner, Direction direction, String type, String interchangeRef,
        String messageRef, Long controlNumber, Outcome outcome, String reason, UUID orderId, String orderNumber,
        UUID inboundDocumentId, Instant createdAt, String body) {

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
