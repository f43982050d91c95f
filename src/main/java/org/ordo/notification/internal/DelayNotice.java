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
 * The delay notice: the promised day has passed, and what is still awaited; also an SMS to customers who agreed.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
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
        composer.queue(MessageKind.DELAY_NOTICE, order, t, values, "");
    }
}
