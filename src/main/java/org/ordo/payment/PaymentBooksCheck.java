package org.ordo.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.ordering.OrderManagement;
import org.ordo.payment.internal.Payments;
import org.ordo.platform.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The check of every order's payment status against its booked money (invariant 9 in docs/design.md). */
@Component
class PaymentBooksCheck {

    private final Payments payments;
    private final OrderManagement orders;

    PaymentBooksCheck(Payments payments, OrderManagement orders) {
        this.payments = payments;
        this.orders = orders;
    }

    /**
     * Checks every order's payment status against its booked money, in pages of orders: refunds never exceed what
     * was received; PAID means what was received less what was refunded covers the total; PENDING or AUTHORIZED
     * means it does not yet (open and held orders); REFUNDED means everything received went back;
     * PARTIALLY_REFUNDED means some but not all of it did. Reads only, locks nothing.
     */
    @Transactional(readOnly = true)
    PaymentManagement.BooksCheck run() {
        List<String> beyond = new ArrayList<>();
        List<String> offBalance = new ArrayList<>();
        UUID after = new UUID(0, 0);
        for (List<org.ordo.ordering.OrderPaymentState> page = orders.paymentStates(after, BOOKS_PAGE);
                !page.isEmpty(); page = orders.paymentStates(after, BOOKS_PAGE)) {
            after = page.get(page.size() - 1).id();
            Map<UUID, BigDecimal[]> sums = payments.receivedAndRefunded(
                    page.stream().map(org.ordo.ordering.OrderPaymentState::id).toList());
            for (var order : page) {
                BigDecimal[] sum = sums.getOrDefault(order.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                Money received = Money.rounded(sum[0], order.gross().currency());
                Money refunded = Money.rounded(sum[1], order.gross().currency());
                if (refunded.amount().compareTo(received.amount()) > 0) {
                    beyond.add(order.number() + ": refunded " + refunded + " but received only " + received);
                }
                String off = offBalance(order, received, refunded);
                if (off != null) {
                    offBalance.add(order.number() + " is " + order.paymentStatus() + " but " + off + " (received "
                            + received + ", refunded " + refunded + ", total " + order.gross() + ")");
                }
            }
        }
        return new PaymentManagement.BooksCheck(beyond, offBalance);
    }

    private static final int BOOKS_PAGE = 1000;

    /** Why the order's payment status does not agree with its booked money; null when it does. */
    private static String offBalance(org.ordo.ordering.OrderPaymentState order, Money received, Money refunded) {
        BigDecimal kept = received.amount().subtract(refunded.amount());
        boolean covered = kept.compareTo(order.gross().amount()) >= 0;
        boolean live = order.status() == org.ordo.ordering.OrderStatus.OPEN
                || order.status() == org.ordo.ordering.OrderStatus.ON_HOLD;
        return switch (order.paymentStatus()) {
            case PAID -> covered ? null : "what was kept does not cover the total";
            case PENDING, AUTHORIZED -> live && received.amount().signum() > 0 && covered
                    ? "the total has been received" : null;
            case REFUNDED -> refunded.amount().signum() > 0 && refunded.amount().compareTo(received.amount()) >= 0
                    ? null : "not everything received went back";
            case PARTIALLY_REFUNDED -> refunded.amount().signum() > 0 && kept.signum() > 0
                    ? null : "the refunds are not a part of what was received";
        };
    }
}
