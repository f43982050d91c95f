package org.ordo.party;

import java.time.Instant;
import java.util.UUID;

import org.ordo.platform.Address;

public record Supplier(UUID id, String code, String name, String email, String phone, Address address,
        Integer leadTimeDays, String currency, Instant createdAt, Instant updatedAt) {
}
