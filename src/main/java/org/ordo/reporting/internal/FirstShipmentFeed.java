package org.ordo.reporting.internal;

import java.time.Instant;

import org.ordo.ordering.OrderManagement;
import org.ordo.shipping.ShipmentShipped;
import org.ordo.shipping.ShippingManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link FirstShipments} from shipping's events, after the shipment committed, through the event
 * publication registry: a failure is retried, and a redelivered event changes nothing.
 */
@Component
class FirstShipmentFeed {

    private final FirstShipments firstShipments;
    private final OrderManagement orders;
    private final ShippingManagement shipping;

    FirstShipmentFeed(FirstShipments firstShipments, OrderManagement orders, ShippingManagement shipping) {
        this.firstShipments = firstShipments;
        this.orders = orders;
        this.shipping = shipping;
    }

    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        Instant shippedAt = shipped.shippedAt() != null ? shipped.shippedAt()
                : shipping.requireShipment(shipped.shipmentId()).shippedAt();
        firstShipments.record(shipped.orderId(), shipped.shipmentId(), shippedAt,
                orders.require(shipped.orderId()).promisedAt());
    }
}
