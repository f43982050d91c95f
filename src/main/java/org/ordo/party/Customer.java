package org.ordo.party;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Address;

public record Customer(UUID id, String email, String name, String phone, String locale, CustomerType type,
        String company, String vatId, boolean smsConsent, List<Address> addresses, Instant createdAt,
        Instant updatedAt) {
}
