package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.billing.CreditNoteIssued;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The credit note mail: which invoice it corrects and by how much, with the credit note attached.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class CreditNoteMail {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;

    CreditNoteMail(Composer composer, Templates templates, OrderManagement orders) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
    }

    @EventListener
    void on(CreditNoteIssued issued) {
        OrderView order = orders.require(issued.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("creditNote", issued.number());
        values.put("invoice", issued.invoiceNumber());
        values.put("amount", t.money(issued.gross()));
        composer.queue(MessageKind.CREDIT_NOTE, order, t, values, ":" + issued.number(), issued.documents());
    }
}
