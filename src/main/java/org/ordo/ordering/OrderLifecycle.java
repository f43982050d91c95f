package org.ordo.ordering;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.StockAllocation;
import org.ordo.inventory.StockDemand;
import org.ordo.inventory.StockReceived;
import org.ordo.ordering.internal.Orders;
import org.ordo.party.Customer;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Actor;
import org.ordo.platform.Wording;
import org.ordo.platform.Address;
import org.ordo.platform.AddressProblem;
import org.ordo.platform.Addresses;
import org.ordo.platform.ConflictException;
import org.ordo.platform.IllegalTransition;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.TextInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an order after it is placed: holds, payment, release to the warehouse (the payment gate),
 * shipping and delivery, backorders filled by new stock. Each change locks the order row, checks the
 * transition tables, and writes its timeline entry.
 */
@Service
public class OrderLifecycle {

    private final Orders orders;
    private final PartyManagement parties;
    private final InventoryManagement inventory;
    private final ApplicationEventPublisher events;
    private final OrdoProperties.Orders settings;
    private final String carrier;

    OrderLifecycle(Orders orders, PartyManagement parties, InventoryManagement inventory,
            ApplicationEventPublisher events, OrdoProperties properties) {
        this.orders = orders;
        this.parties = parties;
        this.inventory = inventory;
        this.events = events;
        this.settings = properties.orders();
        this.carrier = properties.shipping().carrier() == null || properties.shipping().carrier().isBlank() ? null
                : properties.shipping().carrier().trim();
    }

    /** Puts an open order on hold; takes it back from the warehouse if picking has not started (409 if it has). */
    @Transactional
    public void hold(UUID orderId, HoldKind kind, String reason) {
        String why = requireReason(reason);
        if (kind == null) {
            throw new InvalidInputException("kind", Wording.of("ordering.must_be_one_of_fraud_address"));
        }
        Orders.Locked o = lock(orderId);
        transition(o, OrderStatus.ON_HOLD);
        if (o.fulfillmentStatus().hasShipped() || inventory.hasIssued(orderId)) {
            throw new IllegalTransition("Picking has started",
                    Wording.of("ordering.order_is_being_picked_or_has", o.number()),
                    Map.of("fulfillmentStatus", o.fulfillmentStatus()));
        }
        putOnHold(o, kind, why, Actor.current());
    }

    /** Releases a hold; the order goes to the warehouse at once if its payment allows. */
    @Transactional
    public void releaseHold(UUID orderId, String reason) {
        String why = requireReason(reason);
        Orders.Locked o = lock(orderId);
        if (o.status() != OrderStatus.ON_HOLD) {
            throw new IllegalTransition("Not on hold",
                    Wording.of("ordering.order_is_not_on_hold", o.number(), Wording.state(o.status())),
                    Map.of("orderStatus", o.status()));
        }
        String actor = Actor.current();
        OrderView.Hold released = orders.find(orderId).map(OrderView::hold).orElse(null);
        orders.unhold(orderId);
        orders.record(orderId, actor, "order", OrderStatus.ON_HOLD.name(), OrderStatus.OPEN.name(), why);
        Orders.Locked open = lock(orderId);
        if ((released == null || released.kind() != HoldKind.ADDRESS) && holdIfAddressFaulty(open, actor)) {
            return; // held first for another reason; the address was never looked at by a person
        }
        releaseIfAllowed(open, actor, false); // a person released it: their decision covers the credit
    }

    /**
     * What a person must correct in the order's shipping address before the configured carrier
     * ({@code ORDO_SHIPPING_CARRIER}) can deliver it (docs/addresses.md); empty when nothing, or when the order
     * ships nothing. Reads, locks nothing.
     */
    public List<AddressProblem> addressProblems(OrderView order) {
        return Addresses.check(order.shippingAddress(), carrier);
    }

    /** What a person would have to correct in this shipping address before the configured carrier can deliver it. */
    public List<AddressProblem> addressProblems(Address address) {
        return Addresses.check(address, carrier);
    }

