package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.billing.InvoiceIssued;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The invoice mail: the invoice number and total, with the invoice and its e-invoice attached.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class InvoiceMail {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;

    InvoiceMail(Composer composer, Templates templates, OrderManagement orders) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
    }

    @EventListener
    void on(InvoiceIssued issued) {
        OrderView order = orders.require(issued.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("invoice", issued.number());
        values.put("total", t.money(order.totals().gross()));
        composer.queue(MessageKind.INVOICE, order, t, values, ":" + issued.number(), issued.documents());
    }
}
