package org.ordo.intake;

import java.time.Instant;
import java.util.UUID;

/** An inbound document as stored; {@code body} is only filled when asked for. */
public record InboundDocument(UUID id, String channel, String contentType, long size, String sha256,
        Instant receivedAt, String receivedBy, Status status, String reason, String producedType, UUID producedId,
        Instant processedAt, String body) {

    public enum Status {
        /** stored, not yet processed */
        RECEIVED,
        /** turned into what it asked for (see producedType / producedId) */
        PROCESSED,
        /** could not be processed; waits for a person (reason says why) */
        REVIEW,
        /** a person decided it needs nothing */
        DISCARDED
    }
}