    /**
     * Checks the order's shipping address as placement does (for a change of the address or carrier) and puts an
     * open order with problems on hold, kind {@code ADDRESS}, naming them; takes it back from the warehouse if it
     * was released (409 once picking has started). Locks the order. Returns the problems found (empty: nothing
     * changed).
     */
    @Transactional
    public List<AddressProblem> holdIfAddressFaulty(UUID orderId) {
        Orders.Locked o = lock(orderId);
        OrderView order = orders.find(orderId).orElseThrow();
        List<AddressProblem> problems = addressProblems(order);
        if (problems.isEmpty() || o.status() != OrderStatus.OPEN) {
            return problems;
        }
        if (o.fulfillmentStatus().hasShipped() || inventory.hasIssued(orderId)) {
            throw new IllegalTransition("Picking has started",
                    Wording.of("ordering.order_is_being_picked_or_has", o.number()),
                    Map.of("fulfillmentStatus", o.fulfillmentStatus()));
        }
        putOnHold(o, HoldKind.ADDRESS, AddressProblem.reason(problems, order.shippingAddress().country()),
                Actor.current());
        return problems;
    }

    private boolean holdIfAddressFaulty(Orders.Locked o, String actor) {
        Address shipping = orders.find(o.id()).orElseThrow().shippingAddress();
        List<AddressProblem> problems = Addresses.check(shipping, carrier);
        if (problems.isEmpty()) {
            return false;
        }
        putOnHold(o, HoldKind.ADDRESS, AddressProblem.reason(problems, shipping.country()), actor);
        return true;
    }

    /** The provider authorized the payment (card, wallet): the order may go to the warehouse. */
    @Transactional
    public void markAuthorized(UUID orderId, String reason) {
        markAuthorized(orderId, TimelineReason.typed(reason));
    }

    /** The same with a reason Ordo wrote, shown in the reader's language ({@link TimelineReason#of}). */
    @Transactional
    public void markAuthorized(UUID orderId, TimelineReason reason) {
        Orders.Locked o = lock(orderId);
        if (o.paymentStatus() == PaymentStatus.AUTHORIZED || o.paymentStatus() == PaymentStatus.PAID) {
            return;
        }
        changePayment(o, PaymentStatus.AUTHORIZED, o.paid(), reason);
        releaseIfAllowed(lock(orderId), Actor.current(), true);
    }

    /**
     * Records what has been paid in total. Paid in full (or more): PAID and released to the warehouse; less:
     * the amount is kept visible and the order waits.
     */
    @Transactional
    public void recordPayment(UUID orderId, Money paidTotal, String reason) {
        recordPayment(orderId, paidTotal, TimelineReason.typed(reason));
    }

    /** The same with a reason Ordo wrote, shown in the reader's language ({@link TimelineReason#of}). */
    @Transactional
    public void recordPayment(UUID orderId, Money paidTotal, TimelineReason reason) {
        Orders.Locked o = lock(orderId);
        if (!paidTotal.currency().equals(o.currency())) {
            throw new InvalidInputException("currency", Wording.of("ordering.the_order_is_in", o.currency()));
        }
        // what covers the order is what was received less what went back (a change may have refunded some)
        Money kept = paidTotal.minus(orders.refunded(orderId));
        boolean full = kept.amount().compareTo(o.gross().amount()) >= 0;
        if (full && o.paymentStatus() != PaymentStatus.PAID && o.paymentStatus().canBecome(PaymentStatus.PAID)) {
            changePayment(o, PaymentStatus.PAID, paidTotal, reason);
        } else {
            orders.changePayment(orderId, o.paymentStatus(), paidTotal);
            orders.record(orderId, Actor.current(), "payment", o.paymentStatus().name(), o.paymentStatus().name(),
                    reason.followedBy("part-paid", " (paid " + paidTotal + " of " + o.gross() + ")", paidTotal,
                            o.gross()));
        }
        Orders.Locked now = lock(orderId);
        releaseIfAllowed(now, Actor.current(), true);
        completeIfDone(now);
    }

    /** Money went back to the customer: PARTIALLY_REFUNDED or REFUNDED. */
    @Transactional
    public void markRefunded(UUID orderId, Money refundedTotal, String reason) {
        markRefunded(orderId, refundedTotal, TimelineReason.typed(reason));
    }

