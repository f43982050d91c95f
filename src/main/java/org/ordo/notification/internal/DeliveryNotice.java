package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShipmentDelivered;
import org.ordo.shipping.ShippingManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The delivery notice: the parcel the carrier reported delivered.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class DeliveryNotice {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;
    private final ShippingManagement shipping;

    DeliveryNotice(Composer composer, Templates templates, OrderManagement orders, ShippingManagement shipping) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
        this.shipping = shipping;
    }

    @EventListener
    void on(ShipmentDelivered delivered) {
        OrderView order = orders.require(delivered.orderId());
        Shipment shipment = shipping.requireShipment(delivered.shipmentId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        values.put("carrier", composer.carrierName(shipment.carrier()));
        values.put("tracking", shipment.trackingNumber());
        values.put("trackingUrl", shipment.trackingUrl());
        composer.queue(MessageKind.DELIVERY_NOTICE, order, t, values, ":" + delivered.shipmentId());
    }
}
