package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderDelayed;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The delay notice: the promised day has passed (or will), what is still awaited and, when the promise was computed
 * again, the new deliver-by date; also an SMS to customers who agreed. Written in the transaction of the event that
 * causes it, once per order and new date (see {@link Composer}).
 */
@Component
class DelayNotice {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;

    DelayNotice(Composer composer, Templates templates, OrderManagement orders) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
    }

    @EventListener
    void on(OrderDelayed delayed) {
        OrderView order = orders.require(delayed.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("promised", t.date(delayed.promisedAt()));
        values.put("reason", delayed.backordered().isEmpty() ? t.render("delay-notice.reason.late", Map.of())
                : t.render("delay-notice.reason.backordered", Map.of("articles",
                        String.join(", ", delayed.backordered()))));
        if (delayed.deliverBy() != null) {
            values.put("deliverBy", t.date(delayed.deliverBy()));
            values.put("reason", values.get("reason") + "\n" + t.render("delay-notice.new-date", values));
        }
        composer.queue(MessageKind.DELAY_NOTICE, order, t, values,
                delayed.deliverBy() == null ? "" : ":" + delayed.deliverBy());
    }
}