    /** The same with a reason Ordo wrote, shown in the reader's language ({@link TimelineReason#of}). */
    @Transactional
    public void markRefunded(UUID orderId, Money refundedTotal, TimelineReason reason) {
        Orders.Locked o = lock(orderId);
        orders.recordRefunded(orderId, refundedTotal);
        Money kept = o.paid().minus(refundedTotal);
        if (o.status() != OrderStatus.CANCELLED && o.paymentStatus() == PaymentStatus.PAID
                && kept.amount().compareTo(o.gross().amount()) >= 0) {
            // Only what was paid too much went back: the order is still paid in full.
            orders.record(orderId, Actor.current(), "payment", o.paymentStatus().name(), o.paymentStatus().name(),
                    reason.followedBy("over-payment-returned", " (over-payment returned; " + kept + " kept)", kept));
            return;
        }
        boolean full = refundedTotal.amount().compareTo(o.paid().amount()) >= 0;
        PaymentStatus next = full ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        if (!o.paymentStatus().canBecome(next)) {
            throw IllegalTransition.between(Wording.of("platform.subject.order_payment", o.number()), o.paymentStatus(),
                    next, "paymentStatus");
        }
        changePayment(o, next, o.paid(), reason.followedBy("refunded", " (refunded " + refundedTotal + ")",
                refundedTotal));
    }

    /** An authorization was voided (cancellation before capture): back to PENDING, nothing was taken. */
    @Transactional
    public void markVoided(UUID orderId, String reason) {
        markVoided(orderId, TimelineReason.typed(reason));
    }

    /** The same with a reason Ordo wrote, shown in the reader's language ({@link TimelineReason#of}). */
    @Transactional
    public void markVoided(UUID orderId, TimelineReason reason) {
        Orders.Locked o = lock(orderId);
        if (o.paymentStatus() == PaymentStatus.AUTHORIZED) {
            changePayment(o, PaymentStatus.PENDING, o.paid(), reason);
        }
    }

    /**
     * Records shipped units per line (line number to quantity) of a released order; the fulfillment status
     * follows: PARTIALLY_SHIPPED until every physical unit has shipped, then SHIPPED. 409 on anything else.
     */
    @Transactional
    public void markShipped(UUID orderId, Map<Integer, Long> shippedByLine, String reference) {
        Orders.Locked o = lock(orderId);
        if (!o.released() || o.status() != OrderStatus.OPEN) {
            throw new IllegalTransition("Not released",
                    Wording.of("ordering.order_is_not_released_to_the", o.number(), Wording.state(o.status())),
                    Map.of("orderStatus", o.status()));
        }
        shippedByLine.forEach((line, quantity) -> {
            if (!orders.addShipped(orderId, line, quantity)) {
                throw new ConflictException("over-shipment", "More than ordered",
                        Wording.of("ordering.line_of_order_cannot_ship_more", line, o.number(), quantity));
            }
        });
        Orders.Progress p = orders.progress(orderId);
        FulfillmentStatus next = o.fulfillmentStatus().hasReturns() ? o.fulfillmentStatus() // returns say more
                : p.shipped() >= p.ordered() ? FulfillmentStatus.SHIPPED : FulfillmentStatus.PARTIALLY_SHIPPED;
        if (next != o.fulfillmentStatus()) {
            if (!o.fulfillmentStatus().canBecome(next)) {
                throw IllegalTransition.between(Wording.of("platform.subject.order", o.number()), o.fulfillmentStatus(),
                        next,
                        "fulfillmentStatus");
            }
            orders.changeFulfillment(orderId, next);
        }
        orders.record(orderId, Actor.current(), "fulfillment", o.fulfillmentStatus().name(), next.name(),
                TimelineReason.of("shipped", "shipped " + reference, reference));
    }

    /** Every parcel of the order has arrived: DELIVERED, and COMPLETED when also paid. */
    @Transactional
    public void markDelivered(UUID orderId, String reference) {
        Orders.Locked o = lock(orderId);
        if (o.fulfillmentStatus() == FulfillmentStatus.DELIVERED || o.fulfillmentStatus().hasReturns()) {
            return; // a late delivery scan changes nothing once goods came back
        }
        if (!o.fulfillmentStatus().canBecome(FulfillmentStatus.DELIVERED)) {
            throw new IllegalTransition("Not shipped",
                    Wording.of("ordering.order_is_only_shipped_orders_are", o.number(),
                            Wording.state(o.fulfillmentStatus())),
                    Map.of("fulfillmentStatus", o.fulfillmentStatus()));
        }
        orders.changeFulfillment(orderId, FulfillmentStatus.DELIVERED);
        orders.record(orderId, Actor.current(), "fulfillment", o.fulfillmentStatus().name(),
                FulfillmentStatus.DELIVERED.name(), TimelineReason.of("delivered", "delivered " + reference, reference));
        completeIfDone(lock(orderId));
    }

