package org.ordo.inventory;

import java.time.Instant;
import java.util.UUID;

import org.ordo.platform.Address;

/**
 * A warehouse. Lower {@code priority} ships first. An {@code external} one (a 3PL, a supplier who ships for us) takes
 * reservations like the others but is never picked by Ordo's own staff (docs/outsourced-fulfilment.md).
 */
public record Location(UUID id, String code, String name, int priority, Address address, boolean active,
        Instant createdAt, Instant updatedAt,
        boolean external) {
}
