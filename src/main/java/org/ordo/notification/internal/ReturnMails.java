package org.ordo.notification.internal;

import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.billing.Seller;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.ordo.returns.ReturnManagement;
import org.ordo.returns.ReturnView;
import org.springframework.stereotype.Component;

/** What the three messages about a return share: the return and its order, and its lines in the customer's words. */
@Component
class ReturnMails {

    private final ReturnManagement returns;
    private final OrderManagement orders;
    private final Templates templates;
    private final Composer composer;
    private final Seller seller;

    ReturnMails(ReturnManagement returns, OrderManagement orders, Templates templates, Composer composer,
            Seller seller) {
        this.returns = returns;
        this.orders = orders;
        this.templates = templates;
        this.composer = composer;
        this.seller = seller;
    }

    /**
     * Queues a message of this kind about a return, in the transaction of the change that caused it, once per
     * kind and return (the cause names the RMA number). {@code linesOf} says how many units of a line to list.
     */
    void queue(MessageKind kind, java.util.UUID returnId, Map<String, String> extra,
            java.util.function.ToLongFunction<ReturnView.Line> linesOf) {
        ReturnView r = returns.require(returnId);
        OrderView order = orders.require(r.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("rma", r.number());
        values.put("returnAddress", String.join(", ", nonNull(seller.name()), nonNull(seller.street()),
                (nonNull(seller.postalCode()) + " " + nonNull(seller.city())).trim(), nonNull(seller.country())));
        values.put("lines", r.lines().stream().filter(l -> linesOf.applyAsLong(l) > 0).map(l -> t.render(
                kind.key() + ".line", Map.of("quantity", t.number(linesOf.applyAsLong(l)), "article",
                        articleName(order, l.lineNo()), "sku", l.sku()))).collect(Collectors.joining("\n")));
        values.putAll(extra);
        composer.queue(kind, order, t, values, ":" + r.number());
    }

    TextBundle.Texts textsFor(java.util.UUID returnId) {
        return templates.in(orders.require(returns.require(returnId).orderId()).customer().locale());
    }

    private static String articleName(OrderView order, int lineNo) {
        return order.lines().stream().filter(l -> l.lineNo() == lineNo).map(OrderView.Line::name).findFirst()
                .orElse("");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.trim();
    }
}
