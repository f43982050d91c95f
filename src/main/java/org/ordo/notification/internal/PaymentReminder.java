package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentReminderDue;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The payment reminder: what is due, the reference to transfer it under and the bank details.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class PaymentReminder {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;

    PaymentReminder(Composer composer, Templates templates, OrderManagement orders) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
    }

    @EventListener
    void on(PaymentReminderDue due) {
        OrderView order = orders.require(due.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("due", t.money(due.due()));
        // The statement import books a transfer to the order its reference names.
        values.put("reference", order.number());
        values.put("bankDetails", composer.bankDetails(t));
        composer.queue(MessageKind.PAYMENT_REMINDER, order, t, values, "");
    }
}
