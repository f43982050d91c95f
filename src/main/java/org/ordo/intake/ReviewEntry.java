package org.ordo.intake;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.ordering.PlaceOrder;

/**
 * An entry of the review queue: an inbound document (or one part of it, {@code part}) that waits for a person, with
 * the reason, what could be read ({@code readText}) and, for orders, a draft prefilled from it. {@code ageMinutes}
 * counts from {@code openedAt}; the queue is sorted by {@code slaDueAt}.
 */
@Schema(name = "ReviewEntry")
public record ReviewEntry(UUID id, UUID documentId, @Schema(description = "the attachment it is about; empty for the whole document") String part,
        Kind kind, String reason, @Schema(description = "where an answer goes (a mail's sender)") String sender,
        @Schema(description = "what could be read: a mail's text, a PDF's text, what OCR recognised") String readText,
        @Schema(implementation = Object.class, type = "object", description = "an order prefilled from what could be read, in the "
                + "shape of the order request (PlaceOrder) but possibly incomplete (no lines, no name): a person corrects it and "
                + "confirms it as a PlaceOrder") PlaceOrder draft,
        String owner, Instant openedAt, Instant slaDueAt, long ageMinutes, boolean overdue, Status status,
        String decidedBy, Instant decidedAt, String decisionNote, UUID orderId,
        @Schema(description = "the media type of the original (an image or PDF is shown beside the text)") String contentType) {

    public enum Kind {
        /** something that may be an order: a mail, a scan, a PDF, a file; confirmed from its draft */
        ORDER,
        /** a bank statement with lines that could not be booked */
        BANK_STATEMENT,
        /** an EDI interchange with messages that could not become orders with certainty */
        EDI,
        /** anything else that waits for a person */
        OTHER,
        /**
         * money that came for an order after it was cancelled unpaid: booked, and resolved by reopening the order or
         * refunding the money (the payment module's late-payment actions), never confirmed as a new order
         */
        LATE_PAYMENT,
        /**
         * a shop's change, cancellation, payment or refund of an order it sent before that could not be applied: the
         * agent applies it by hand and resolves it (or rejects it), never confirms it as a new order
         */
        SHOP_UPDATE;

        /** What a document of this channel that waits for review is. */
        public static Kind of(String channel) {
            return switch (channel) {
                case "bank-statement" -> BANK_STATEMENT;
                case "edi" -> EDI;
                case "late-payment" -> LATE_PAYMENT;
                default -> OTHER;
            };
        }
    }

    public enum Status {
        OPEN,
        /** a person confirmed the (corrected) draft: {@code orderId} is the order placed from it */
        CONFIRMED,
        /** a person refused it, with a reason */
        REJECTED,
        /** a person dealt with it outside the queue (e.g. booked a statement line by hand), with a note */
        RESOLVED
    }
}
