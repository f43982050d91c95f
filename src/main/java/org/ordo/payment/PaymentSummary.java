package org.ordo.payment;

import java.util.List;
import java.util.UUID;

import org.ordo.platform.Money;

/**
 * What an order costs, what has come in and what went back. {@code balance} is still to pay: negative when
 * the customer paid more than due (over-payment, to be refunded), positive when less (under-payment).
 * {@code rejectedProviderEvents} are provider events refused because their amount did not fit the order.
 */
public record PaymentSummary(UUID orderId, String number, String paymentStatus, Money due, Money received,
        Money refunded, Money balance, List<PaymentRecord> payments,
        List<ProviderEventRejection> rejectedProviderEvents) {
}
