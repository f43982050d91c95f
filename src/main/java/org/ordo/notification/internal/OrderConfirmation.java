package org.ordo.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The order confirmation: what was ordered, the totals, with the confirmation PDF attached.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class OrderConfirmation {

    private final Composer composer;
    private final Templates templates;

    OrderConfirmation(Composer composer, Templates templates) {
        this.composer = composer;
        this.templates = templates;
    }

    @EventListener
    void on(OrderPlaced placed) {
        OrderView order = placed.order();
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("lines", order.lines().stream().map(line -> t.render("order-confirmation.line", Map.of(
                "quantity", t.number(line.quantity()), "article", line.name(), "sku", line.sku(),
                "amount", t.money(line.gross())))).collect(Collectors.joining("\n")));
        values.put("net", t.money(order.totals().net()));
        values.put("tax", t.money(order.totals().tax()));
        values.put("total", t.money(order.totals().gross()));
        // The confirmation PDF is rendered after this commits; the dispatcher waits for it (see Dispatcher).
        // Written with the other confirmations of the placing transaction before its commit (an EDI batch's)
        composer.queueForPlacedOrder(MessageKind.ORDER_CONFIRMATION, order, t, values,
                List.of(DocumentArchive.idOf(DocumentKind.CONFIRMATION, order.number())));
    }
}
