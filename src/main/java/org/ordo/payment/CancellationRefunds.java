package org.ordo.payment;

import java.math.BigDecimal;

import org.ordo.ordering.TimelineReason;
import org.ordo.ordering.OrderCancelled;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.payment.internal.PaymentProvider;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.ordo.platform.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** What a cancelled order gave is given back: its authorization voided, received money refunded. */
@Component
class CancellationRefunds {

    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;

    CancellationRefunds(Payments payments, PaymentProvider provider, OrderManagement orders, OrderLifecycle lifecycle) {
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
        this.lifecycle = lifecycle;
    }

    /**
     * A cancelled order gives back what was taken: the authorization is voided and received card money refunded
     * at the provider (when its API is configured; else recorded as requested for a person to do), money that
     * came by bank transfer is recorded as a refund to make. Refunds count once confirmed.
     *
     * <p>The listener runs after the cancellation's commit, and again when its delivery is repeated, so it may come
     * after later events of the order. It gives back nothing when the order is no longer cancelled (reopened: its
     * money belongs to it again) or was cancelled because its payment never came: such an order had received
     * nothing, and money that arrives after it is a late payment, which waits for a person to reopen the order with
     * it or give it back ({@link LatePayments}). Counting it here would give it back twice.
     */
    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        OrderView order = orders.require(cancelled.orderId());
        if (order.status() != OrderStatus.CANCELLED || orders.expiredUnpaid(order.id())) {
            return;
        }
        String intent = payments.providerRef(order.id());
        if (cancelled.paymentStatus() == PaymentStatus.AUTHORIZED) {
            String note = "order cancelled: " + cancelled.reason();
            boolean voided = false;
            if (intent != null && provider.configured()) {
                ProviderCall call = ProviderCall.run(() -> provider.cancel(intent, "ordo-void-" + order.id()), note);
                note = call.note();
                voided = call.sent();
            }
            payments.record(order.id(), "VOID", order.totals().gross(), null, intent,
                    voided ? "BOOKED" : "REQUESTED", note, Actor.SYSTEM);
            if (voided) {
                lifecycle.markVoided(order.id(), TimelineReason.of("voided-order-cancelled",
                        "authorization voided at the provider: order cancelled"));
            }
        }
        BigDecimal captured = payments.captured(order.id());
        BigDecimal transferred = payments.received(order.id()).subtract(captured);
        BigDecimal owed = payments.received(order.id()).subtract(payments.refunded(order.id()));
        if (owed.signum() <= 0) {
            return;
        }
        BigDecimal byCard = owed.min(captured);
        if (byCard.signum() > 0) {
            String note = "order cancelled: " + cancelled.reason();
            if (intent != null && provider.configured()) {
                long minor = byCard.movePointRight(Money.minorUnits(order.currency())).longValueExact();
                note = ProviderCall.run(() -> provider.refund(intent, minor, "ordo-refund-" + order.id()), note).note();
            }
            payments.record(order.id(), "REFUND", new Money(byCard, order.currency()), null, intent, "REQUESTED",
                    note, Actor.SYSTEM);
        }
        BigDecimal byBank = owed.subtract(byCard).min(transferred);
        if (byBank.signum() > 0) {
            payments.record(order.id(), "REFUND", new Money(byBank, order.currency()), null, null, "REQUESTED",
                    "order cancelled: " + cancelled.reason() + "; transfer the money back and book it",
                    Actor.SYSTEM);
        }
    }
}
