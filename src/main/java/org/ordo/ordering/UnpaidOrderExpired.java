package org.ordo.ordering;

import java.time.Instant;
import java.util.UUID;

import org.ordo.platform.Money;

/**
 * Event: an order waited for its payment longer than {@code ordo.orders.unpaid-cancel-after} and was cancelled
 * (its reservations released, {@link OrderCancelled} published too); {@code due} is what was never paid. Published
 * once per order, inside the transaction that cancels it.
 */
public record UnpaidOrderExpired(UUID orderId, String number, Money due, Instant placedAt) {
}