    /**
     * Goods came back from the customer: {@code returnedUnits} is how many units of the order have come back in
     * all (counted by the returns module). RETURNED once every shipped unit is back, else PARTIALLY_RETURNED;
     * locks the order and writes the timeline entry naming the return. 409 for an order that has not shipped.
     */
    @Transactional
    public void markReturned(UUID orderId, long returnedUnits, String reference) {
        Orders.Locked o = lock(orderId);
        Orders.Progress p = orders.progress(orderId);
        FulfillmentStatus next = returnedUnits >= p.ordered() && p.shipped() >= p.ordered()
                ? FulfillmentStatus.RETURNED : FulfillmentStatus.PARTIALLY_RETURNED;
        if (next == o.fulfillmentStatus()) {
            orders.record(orderId, Actor.current(), "fulfillment", next.name(), next.name(), reference);
            return;
        }
        if (!o.fulfillmentStatus().canBecome(next)) {
            throw IllegalTransition.between(Wording.of("platform.subject.order", o.number()), o.fulfillmentStatus(),
                    next, "fulfillmentStatus");
        }
        orders.changeFulfillment(orderId, next);
        orders.record(orderId, Actor.current(), "fulfillment", o.fulfillmentStatus().name(), next.name(),
                reference);
    }

    /** Writes a timeline entry about the order that changes none of its statuses (a return authorized, refunded). */
    @Transactional
    public void note(UUID orderId, String dimension, String reason) {
        note(orderId, dimension, TimelineReason.typed(reason));
    }

    /**
     * The same with a reason Ordo wrote ({@link TimelineReason#of}), so the back office shows it in the reader's
     * language: other modules pass their reasons this way.
     */
    @Transactional
    public void note(UUID orderId, String dimension, TimelineReason reason) {
        Orders.Locked o = lock(orderId);
        String now = switch (dimension) {
            case "payment" -> o.paymentStatus().name();
            case "fulfillment" -> o.fulfillmentStatus().name();
            default -> o.status().name();
        };
        orders.record(orderId, Actor.current(), dimension, now, now, reason);
    }

    /** Digital goods of a released order were delivered; an order with nothing to ship is then DELIVERED. */
    @Transactional
    public void markDigitalDelivered(UUID orderId, String reference) {
        Orders.Locked o = lock(orderId);
        Orders.Progress p = orders.progress(orderId);
        orders.record(orderId, Actor.current(), "fulfillment", o.fulfillmentStatus().name(),
                p.ordered() == 0 ? FulfillmentStatus.DELIVERED.name() : o.fulfillmentStatus().name(),
                TimelineReason.of("digital-delivered", "digital goods delivered: " + reference, reference));
        if (p.ordered() == 0 && o.fulfillmentStatus() != FulfillmentStatus.DELIVERED) {
            orders.changeFulfillment(orderId, FulfillmentStatus.DELIVERED);
            completeIfDone(lock(orderId));
        }
    }

    /** New stock fills backordered lines, earliest promise first; runs after the receipt commits. */
    @ApplicationModuleListener
    void on(StockReceived received) {
        fillBackorders(received.sku());
    }

    /** So does stock that a cancellation gave back. */
    @ApplicationModuleListener
    void on(org.ordo.inventory.StockReleased released) {
        fillBackorders(released.sku());
    }

    /** Reserves what is now available for backordered lines of a SKU, earliest promise first. */
    @Transactional
    public int fillBackorders(String sku) {
        int filled = 0;
        for (Orders.Backorder b : orders.lockBackorders(sku)) {
            // the order's channel and currency choose the routing rule, as at placement
            StockAllocation allocation = inventory.reserve(new StockDemand(b.orderId(), b.number(),
                    java.util.List.of(new StockDemand.Line(b.lineNo(), b.sku(), b.backordered(), true)), b.channel(),
                    b.currency()));
            long reserved = allocation.lines().get(0).reserved();
            if (reserved == 0) {
                break; // nothing left for the next ones either
            }
            orders.moveToReserved(b.orderId(), b.lineNo(), reserved);
            filled++;
            Orders.Locked o = lock(b.orderId());
            Orders.Progress p = orders.progress(b.orderId());
            TimelineReason reason = TimelineReason.of("backorder-filled", "backorder filled: " + reserved + " x " + sku,
                    reserved, sku);
            FulfillmentStatus next = o.released() ? FulfillmentStatus.RELEASED
                    : p.backordered() > 0 ? FulfillmentStatus.BACKORDERED : FulfillmentStatus.UNFULFILLED;
            if (o.fulfillmentStatus() == FulfillmentStatus.BACKORDERED && next != FulfillmentStatus.BACKORDERED) {
                orders.changeFulfillment(b.orderId(), next);
            }
            orders.record(b.orderId(), Actor.SYSTEM, "fulfillment", o.fulfillmentStatus().name(),
                    o.fulfillmentStatus() == FulfillmentStatus.BACKORDERED ? next.name()
                            : o.fulfillmentStatus().name(), reason);
        }
        return filled;
    }

