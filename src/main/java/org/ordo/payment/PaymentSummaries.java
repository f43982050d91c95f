package org.ordo.payment;

import java.util.UUID;

import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Money;
import org.springframework.stereotype.Component;

/** What an order's books say: its total, what was received and refunded, the balance and every booking. */
@Component
class PaymentSummaries {

    private final Payments payments;
    private final OrderManagement orders;

    PaymentSummaries(Payments payments, OrderManagement orders) {
        this.payments = payments;
        this.orders = orders;
    }

    PaymentSummary of(UUID orderId) {
        OrderView order = orders.require(orderId);
        Money received = new Money(payments.received(orderId), order.currency());
        Money refunded = new Money(payments.refunded(orderId), order.currency());
        Money balance = order.status() == org.ordo.ordering.OrderStatus.CANCELLED
                ? refunded.minus(received)
                : order.totals().gross().minus(received).plus(refunded);
        return new PaymentSummary(orderId, order.number(), order.paymentStatus().name(), order.totals().gross(),
                received, refunded, balance, payments.of(orderId), payments.rejectedEvents(orderId));
    }
}
