package org.ordo.payment;

import java.util.UUID;

import org.ordo.platform.Money;

/**
 * Event: money was paid back to the customer and booked (by a person, or confirmed by the provider).
 * {@code refundId} names the booking, so a listener can tell one refund from another; {@code keptAfter} is what
 * the customer has paid net of refunds once this one is booked (so an over-payment's refund can be told apart).
 */
public record RefundBooked(UUID orderId, UUID refundId, Money amount, Money keptAfter) {
}
