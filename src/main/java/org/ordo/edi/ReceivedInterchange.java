package org.ordo.edi;

import java.util.List;
import java.util.UUID;

/**
 * The answer to an interchange: each message with its outcome, and the acknowledgement sent back. A resent
 * interchange gets this same answer again and changes nothing.
 */
public record ReceivedInterchange(String partner, String interchangeRef, UUID inboundDocumentId,
        List<Message> messages, Acknowledgement acknowledgement) {

    /** {@code buyerOrderNumber} as BGM gives it; {@code orderId} and {@code orderNumber} of the order placed. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EdiMessageOutcome")
    public record Message(String messageRef, String buyerOrderNumber, EdiMessage.Outcome outcome, UUID orderId,
            String orderNumber, String reason) {
    }

    /** {@code accepted}: the interchange and every message passed the syntax checks. */
    public record Acknowledgement(String type, long controlNumber, boolean accepted, String body) {
    }
}