    /**
     * A short pick: {@code missing} units of a line were not on the shelf. They are reserved again at other
     * locations where possible, else backordered (the customer ordered them; the order is not refused now).
     */
    @Transactional
    public void reallocate(UUID orderId, int lineNo, String sku, long missing) {
        Orders.Locked o = lock(orderId);
        StockAllocation allocation = inventory.reserve(new StockDemand(orderId, o.number(),
                java.util.List.of(new StockDemand.Line(lineNo, sku, missing, true)), orders.channelOf(orderId),
                o.currency()));
        StockAllocation.Line line = allocation.lines().get(0);
        orders.reallocate(orderId, lineNo, missing, line.reserved(), line.backordered());
        String where = line.parts().stream().map(p -> p.quantity() + " at " + p.location()).toList().toString();
        orders.record(orderId, Actor.current(), "fulfillment", o.fulfillmentStatus().name(),
                o.fulfillmentStatus().name(), "short pick of " + missing + " x " + sku + ": reserved again "
                        + where + (line.backordered() > 0 ? ", backordered " + line.backordered() : ""));
    }

    // --- used by OrderManagement ------------------------------------------------------------------------------

    /**
     * After placement: hold by the automatic rules, or release if payment or terms allow. True when it changed
     * the order (or published an event whose listeners may have), so that a view read before is stale.
     */
    boolean afterPlacement(Orders.Locked placed, String actor) {
        return afterPlacement(placed, null, actor);
    }

    /**
     * As above, and the shipping address is checked by the rules of its country and the configured carrier
     * (docs/addresses.md): with a problem the order is held, kind {@code ADDRESS}, never refused or changed.
     */
    boolean afterPlacement(Orders.Locked placed, Address shipping, String actor) {
        return afterPlacement(placed, shipping, actor, null);
    }

    /**
     * As above, with the order's customer as the placement read it ({@code customer}, null: read here), so that the
     * payment gate does not read it again (docs/benchmarks.md, P4).
     */
    boolean afterPlacement(Orders.Locked placed, Address shipping, String actor, Customer customer) {
        Orders.Locked o = placed;
        boolean changed = false;
        UUID orderId = placed.id();
        if (PaymentMethod.parse(o.paymentMethod()) == PaymentMethod.MARKETPLACE) {
            orders.changePayment(orderId, PaymentStatus.PAID, o.gross());
            orders.record(orderId, actor, "payment", PaymentStatus.PENDING.name(), PaymentStatus.PAID.name(),
                    TimelineReason.of("paid-on-marketplace", "paid on the marketplace"));
            events.publishEvent(new OrderPaid(orderId, o.number()));
            o = lock(orderId);
            changed = true;
        }
        return apply(o, decide(o, shipping, customer), actor) || changed;
    }

    /**
     * What the automatic holds and the payment gate decide for an order after placement: a hold, a release, or
     * nothing. The one rule both ways of placing use: {@link #afterPlacement}, and a placement that decides before
     * it writes the order ({@link #atPlacement}).
     */
    sealed interface Gate {
        /** The order stays open and waits for its payment. */
        record Stays() implements Gate {
        }

        /** The order is put on hold. */
        record Hold(HoldKind kind, String reason) implements Gate {
        }

        /** The order goes to the warehouse, for this reason. */
        record Release(TimelineReason why) implements Gate {
        }
    }

    private Gate decide(Orders.Locked o, Address shipping, Customer customer) {
        String fraud = firstOrderAboveLimit(o);
        if (fraud != null) {
            return new Gate.Hold(HoldKind.FRAUD, fraud);
        }
        List<AddressProblem> problems = Addresses.check(shipping, carrier);
        if (!problems.isEmpty()) {
            return new Gate.Hold(HoldKind.ADDRESS, AddressProblem.reason(problems, shipping.country()));
        }
        if (settings.holdOnCountryMismatch() && o.billingCountry() != null && o.shippingCountry() != null
                && !o.billingCountry().equals(o.shippingCountry())) {
            return new Gate.Hold(HoldKind.ADDRESS, "shipping country " + o.shippingCountry()
                    + " differs from billing country " + o.billingCountry());
        }
        return releaseDecision(o, true, customer);
    }

