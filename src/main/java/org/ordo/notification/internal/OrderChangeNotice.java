package org.ordo.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderChanged;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Money;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the customer their order was changed: what it holds now, its new total, what is still to pay (and how)
 * or what is refunded in all after netting every change, with the new confirmation attached. Written in the changing transaction, once per version.
 */
@Component
class OrderChangeNotice {

    private final Composer composer;
    private final Templates templates;

    OrderChangeNotice(Composer composer, Templates templates) {
        this.composer = composer;
        this.templates = templates;
    }

    @EventListener
    void on(OrderChanged changed) {
        OrderView order = changed.order();
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("lines", order.lines().stream().map(line -> t.render("order-confirmation.line", Map.of(
                "quantity", t.number(line.quantity()), "article", line.name(), "sku", line.sku(),
                "amount", t.money(line.gross())))).collect(Collectors.joining("\n")));
        values.put("total", t.money(order.totals().gross()));
        // The refund netted over every change, not this change's alone: what the customer really gets back
        // (docs/order-changes.md, "Several changes are netted").
        Money owed = changed.refundOwed();
        Money earlier = changed.refundOwedBefore();
        StringBuilder money = new StringBuilder();
        if (owed.amount().signum() > 0) {
            money.append(earlier.amount().signum() > 0 && earlier.amount().compareTo(owed.amount()) != 0
                    ? t.render("order-changed.refund-netted", Map.of("refund", t.money(owed), "earlier",
                            t.money(earlier)))
                    : t.render("order-changed.refund", Map.of("refund", t.money(owed))));
        } else if (earlier.amount().signum() > 0) {
            money.append(t.render("order-changed.refund-withdrawn", Map.of("earlier", t.money(earlier))));
        }
        if (changed.amountDue().amount().signum() > 0 && order.paid().amount().signum() > 0) {
            money.append(t.render("order-changed.due", Map.of("due", t.money(changed.amountDue()), "reference",
                    order.number(), "bankDetails", composer.bankDetails(t))));
        }
        values.put("money", money.toString());
        // Rendered after this commits (the billing module's listener); the dispatcher renders it if not yet.
        composer.queue(MessageKind.ORDER_CHANGED, order, t, values, ":v" + changed.version(),
                List.of(DocumentArchive.idOf(DocumentKind.CONFIRMATION,
                        DocumentArchive.confirmationNumber(order.number(), changed.version()))));
    }
}
