package org.ordo.inventory;

import java.time.Instant;

/** One row of the stock ledger; {@code quarantinedDelta} changes the part of on hand that is never available. */
public record Movement(long id, String sku, String location, MovementKind kind, long onHandDelta,
        long reservedDelta, String reason, String documentType, String documentRef, String actor, Instant at,
        long quarantinedDelta) {
}
