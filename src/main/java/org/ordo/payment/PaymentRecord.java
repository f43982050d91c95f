package org.ordo.payment;

import java.time.Instant;
import java.util.UUID;

import org.ordo.platform.Money;

/** One payment event of an order as recorded. */
public record PaymentRecord(UUID id, String kind, Money amount, String reference, String providerRef,
        String status, String note, String actor, Instant at) {
}
