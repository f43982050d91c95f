package org.ordo.payment;

import java.time.Instant;

/**
 * A validly signed payment provider event that was refused because its amount or currency does not fit the
 * order (invariant 9 in docs/design.md): nothing was booked for it.
 */
public record ProviderEventRejection(String eventId, String type, String reason, Instant at) {
}
