package org.ordo.inventory;

import java.time.Instant;
import java.util.UUID;

import org.ordo.platform.Address;

/** A warehouse. Lower {@code priority} ships first. */
public record Location(UUID id, String code, String name, int priority, Address address, boolean active,
        Instant createdAt, Instant updatedAt) {
}
