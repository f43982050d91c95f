package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.UnpaidOrderExpired;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer an order that stayed unpaid was cancelled.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class UnpaidOrderCancellation {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;

    UnpaidOrderCancellation(Composer composer, Templates templates, OrderManagement orders) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
    }

    @EventListener
    void on(UnpaidOrderExpired expired) {
        OrderView order = orders.require(expired.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("due", t.money(expired.due()));
        composer.queue(MessageKind.UNPAID_ORDER_CANCELLED, order, t, values, "");
    }
}
