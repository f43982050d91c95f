package org.ordo.ordering;

import java.util.UUID;

import org.ordo.platform.Money;

/**
 * Event: a prepayment order is still unpaid long after it was placed; {@code due} is what is still open. Published
 * once per order, inside the transaction that marks the order reminded.
 */
public record PaymentReminderDue(UUID orderId, String number, Money due) {
}
