package org.ordo.payment;

/**
 * What booking money by hand came to: the order's payments after it, and whether the booking was made now or
 * {@code existing} (the same business reference and amount were booked before, so nothing was booked again).
 */
public record Booking(PaymentSummary summary, boolean existing) {
}