    /**
     * What {@link #afterPlacement} would decide for this order, asked before it is written so that a release is
     * written with the order's insert (docs/benchmarks.md, P4): what it reads (the customer's other orders, their open
     * amount) leaves the order itself out, so it is the same before the insert as after. Null for an order paid on a
     * marketplace, whose payment is booked first: that one is placed and then passed to {@link #afterPlacement}.
     */
    Gate atPlacement(Orders.Locked placed, Address shipping, Customer customer) {
        return PaymentMethod.parse(placed.paymentMethod()) == PaymentMethod.MARKETPLACE ? null
                : decide(placed, shipping, customer);
    }

    /** Carries out a decision of {@link #atPlacement} that was not written with the order (a hold); true if any. */
    boolean apply(Orders.Locked o, Gate gate, String actor) {
        if (gate instanceof Gate.Hold hold) {
            putOnHold(o, hold.kind(), hold.reason(), actor);
            return true;
        }
        if (gate instanceof Gate.Release release) {
            release(o, actor, release.why());
            return true;
        }
        return false;
    }

    /** The release of {@link #atPlacement}, for the order's insert: the timeline entry from the order's fulfillment. */
    Orders.ReleaseAtInsert releaseAtInsert(Orders.Locked o, Gate.Release release, List<Orders.NewLine> lines,
            String actor) {
        FulfillmentStatus to = Orders.releasedAs(lines);
        return new Orders.ReleaseAtInsert(to, new Orders.NewEntry(actor, "fulfillment", o.fulfillmentStatus().name(),
                to.name(), release.why()));
    }

    /** After an order was written released ({@link #releaseAtInsert}): whom to tell, as {@link #release} tells. */
    void releasedAtInsert(Orders.Locked o, String email, String locale, List<Orders.NewLine> lines) {
        events.publishEvent(new OrderReleased(o.id(), o.number(), locale, email, lines.stream()
                .filter(l -> "DIGITAL".equals(l.type()))
                .map(l -> new OrderReleased.DigitalLine(l.lineNo(), l.sku(), l.name(), l.quantity())).toList()));
    }

    /**
     * After a change of the order's lines (docs/order-changes.md): the payment status follows the new total and
     * the payment gate decides again. A paid order that now owes more is PENDING again (the one way back from PAID,
     * deliberately outside the transition table, which is about money arriving and leaving) and, if released, is
     * taken back from the warehouse until the rest is paid; what was paid before covering the new total makes it
     * PAID. The gate then releases what it allows, as after placement.
     */
    /**
     * After a change of the shipping address (docs/order-changes.md, docs/addresses.md): checked as at placement, a
     * faulty one holds the open order (kind {@code ADDRESS}, unchanged); a corrected one lifts an {@code ADDRESS}
     * hold, and the order goes on as its payment allows. A hold of another kind stays: a person decides that one.
     */
    void afterAddressChange(UUID orderId, String actor) {
        Orders.Locked o = lock(orderId);
        OrderView order = orders.find(orderId).orElseThrow();
        if (o.status() == OrderStatus.OPEN) {
            holdIfAddressFaulty(o, actor);
            return;
        }
        if (o.status() == OrderStatus.ON_HOLD && order.hold() != null && order.hold().kind() == HoldKind.ADDRESS
                && addressProblems(order).isEmpty()) {
            orders.unhold(orderId);
            orders.record(orderId, actor, "order", OrderStatus.ON_HOLD.name(), OrderStatus.OPEN.name(),
                    TimelineReason.of("address-corrected", "shipping address corrected"));
            releaseIfAllowed(lock(orderId), actor, false);
        }
    }

