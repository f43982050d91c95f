package org.ordo.ordering;

import java.util.UUID;

/** Event: an order was cancelled and its reservations released; payment voids or refunds what was taken. */
public record OrderCancelled(UUID orderId, String number, String reason, String actor,
        PaymentStatus paymentStatus) {
}
