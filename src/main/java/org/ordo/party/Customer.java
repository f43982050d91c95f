package org.ordo.party;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Address;

/**
 * A customer. {@code shipBeforePayment}: goods may leave before payment (invoice, cash on delivery) while the
 * open amount stays within {@code creditLimit} (in the order's currency; null: no limit). {@code trusted}: the
 * replacement of an exchange ships at once, before the returned goods arrive.
 */
public record Customer(UUID id, String email, String name, String phone, String locale, CustomerType type,
        String company, String vatId, boolean smsConsent, List<Address> addresses, boolean shipBeforePayment,
        @com.fasterxml.jackson.annotation.JsonFormat(shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)
        @io.swagger.v3.oas.annotations.media.Schema(implementation = String.class, format = "decimal",
                example = "1000.00")
        BigDecimal creditLimit, Instant createdAt, Instant updatedAt, boolean trusted) {
}
