package org.ordo.payment;

import java.math.BigDecimal;
import java.util.UUID;

import org.ordo.ordering.OrderChanged;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.ordering.TimelineReason;
import org.ordo.payment.internal.ChangeRefundRequests;
import org.ordo.payment.internal.PaymentProvider;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.ordo.platform.Money;
import org.springframework.stereotype.Component;

/**
 * A change that raised the total of an order whose card payment is only authorized: the order waits behind the
 * payment gate (PENDING) and, after the change's commit, the provider is asked to authorize the new total
 * (Stripe's increment_authorization, idempotency key {@code ordo-reauth-<change id>}, so a retried event asks
 * once). Authorized: booked as an AUTHORIZATION of the new total, the order is AUTHORIZED again and goes to the
 * warehouse. Refused: booked FAILED with the provider's words; the order keeps waiting for its payment (an agent
 * asks the customer, or cancels). A total still within what was authorized before needs no call.
 */
@Component
class Reauthorizations {

    private final Payments payments;
    private final ChangeRefundRequests books;
    private final PaymentProvider provider;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;

    Reauthorizations(Payments payments, ChangeRefundRequests books, PaymentProvider provider,
            OrderManagement orders, OrderLifecycle lifecycle) {
        this.payments = payments;
        this.books = books;
        this.provider = provider;
        this.orders = orders;
        this.lifecycle = lifecycle;
    }

    /** Called by {@link ChangeRefunds} in its listener's transaction: one listener per event keeps changes fast. */
    void after(OrderChanged changed) {
        UUID orderId = changed.orderId();
        OrderView order = orders.require(orderId);
        String intent = payments.providerRef(orderId);
        BigDecimal authorized = books.authorized(orderId);
        if (order.version() != changed.version() || order.paymentStatus() != PaymentStatus.PENDING
                || intent == null || authorized.signum() <= 0 || payments.captureRequested(orderId)) {
            return; // not an authorized payment waiting for a higher one (or a later change decides)
        }
        Money total = order.totals().gross();
        String why = "order " + changed.number() + " changed (version " + changed.version() + ")";
        if (authorized.compareTo(total.amount()) >= 0) {
            Money held = new Money(authorized, total.currency());
            lifecycle.markAuthorized(orderId, TimelineReason.of("authorization-covers-change", why
                    + ": the authorization of " + held + " covers the new total", changed.number(),
                    changed.version(), held));
            return;
        }
        if (!provider.configured()) {
            return;
        }
        long minor = total.amount().movePointRight(Money.minorUnits(total.currency())).longValueExact();
        try {
            provider.incrementAuthorization(intent, minor, "ordo-reauth-" + changed.changeId());
        } catch (PaymentProvider.Refused refused) {
            payments.record(orderId, "AUTHORIZATION", total, "CHG-" + changed.changeId(), intent, "FAILED",
                    why + ": the provider refused to authorize the new total: " + refused.getMessage(),
                    Actor.SYSTEM);
            return;
        }
        payments.record(orderId, "AUTHORIZATION", total, "CHG-" + changed.changeId(), intent, "BOOKED",
                why + ": re-authorized by the payment provider", Actor.SYSTEM);
        lifecycle.markAuthorized(orderId, TimelineReason.of("reauthorized-for-change", why + ": " + total
                + " re-authorized by the payment provider (" + intent + ")", changed.number(), changed.version(), total,
                intent));
    }
}
