package org.ordo.ordering;

import java.time.Instant;
import java.util.UUID;

import org.ordo.platform.Money;

/** An order as a row of the queue. {@code late}: its promised date has passed and it has not shipped. */
public record OrderSummary(UUID id, String number, String channel, String externalRef, String customerEmail,
        String customerName, OrderStatus status, PaymentStatus paymentStatus, FulfillmentStatus fulfillmentStatus,
        Money total, Instant promisedAt, Instant createdAt, boolean late) {
}
