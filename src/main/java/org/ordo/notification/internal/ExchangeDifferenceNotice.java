package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.ordo.returns.ExchangeDifferenceDue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The request to pay a dearer replacement's difference by bank transfer, when it could not be charged to the card:
 * what is due, why the card was not charged, the replacement's number as the reference and the bank details.
 * About the replacement order; written in the transaction of the refund that found it due, once per return.
 */
@Component
class ExchangeDifferenceNotice {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;

    ExchangeDifferenceNotice(Composer composer, Templates templates, OrderManagement orders) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
    }

    @EventListener
    void on(ExchangeDifferenceDue due) {
        OrderView replacement = orders.require(due.replacementOrderId());
        TextBundle.Texts t = templates.in(replacement.customer().locale());
        Map<String, String> values = composer.basics(replacement, t);
        values.put("rma", due.rmaNumber());
        values.put("due", t.money(due.due()));
        values.put("why", t.render(MessageKind.EXCHANGE_DIFFERENCE_DUE.key()
                + (due.cardRefused() ? ".card-refused" : ".no-card"), Map.of()));
        // The statement import books a transfer to the order its reference names.
        values.put("reference", replacement.number());
        values.put("bankDetails", composer.bankDetails(t));
        composer.queue(MessageKind.EXCHANGE_DIFFERENCE_DUE, replacement, t, values, ":" + due.rmaNumber());
    }
}
