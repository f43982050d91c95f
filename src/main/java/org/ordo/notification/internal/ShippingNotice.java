package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.ordo.shipping.ShipmentShipped;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The shipping notice: carrier, tracking number and where to start a return; also an SMS to customers who agreed.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class ShippingNotice {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;

    ShippingNotice(Composer composer, Templates templates, OrderManagement orders) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
    }

    @EventListener
    void on(ShipmentShipped shipped) {
        OrderView order = orders.require(shipped.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("carrier", composer.carrierName(shipped.carrier()));
        values.put("tracking", shipped.trackingNumber());
        values.put("trackingUrl", shipped.trackingUrl());
        // Where the customer starts a return: the form behind the order's page (as on the packing slip).
        values.put("returnPage", values.get("orderPage") + "/return");
        composer.queue(MessageKind.SHIPPING_NOTICE, order, t, values, ":" + shipped.shipmentId());
    }
}
