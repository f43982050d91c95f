package org.ordo.payment;

import java.math.BigDecimal;
import java.util.UUID;

import org.ordo.ordering.OrderChanged;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.payment.internal.ChangeRefundRequests;
import org.ordo.payment.internal.PaymentProvider;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Actor;
import org.ordo.platform.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The money order changes owe back, netted over all changes of the order (docs/order-changes.md): after a change,
 * the change refunds that stand add up to what was received beyond the order's new total (less refunds booked for
 * other causes). A change that lowers the total requests the difference once ({@code CHG-<change id>}, a unique
 * index); a change that raises it again first withdraws refunds of earlier changes that are not paid out yet
 * (newest first, a partly netted one replaced by the rest), so the customer is never paid back money the order now
 * needs. Refunds already paid out or sent to the provider stand; what they leave short is an amount due on the
 * order. Never more than was received and not refunded (invariant 9 in docs/design.md). A raised total of an
 * authorized card payment is re-authorized first ({@link Reauthorizations}).
 */
@Component
class ChangeRefunds {

    private final Payments payments;
    private final ChangeRefundRequests requests;
    private final PaymentProvider provider;
    private final OrderManagement orders;
    private final Reauthorizations reauthorizations;

    ChangeRefunds(Payments payments, ChangeRefundRequests requests, PaymentProvider provider,
            OrderManagement orders, Reauthorizations reauthorizations) {
        this.reauthorizations = reauthorizations;
        this.payments = payments;
        this.requests = requests;
        this.provider = provider;
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(OrderChanged changed) {
        UUID orderId = changed.orderId();
        payments.lockBooks(orderId);
        reauthorizations.after(changed);
        OrderView order = orders.require(orderId);
        if (order.version() != changed.version()) {
            return; // a later change settles the refunds, with this change's total in its own
        }
        String currency = order.currency();
        BigDecimal received = payments.received(orderId);
        BigDecimal credit = received.subtract(requests.otherRefundsBooked(orderId))
                .subtract(order.totals().gross().amount()).max(BigDecimal.ZERO);
        var standing = requests.of(orderId);
        BigDecimal requested = standing.stream().map(ChangeRefundRequests.Request::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String why = "order " + changed.number() + " changed (version " + changed.version() + ")";
        BigDecimal more = credit.subtract(requested);
        if (more.signum() < 0) {
            BigDecimal excess = more.negate();
            for (ChangeRefundRequests.Request r : standing) {
                if (excess.signum() <= 0) {
                    break;
                }
                if (!r.withdrawable() || !requests.withdraw(r.id(), "withdrawn: netted against " + why)) {
                    continue;
                }
                excess = excess.subtract(r.amount());
            }
            // a request larger than what had to be netted is replaced by its rest
            more = excess.negate();
        }
        BigDecimal room = received.subtract(payments.refunded(orderId));
        BigDecimal amount = more.min(room);
        if (amount.signum() <= 0) {
            return;
        }
        request(changed, new Money(amount, currency), why);
    }

    /** Requests a change refund: through the provider for captured card money when configured, else for a person. */
    private void request(OrderChanged changed, Money refund, String note) {
        UUID orderId = changed.orderId();
        String intent = payments.providerRef(orderId);
        boolean byCard = intent != null && provider.configured()
                && payments.captured(orderId).compareTo(refund.amount()) >= 0;
        if (byCard) {
            long minor = refund.amount().movePointRight(Money.minorUnits(refund.currency())).longValueExact();
            try {
                provider.refund(intent, minor, "ordo-change-" + changed.changeId());
                note += "; sent to the provider";
            } catch (PaymentProvider.Refused refused) {
                note += "; the provider refused: " + refused.getMessage();
            }
        } else {
            note += "; transfer the difference back and book it under reference CHG-" + changed.changeId();
        }
        payments.requestRefundOnce(orderId, refund, "CHG-" + changed.changeId(), byCard ? intent : null, note,
                Actor.SYSTEM);
    }
}
