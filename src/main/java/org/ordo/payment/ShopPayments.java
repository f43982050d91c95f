package org.ordo.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.ordo.ordering.TimelineReason;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Money;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money a shop platform took for an order after it was placed (a transfer that arrived at the shop, a capture
 * the shop made): booked as collected by the shop, the way a shop order paid at once is booked at placement.
 */
@Service
public class ShopPayments {

    private final Payments payments;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final PaymentManagement management;

    ShopPayments(Payments payments, OrderManagement orders, OrderLifecycle lifecycle, PaymentManagement management) {
        this.payments = payments;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.management = management;
    }

    /**
     * The shop paid money back to the buyer: booked as a refund paid out, through the one refund booking
     * ({@link PaymentManagement#bookRefund}), once per shop refund ({@code refundId} in the booking's reference: a
     * repeated webhook, or the same refund listed again in a later order update, books nothing). True when booked
     * now. Refused like any refund: beyond what was received (422), the same refund with another amount (409).
     */
    @Transactional
    public boolean bookRefundedAtShop(UUID orderId, String shop, String refundId, Money amount) {
        return !management.bookRefund(orderId.toString(), new org.ordo.platform.MoneyInput(
                amount.amount().toPlainString(), amount.currency()), shop + " refund " + refundId).existing();
    }

    /**
     * The shop says the order is paid: what is still open of it is booked as collected by {@code shop} (e.g.
     * {@code shopify:main-store}), once per shop order ({@code reference}, the shop's order id: the unique booking
     * key decides, so a repeated webhook books nothing), and the order is PAID and released. False when nothing was
     * open or it was booked before. Refused (409) for a cancelled order: the shop must send the money back.
     */
    @Transactional
    public boolean bookPaidAtShop(UUID orderId, String shop, String reference) {
        payments.lockBooks(orderId);
        OrderView order = orders.require(orderId);
        if (order.status() == OrderStatus.CANCELLED) {
            throw new ConflictException("order-cancelled", "Order cancelled",
                    Wording.of("payment.order_is_cancelled_the_shop_must", order.number()), Map.of("order",
                    order.number()));
        }
        BigDecimal open = order.totals().gross().amount().subtract(payments.received(orderId));
        if (open.signum() <= 0 || order.paymentStatus() == PaymentStatus.PAID) {
            return false;
        }
        if (payments.recordOnce(orderId, "MARKETPLACE", new Money(open, order.currency()), shop,
                "paid at shop " + reference, "paid at " + shop + " after the order was placed", Actor.current())
                .isEmpty()) {
            return false;
        }
        lifecycle.recordPayment(orderId, new Money(payments.received(orderId), order.currency()),
                TimelineReason.of("paid-at-shop", "paid at " + shop, shop));
        return true;
    }
}
