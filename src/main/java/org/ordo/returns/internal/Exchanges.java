package org.ordo.returns.internal;

import java.util.List;
import java.util.UUID;

import org.ordo.inventory.InventoryManagement;
import org.ordo.ordering.OrderFollowUps;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.party.PartyManagement;
import org.ordo.payment.PaymentManagement;
import org.ordo.platform.Actor;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.Wording;
import org.ordo.returns.RequestReturn;
import org.ordo.returns.ReturnRefused;
import org.springframework.stereotype.Component;

/**
 * The exchange side of a return: the replacement order placed at once, released at once for a trusted customer,
 * and paid by the returned goods' worth once they arrived (docs/returns.md).
 */
@Component
public class Exchanges {

    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final PartyManagement parties;
    private final PaymentManagement payments;
    private final OrderFollowUps followUps;

    Exchanges(OrderManagement orders, OrderLifecycle lifecycle, PartyManagement parties, PaymentManagement payments,
            OrderFollowUps followUps) {
        this.followUps = followUps;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.parties = parties;
        this.payments = payments;
    }

    /** The articles an exchange names: at least one, each with a SKU and a whole quantity; faults named. */
    public static void check(ReturnRefused.Faults faults, List<RequestReturn.Exchange> exchange) {
        if (exchange == null || exchange.isEmpty()) {
            faults.add("exchange", ReturnRefused.Kind.EXCHANGE_MISSING, Wording.of("returns.name_an_exchange_article"));
            return;
        }
        if (exchange.size() > RequestReturn.MAX_EXCHANGE) {
            faults.add("exchange", ReturnRefused.Kind.OTHER,
                    Wording.of("returns.must_be_at_most", RequestReturn.MAX_EXCHANGE));
            return;
        }
        for (int i = 0; i < exchange.size(); i++) {
            RequestReturn.Exchange e = exchange.get(i);
            String at = "exchange[" + i + "]";
            if (e == null) {
                faults.add(at, ReturnRefused.Kind.OTHER, Wording.of("platform.is_required"));
                continue;
            }
            if (e.sku() == null || e.sku().isBlank()) {
                faults.add(at + ".sku", ReturnRefused.Kind.EXCHANGE_SKU,
                        Wording.of("returns.is_required_the_exchange_article"));
            }
            if (e.quantity() == null || e.quantity() < 1 || e.quantity() > InventoryManagement.MAX_QUANTITY) {
                faults.add(at + ".quantity", ReturnRefused.Kind.EXCHANGE_QUANTITY,
                        Wording.of("returns.must_be_a_whole_number_of"));
            }
        }
    }

    /** A placed replacement, and whether it went to the warehouse at once (a trusted customer's). */
    public record Replacement(OrderView order, boolean releasedAtOnce) {
    }

    /**
     * The replacement of an exchange, placed the one way every order is placed: same customer, addresses and
     * currency, at today's catalog prices, reserving its stock. It is a prepayment order, paid by the worth of the
     * returned goods once they arrived ({@link #credit}), so it waits for them: marked as paid by the return, it gets
     * no payment reminder and never expires unpaid meanwhile. A customer marked trusted gets it released to the
     * warehouse at once. A dearer replacement's difference is charged to the returned order's card when one was kept
     * ({@link PaymentManagement#chargeExchange}). Faults in the articles come back named as {@code exchange[i]...}.
     */
    public Replacement place(OrderView order, String number, List<RequestReturn.Exchange> exchange, UUID documentId) {
        List<PlaceOrder.Line> lines = exchange.stream().map(e -> new PlaceOrder.Line(e.sku().trim(), e.quantity()))
                .toList();
        // Prepayment whatever the returned order was paid with: the returned goods pay it; only a dearer one's
        // difference goes to the returned order's card, when the provider keeps one for it (docs/returns.md).
        PlaceOrder replacement = new PlaceOrder(order.channel(), "EXCHANGE-" + number, order.customer().id(), null,
                order.shippingAddress(), order.billingAddress(), order.currency(), "prepayment", null,
                "replacement for " + number + " (order " + order.number() + ")", lines);
        OrderView placed;
        try {
            placed = orders.place(replacement, new PlaceOrder.Source(documentId, Actor.current()));
        } catch (InvalidInputException e) {
            ReturnRefused.Faults faults = new ReturnRefused.Faults();
            for (FieldError f : e.errors()) {
                String field = f.field().startsWith("lines[")
                        ? "exchange" + f.field().substring("lines".length()) : "exchange";
                int index = field.startsWith("exchange[") ? Integer.parseInt(field.substring(9, field.indexOf(']')))
                        : -1;
                String sku = index >= 0 && index < exchange.size() ? exchange.get(index).sku().trim() : "";
                faults.add(f.at(field), ReturnRefused.Kind.EXCHANGE_ARTICLE, sku);
            }
            throw faults.refused();
        }
        followUps.paidByReturn(placed.id(), number);
        boolean trusted = parties.findCustomer(order.customer().id()).map(c -> c.trusted()).orElse(false);
        if (trusted) {
            lifecycle.releaseBeforePayment(placed.id(), "replacement for " + number + " of a trusted customer: "
                    + "ships before the returned goods arrive");
        }
        return new Replacement(orders.require(placed.id()), trusted);
    }

    /**
     * What of a return's worth pays its replacement order: at most what the replacement still owes (nothing when
     * it was cancelled or there is none).
     */
    public Money credit(UUID replacementOrder, Money worth) {
        Money none = Money.zero(worth.currency());
        if (replacementOrder == null || worth.amount().signum() <= 0) {
            return none;
        }
        OrderView replacement = orders.require(replacementOrder);
        if (replacement.status() == OrderStatus.CANCELLED) {
            return none;
        }
        Money owed = payments.summary(replacement.id()).balance();
        if (owed.amount().signum() <= 0) {
            return none;
        }
        return owed.amount().compareTo(worth.amount()) < 0 ? owed : worth;
    }

    /** What a replacement still owes after the returned goods' worth paid it: zero when paid or cancelled. */
    public Money owed(UUID replacementOrder) {
        OrderView replacement = orders.require(replacementOrder);
        Money balance = payments.summary(replacementOrder).balance();
        return replacement.status() == OrderStatus.CANCELLED || balance.amount().signum() <= 0
                ? Money.zero(replacement.currency()) : balance;
    }
}
