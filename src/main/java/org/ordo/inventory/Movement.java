package org.ordo.inventory;

import java.time.Instant;

/** One row of the stock ledger. */
public record Movement(long id, String sku, String location, MovementKind kind, long onHandDelta,
        long reservedDelta, String reason, String documentType, String documentRef, String actor, Instant at) {
}
