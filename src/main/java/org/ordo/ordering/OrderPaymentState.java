package org.ordo.ordering;

import java.util.UUID;

import org.ordo.platform.Money;

/** What an order says about its payment: for checking it against the money actually booked. */
public record OrderPaymentState(UUID id, String number, OrderStatus status, PaymentStatus paymentStatus,
        Money gross) {
}