    void afterChange(UUID orderId, String actor, OrderChange change) {
        Orders.Locked o = lock(orderId);
        boolean covered = orders.kept(orderId).amount().compareTo(o.gross().amount()) >= 0;
        // An authorized card payment covers what it was authorized for: a higher total waits for the provider's
        // new authorization, which the payment module asks for after this commit (docs/order-changes.md).
        boolean reauthorize = o.paymentStatus() == PaymentStatus.AUTHORIZED
                && change.grossAfter().amount().compareTo(change.grossBefore().amount()) > 0;
        if (o.paymentStatus() == PaymentStatus.PAID && !covered || reauthorize) {
            String waitsFor = reauthorize ? change.grossAfter() + " is authorized" : change.amountDue() + " is paid";
            orders.changePayment(orderId, PaymentStatus.PENDING, o.paid());
            String changedText = "order changed (version " + change.version() + "): " + (reauthorize
                    ? "a new authorization for " + change.grossAfter() + " is asked from the payment provider"
                    : change.amountDue() + " still due");
            orders.record(orderId, actor, "payment", o.paymentStatus().name(), PaymentStatus.PENDING.name(),
                    reauthorize ? TimelineReason.typed(changedText)
                            : TimelineReason.of("changed-still-due", changedText, change.version(), change.amountDue()));
            o = lock(orderId);
            if (o.released() && o.status() == OrderStatus.OPEN) {
                Orders.Progress p = orders.progress(orderId);
                FulfillmentStatus back = p.ordered() > 0 && p.reserved() == 0 && p.backordered() > 0
                        ? FulfillmentStatus.BACKORDERED : FulfillmentStatus.UNFULFILLED;
                orders.takeBack(orderId, back);
                orders.record(orderId, actor, "fulfillment", o.fulfillmentStatus().name(), back.name(),
                        reauthorize ? TimelineReason.typed("taken back from the warehouse until " + waitsFor)
                                : TimelineReason.of("taken-back-until-paid", "taken back from the warehouse until "
                                        + change.amountDue() + " is paid", change.amountDue()));
                o = lock(orderId);
            }
        } else if (o.paymentStatus() == PaymentStatus.PENDING && covered && o.paid().amount().signum() > 0) {
            changePayment(o, PaymentStatus.PAID, o.paid(), "order changed (version " + change.version()
                    + "): what was paid covers the new total");
            o = lock(orderId);
        }
        releaseIfAllowed(o, actor, true);
    }

    private String firstOrderAboveLimit(Orders.Locked o) {
        BigDecimal limit = settings.holdFirstOrderAbove().get(o.currency());
        if (limit == null || o.gross().amount().compareTo(limit) <= 0
                || orders.hasOtherOrders(o.customerId(), o.id())) {
            return null;
        }
        return "first order of this customer above " + limit.toPlainString() + " " + o.currency();
    }

    private void putOnHold(Orders.Locked o, HoldKind kind, String reason, String actor) {
        Orders.Progress p = orders.progress(o.id());
        FulfillmentStatus fulfillment = p.backordered() > 0 && p.reserved() == 0 && p.ordered() > 0
                ? FulfillmentStatus.BACKORDERED
                : o.fulfillmentStatus() == FulfillmentStatus.RELEASED ? FulfillmentStatus.UNFULFILLED
                : o.fulfillmentStatus();
        orders.hold(o.id(), kind, reason, fulfillment);
        orders.record(o.id(), actor, "order", o.status().name(), OrderStatus.ON_HOLD.name(),
                TimelineReason.of("held." + kind.name(), kind.name().toLowerCase() + ": " + reason, reason));
        if (o.released() && fulfillment != o.fulfillmentStatus()) {
            orders.record(o.id(), actor, "fulfillment", o.fulfillmentStatus().name(), fulfillment.name(),
                    TimelineReason.of("taken-back-on-hold", "taken back from the warehouse while on hold"));
        }
        events.publishEvent(new OrderHeld(o.id(), o.number(), kind, reason));
    }

    /**
     * The payment gate (invariant 3): an open, unheld order goes to the warehouse only when its payment is
     * authorized or paid, or its customer may receive goods before paying and stays within the credit limit.
     */
    private boolean releaseIfAllowed(Orders.Locked o, String actor, boolean checkCredit) {
        return releaseIfAllowed(o, actor, checkCredit, null);
    }

    /** {@code known}: the order's customer when the caller has just read it, else null. */
    private boolean releaseIfAllowed(Orders.Locked o, String actor, boolean checkCredit, Customer known) {
        return apply(o, releaseDecision(o, checkCredit, known), actor);
    }

