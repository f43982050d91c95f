package org.ordo.party;

import java.time.Instant;
import java.util.UUID;

import org.ordo.platform.Address;

/** A supplier; {@code locale} is the language its purchase orders are written in. */
public record Supplier(UUID id, String code, String name, String email, String phone, Address address,
        Integer leadTimeDays, String currency, String locale, Instant createdAt, Instant updatedAt) {
}
