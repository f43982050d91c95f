package org.ordo.payment;

import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.payment.internal.PaymentProvider;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.ordo.platform.Money;
import org.ordo.shipping.ShipmentShipped;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Card payments that were only authorized are captured when the order's first parcel ships. */
@Component
class ShipmentCaptures {

    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderManagement orders;

    ShipmentCaptures(Payments payments, PaymentProvider provider, OrderManagement orders) {
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
    }

    /** Authorized payments are captured when the first parcel ships. */
    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        OrderView order = orders.require(shipped.orderId());
        String intent = payments.providerRef(order.id());
        if (order.paymentStatus() != PaymentStatus.AUTHORIZED || intent == null || payments.captureRequested(order.id())) {
            return;
        }
        String note = "first parcel shipped (" + shipped.carrier() + " " + shipped.trackingNumber() + ")";
        if (provider.configured()) {
            long minor = order.totals().gross().amount().movePointRight(Money.minorUnits(order.currency()))
                    .longValueExact();
            note = ProviderCall.run(() -> provider.capture(intent, minor, "ordo-capture-" + order.id()), note).note();
        }
        payments.record(order.id(), "CAPTURE", order.totals().gross(), null, intent, "REQUESTED", note, Actor.SYSTEM);
    }
}
