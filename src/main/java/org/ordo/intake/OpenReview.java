package org.ordo.intake;

import java.util.UUID;

import org.ordo.ordering.PlaceOrder;

/**
 * Puts (a part of) a stored inbound document in the review queue: why, what could be read, and a draft order when
 * it may be one. {@code part} names the attachment ("" for the whole document); {@code sender} is where an answer
 * goes, if anywhere.
 */
public record OpenReview(UUID documentId, String part, ReviewEntry.Kind kind, String reason, String sender,
        String readText, PlaceOrder draft) {

    public OpenReview {
        part = part == null ? "" : part;
    }
}