    private Gate releaseDecision(Orders.Locked o, boolean checkCredit, Customer known) {
        if (o.status() != OrderStatus.OPEN || o.released()) {
            return new Gate.Stays();
        }
        if (o.paymentStatus() == PaymentStatus.PAID || o.paymentStatus() == PaymentStatus.AUTHORIZED) {
            return new Gate.Release(TimelineReason.of("released." + o.paymentStatus().name(),
                    "released to the warehouse: payment " + o.paymentStatus().name().toLowerCase()));
        }
        PaymentMethod method = PaymentMethod.parse(o.paymentMethod());
        if (method != PaymentMethod.INVOICE && method != PaymentMethod.CASH_ON_DELIVERY) {
            return new Gate.Stays();
        }
        Customer customer = known != null && known.id().equals(o.customerId()) ? known
                : parties.requireCustomer(o.customerId());
        if (!customer.shipBeforePayment()) {
            return new Gate.Stays();
        }
        if (checkCredit && customer.creditLimit() != null) {
            BigDecimal open = orders.openAmount(o.customerId(), o.currency(), o.id());
            if (open.add(o.gross().amount()).compareTo(customer.creditLimit()) > 0) {
                return new Gate.Hold(HoldKind.PAYMENT, "credit limit " + customer.creditLimit().toPlainString() + " "
                        + o.currency() + " exceeded: " + open.stripTrailingZeros().toPlainString()
                        + " open plus " + o.gross() + " for this order");
            }
        }
        return new Gate.Release(TimelineReason.of("released-on-terms", "released to the warehouse: terms allow"
                + " shipping before payment (" + method.code() + ")", method.code()));
    }

    /**
     * Sends an open, unheld order to the warehouse before it is paid, for a reason a person decided ahead (the
     * replacement of an exchange for a trusted customer). The payment stays owed as it was. Does nothing to an
     * order already released, held or closed, so a second call changes nothing.
     */
    @Transactional
    public void releaseBeforePayment(UUID orderId, String why) {
        Orders.Locked o = lock(orderId);
        if (o.status() == OrderStatus.OPEN && !o.released()) {
            release(o, Actor.current(), TimelineReason.typed(why));
        }
    }

    private void release(Orders.Locked o, String actor, TimelineReason why) {
        // RELEASED (BACKORDERED when nothing physical is reserved and some is backordered), the timeline entry, and
        // whom to tell with the digital lines: one statement, where five were
        Orders.Released released = orders.releaseRecorded(o.id(), o.fulfillmentStatus(), actor, why);
        events.publishEvent(new OrderReleased(o.id(), o.number(), released.addressee().locale(),
                released.addressee().email(), released.digitalLines()));
    }

    private void completeIfDone(Orders.Locked o) {
        if (o.status() == OrderStatus.OPEN && o.fulfillmentStatus() == FulfillmentStatus.DELIVERED
                && o.paymentStatus() == PaymentStatus.PAID) {
            orders.changeStatus(o.id(), OrderStatus.COMPLETED);
            orders.record(o.id(), Actor.current(), "order", OrderStatus.OPEN.name(), OrderStatus.COMPLETED.name(),
                    TimelineReason.of("delivered-and-paid", "delivered and paid"));
        }
    }

    private void changePayment(Orders.Locked o, PaymentStatus next, Money paid, String reason) {
        changePayment(o, next, paid, TimelineReason.typed(reason));
    }

    private void changePayment(Orders.Locked o, PaymentStatus next, Money paid, TimelineReason reason) {
        if (!o.paymentStatus().canBecome(next)) {
            throw IllegalTransition.between(Wording.of("platform.subject.order_payment", o.number()), o.paymentStatus(),
                    next, "paymentStatus");
        }
        orders.changePayment(o.id(), next, paid);
        orders.record(o.id(), Actor.current(), "payment", o.paymentStatus().name(), next.name(), reason);
        if (next == PaymentStatus.PAID) {
            events.publishEvent(new OrderPaid(o.id(), o.number()));
        }
    }

    private void transition(Orders.Locked o, OrderStatus next) {
        if (!o.status().canBecome(next)) {
            throw IllegalTransition.between(Wording.of("platform.subject.order", o.number()), o.status(), next,
                    "orderStatus");
        }
    }

    private Orders.Locked lock(UUID orderId) {
        return orders.lock(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", Wording.of("platform.is_required"));
        }
        if (reason.length() > TextInput.MAX_REASON) {
            throw new InvalidInputException("reason", Wording.of("platform.must_be_at_most_characters",
                    TextInput.MAX_REASON));
        }
        return reason.trim();
    }
}
