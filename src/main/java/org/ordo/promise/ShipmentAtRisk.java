package org.ordo.promise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Event: the work ahead of a promised shipment at its warehouse no longer fits before its ship-by cut-off
 * (docs/promise.md, "At risk"). Published once per shipment, in the transaction that flags it; staff are mailed.
 */
public record ShipmentAtRisk(UUID orderId, String orderNumber, String warehouse, String carrier, String service,
        LocalDate shipBy, LocalDate deliverBy, Instant since) {
}
