package org.ordo.payment;

import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.PaymentMethod;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Orders paid on a marketplace: the marketplace took the money before the order reached Ordo. */
@Component
class MarketplacePayments {

    private final Payments payments;

    MarketplacePayments(Payments payments) {
        this.payments = payments;
    }

    /**
     * An order paid on a marketplace arrives with its money already taken by the marketplace: that money is booked
     * as received in the placing transaction, so that the summary shows it paid with nothing left to pay. Runs
     * synchronously, in the placing transaction and as the placing caller (whose key names the marketplace).
     */
    @EventListener
    void on(OrderPlaced placed) {
        if (PaymentMethod.parse(placed.order().paymentMethod()) != PaymentMethod.MARKETPLACE) {
            return;
        }
        String marketplace = Actor.marketplace();
        payments.lockBooks(placed.orderId());
        payments.record(placed.orderId(), "MARKETPLACE", placed.total(), marketplace, null, "BOOKED",
                marketplace == null ? "paid on the marketplace, as an administrator said"
                        : "paid on marketplace " + marketplace, Actor.current());
    }
}
