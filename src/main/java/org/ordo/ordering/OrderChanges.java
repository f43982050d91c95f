package org.ordo.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.StockAllocation;
import org.ordo.inventory.StockDemand;
import org.ordo.ordering.OrderChange.Difference;
import org.ordo.ordering.OrderChange.What;
import org.ordo.ordering.internal.OrderVersions;
import org.ordo.ordering.internal.Orders;
import org.ordo.platform.Actor;
import org.ordo.platform.Address;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.IllegalTransition;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.PreconditionException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders changed after placement (docs/order-changes.md): lines added, removed, changed or swapped, another
 * shipping address, carrier service or promise. Each change is one transaction that makes the next version of
 * the order, conditional on the version the caller saw.
 */
@Service
public class OrderChanges {

    private final Orders orders;
    private final OrderVersions versions;
    private final Catalog catalog;
    private final InventoryManagement inventory;
    private final OrderLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final OrdoProperties.Orders settings;
    private final boolean reauthorizes;
    private final Clock clock;

    OrderChanges(Orders orders, OrderVersions versions, Catalog catalog, InventoryManagement inventory,
            OrderLifecycle lifecycle, ApplicationEventPublisher events, OrdoProperties properties, Clock clock) {
        this.orders = orders;
        this.versions = versions;
        this.catalog = catalog;
        this.inventory = inventory;
        this.lifecycle = lifecycle;
        this.events = events;
        this.settings = properties.orders();
        // with the provider's API the payment module asks it for a higher authorization after the change
        this.reauthorizes = properties.payment().providerConfigured();
        this.clock = clock;
    }

    /**
     * Changes an order that is at {@code expectedVersion}, in the caller's transaction (or a new one): locks the
     * order; 428 without a version, 412 when the order is at another one; 409 when it is cancelled, completed,
     * shipped or being picked, or (short stock) when a line cannot be reserved and its article is not
     * backorderable; 422 naming every invalid field. Then, all or nothing: the reservations of the changed lines
     * are released and reserved again by the placement rule, kept lines keep their price and swapped or added
     * lines take today's, totals and tax are computed again, the version with its differences and the timeline
     * entry are written, the payment status and the payment gate follow the new total (an amount due takes a
     * released order that is not being picked back from the warehouse), and {@link OrderChanged} is published.
     */
    @Transactional
    public ChangedOrder change(UUID orderId, Integer expectedVersion, ChangeOrder command, UUID inboundDocumentId) {
        check(command);
        if (expectedVersion == null) {
            throw PreconditionException.required(Wording.of("ordering.send_the_order_s_version_as"));
        }
        Orders.Locked o = orders.lock(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        Orders.Versioned current = orders.versionOf(orderId);
        if (current.version() != expectedVersion) {
            throw stale(o.number(), expectedVersion, current.version());
        }
        refuseUnchangeable(o);
        OrderView before = orders.find(orderId).orElseThrow();
        String actor = Actor.current();
        int version = current.version() + 1;
        Plan plan = plan(before, command, current.lastLineNo());

        Pricing.Amounts total = Pricing.total(plan.lines.stream().map(Orders.NewLine::amounts).toList(),
                before.currency());
        if (o.paymentStatus() == PaymentStatus.AUTHORIZED && !reauthorizes
                && total.gross().amount().compareTo(o.gross().amount()) > 0) {
            throw new ConflictException("authorization-too-small", "Payment authorized for less",
                    Wording.of("ordering.the_payment_of_order_is_authorized", o.number(), o.gross(), total.gross()),
                            Map.of("paymentStatus", o.paymentStatus()));
        }
        String why = "order changed (version " + version + "): " + command.reason().trim();
        List<Orders.NewLine> lines = plan.lines;
        if (!plan.restocked.isEmpty() || !plan.demand.isEmpty()) {
            StockAllocation allocation = inventory.reserveAgain(orderId, o.number(), plan.restocked,
                    new StockDemand(orderId, o.number(), plan.demand), why);
            lines = lines.stream().map(l -> allocated(l, allocation)).toList();
        }
        FulfillmentStatus fulfillment = fulfillment(o, lines);
        Address shipping = command.shippingAddress() != null ? command.shippingAddress() : before.shippingAddress();
        String carrierService = command.carrierService() != null ? command.carrierService().trim()
                : before.carrierService();
        Instant promisedAt = command.promisedAt() != null ? command.promisedAt() : before.promisedAt();
        Set<Integer> touched = new TreeSet<>();
        plan.differences.stream().map(Difference::lineNo).filter(Objects::nonNull).forEach(touched::add);
        if (!orders.change(orderId, version, lines, touched, total, shipping, carrierService, promisedAt,
                plan.lastLineNo, fulfillment)) {
            throw stale(o.number(), expectedVersion, orders.versionOf(orderId).version());
        }
        // kept as a key too, so that the order page says it in the reader's language (docs/order-changes.md)
        boolean byCustomer = CustomerChanges.REASON.equals(command.reason().trim());
        orders.record(orderId, actor, "order", o.status().name(), o.status().name(), byCustomer
                ? TimelineReason.of("order-changed-by-customer", why, version)
                : TimelineReason.of("order-changed", why, version, command.reason().trim()));
        if (fulfillment != o.fulfillmentStatus()) {
            orders.record(orderId, actor, "fulfillment", o.fulfillmentStatus().name(), fulfillment.name(),
                    "stock for the changed lines: " + lines.stream().filter(l -> l.backordered() > 0)
                            .map(l -> l.backordered() + " x " + l.sku() + " backordered").toList());
        }
        List<Difference> differences = new ArrayList<>(plan.differences);
        if (command.shippingAddress() != null && !command.shippingAddress().equals(before.shippingAddress())) {
            differences.add(new Difference(What.SHIPPING_ADDRESS, null, oneLine(before.shippingAddress()),
                    oneLine(shipping), null, null));
        }
        if (command.carrierService() != null && !Objects.equals(carrierService, before.carrierService())) {
            differences.add(new Difference(What.CARRIER_SERVICE, null, before.carrierService(), carrierService,
                    null, null));
        }
        if (command.promisedAt() != null && !promisedAt.equals(before.promisedAt())) {
            differences.add(new Difference(What.PROMISE, null, before.promisedAt().toString(),
                    promisedAt.toString(), null, null));
        }
        OrderChange change = OrderChange.of(Ids.next(), orderId, o.number(), version, clock.instant(), actor,
                command.reason().trim(), differences, o.gross(), total.gross(), orders.kept(orderId));
        versions.insert(change, inboundDocumentId);
        if (differences.stream().anyMatch(d -> d.what() == What.SHIPPING_ADDRESS)) {
            lifecycle.afterAddressChange(orderId, actor);
        }
        lifecycle.afterChange(orderId, actor, change);
        OrderView after = orders.find(orderId).orElseThrow();
        after = after.with(after.lines(), inventory.reservationsOf(orderId), after.timeline());
        events.publishEvent(new OrderChanged(orderId, o.number(), change.id(), version, after.channel(),
                change.amountDue(), change.refundDue(), after, change.refundOwed(), change.refundOwedBefore()));
        return new ChangedOrder(change, after);
    }

    /** The versions changes made of an order, oldest first (version 2 onwards; version 1 is the order as placed). */
    @Transactional(readOnly = true)
    public List<OrderChange> of(UUID orderId) {
        orders.find(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        return versions.of(orderId);
    }

    // --- the plan: new lines, what to reserve again, what changed ----------------------------------------------

    private record Plan(List<Orders.NewLine> lines, Set<Integer> restocked, List<StockDemand.Line> demand,
            List<Difference> differences, int lastLineNo) {
    }

    private Plan plan(OrderView before, ChangeOrder command, int lastLineNo) {
        List<ChangeOrder.Line> asked = command.lines() == null ? List.of() : command.lines();
        Map<Integer, OrderView.Line> byNumber = new LinkedHashMap<>();
        before.lines().forEach(l -> byNumber.put(l.lineNo(), l));
        Set<String> skus = new TreeSet<>();
        Map<Integer, ChangeOrder.Line> changed = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            ChangeOrder.Line line = asked.get(i);
            if (line.lineNo() != null) {
                OrderView.Line old = byNumber.get(line.lineNo());
                if (old == null) {
                    errors.add(new FieldError("lines[" + i + "].lineNo", Wording.of("ordering.order_has_no_line",
                            before.number(), line.lineNo())));
                    continue;
                }
                changed.put(line.lineNo(), line);
                skus.add(old.sku());
            }
            if (line.sku() != null) {
                skus.add(line.sku());
            }
        }
        Map<String, Article> articles = skus.isEmpty() ? Map.of() : catalog.findAllForUse(skus);
        for (int i = 0; i < asked.size(); i++) {
            ChangeOrder.Line line = asked.get(i);
            OrderView.Line old = line.lineNo() == null ? null : byNumber.get(line.lineNo());
            if (line.sku() != null && (old == null || !old.sku().equals(line.sku()))) {
                Article article = articles.get(line.sku());
                String at = "lines[" + i + "].sku";
                if (article == null) {
                    errors.add(new FieldError(at, Wording.of("platform.unknown_sku", line.sku())));
                } else if (!article.active()) {
                    errors.add(new FieldError(at, Wording.of("ordering.is_not_for_sale_inactive", line.sku())));
                } else if (!article.price().currency().equals(before.currency())) {
                    errors.add(new FieldError(at, Wording.of("ordering.the_order_is_in_but_is", before.currency(),
                            line.sku(), article.price().currency())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        String locale = before.customer().locale();
        boolean released = before.releasedAt() != null;
        List<Orders.NewLine> lines = new ArrayList<>();
        Set<Integer> restocked = new TreeSet<>();
        List<StockDemand.Line> demand = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        for (OrderView.Line old : before.lines()) {
            ChangeOrder.Line line = changed.get(old.lineNo());
            if (line == null) {
                lines.add(kept(old));
                continue;
            }
            long quantity = line.quantity() != null ? line.quantity() : old.quantity();
            boolean swap = line.sku() != null && !line.sku().equals(old.sku());
            if (quantity == old.quantity() && !swap) {
                lines.add(kept(old));
                continue;
            }
            refuseDigitalAfterRelease(before, old.type(), old.sku(), released);
            if ("PHYSICAL".equals(old.type())) {
                restocked.add(old.lineNo());
            }
            if (quantity == 0) {
                differences.add(new Difference(What.LINE_REMOVED, old.lineNo(), units(old.quantity(), old.sku()),
                        null, old.unitPrice(), false));
                continue;
            }
            Article article = articles.get(swap ? line.sku() : old.sku());
            Orders.NewLine next;
            if (swap) {
                refuseDigitalAfterRelease(before, article.type().name(), article.sku(), released);
                next = priced(old.lineNo(), article, locale, quantity);
                differences.add(new Difference(What.SKU, old.lineNo(), units(old.quantity(), old.sku()),
                        units(quantity, article.sku()), article.price(), true));
            } else {
                next = new Orders.NewLine(old.lineNo(), old.sku(), old.name(), old.type(), quantity, old.unitPrice(),
                        old.taxRate(), old.priceIncludesTax(), Pricing.line(old.unitPrice(), old.taxRate(),
                                old.priceIncludesTax(), quantity), 0, 0);
                differences.add(new Difference(What.QUANTITY, old.lineNo(), units(old.quantity(), old.sku()),
                        units(quantity, old.sku()), old.unitPrice(), false));
            }
            lines.add(next);
            if ("PHYSICAL".equals(next.type())) {
                demand.add(new StockDemand.Line(next.lineNo(), next.sku(), quantity, article.backorderable()));
            }
        }
        int last = lastLineNo;
        for (ChangeOrder.Line line : asked) {
            if (line.lineNo() != null) {
                continue;
            }
            Article article = articles.get(line.sku());
            refuseDigitalAfterRelease(before, article.type().name(), article.sku(), released);
            Orders.NewLine next = priced(++last, article, locale, line.quantity());
            lines.add(next);
            differences.add(new Difference(What.LINE_ADDED, next.lineNo(), null, units(line.quantity(),
                    article.sku()), article.price(), true));
            if (article.isPhysical()) {
                demand.add(new StockDemand.Line(next.lineNo(), next.sku(), line.quantity(), article.backorderable()));
            }
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", Wording.of("ordering.an_order_needs_at_least_one"));
        }
        if (lines.size() > settings.maxLines()) {
            throw new InvalidInputException("lines", Wording.of("ordering.at_most_lines_per_order",
                    settings.maxLines()));
        }
        Address shipping = command.shippingAddress() != null ? command.shippingAddress() : before.shippingAddress();
        if (shipping == null && lines.stream().anyMatch(l -> "PHYSICAL".equals(l.type()))) {
            throw new InvalidInputException("shippingAddress", Wording.of("ordering.is_required_for_physical_goods"));
        }
        return new Plan(lines, restocked, demand, differences, Math.max(last, lastLineNo));
    }

    /** Digital goods are granted when the order is released: after that their lines stay as they are. */
    private static void refuseDigitalAfterRelease(OrderView order, String type, String sku, boolean released) {
        if (released && "DIGITAL".equals(type)) {
            throw new IllegalTransition("Digital goods delivered",
                    Wording.of("ordering.order_is_released_its_download_of", order.number(), sku),
                    Map.of("fulfillmentStatus", order.fulfillmentStatus()));
        }
    }

    private static Orders.NewLine kept(OrderView.Line l) {
        return new Orders.NewLine(l.lineNo(), l.sku(), l.name(), l.type(), l.quantity(), l.unitPrice(), l.taxRate(),
                l.priceIncludesTax(), new Pricing.Amounts(l.net(), l.tax(), l.gross()), l.reserved(), l.backordered());
    }

    /** A new or swapped line at today's catalog price, tax rate and tax rule. */
    private static Orders.NewLine priced(int lineNo, Article article, String locale, long quantity) {
        return new Orders.NewLine(lineNo, article.sku(), article.nameIn(locale), article.type().name(), quantity,
                article.price(), article.taxRate(), article.priceIncludesTax(),
                Pricing.line(article.price(), article.taxRate(), article.priceIncludesTax(), quantity), 0, 0);
    }

    private static Orders.NewLine allocated(Orders.NewLine line, StockAllocation allocation) {
        return allocation.lines().stream().filter(a -> a.lineNo() == line.lineNo()).findFirst()
                .map(a -> new Orders.NewLine(line.lineNo(), line.sku(), line.name(), line.type(), line.quantity(),
                        line.unitPrice(), line.taxRate(), line.priceIncludesTax(), line.amounts(), a.reserved(),
                        a.backordered()))
                .orElse(line);
    }

    /** The fulfilment status the changed lines give, by the same rule as placement and release. */
    private static FulfillmentStatus fulfillment(Orders.Locked o, List<Orders.NewLine> lines) {
        long ordered = 0;
        long reserved = 0;
        long backordered = 0;
        for (Orders.NewLine l : lines) {
            if ("PHYSICAL".equals(l.type())) {
                ordered += l.quantity();
                reserved += l.reserved();
                backordered += l.backordered();
            }
        }
        if (o.released()) {
            return ordered > 0 && reserved == 0 && backordered > 0 ? FulfillmentStatus.BACKORDERED
                    : FulfillmentStatus.RELEASED;
        }
        return backordered > 0 ? FulfillmentStatus.BACKORDERED : FulfillmentStatus.UNFULFILLED;
    }

    private static String units(long quantity, String sku) {
        return quantity + " x " + sku;
    }

    private static String oneLine(Address a) {
        if (a == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {a.name(), a.company(), a.street(), a.street2(),
                (a.postalCode() + " " + a.city()).trim(), a.region(), a.country()}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    // --- refusals -----------------------------------------------------------------------------------------------

    private static PreconditionException stale(String number, int expected, int current) {
        return PreconditionException.failed("order-changed", "Order changed meanwhile",
                Wording.of("ordering.order_is_at_version_not_someone", number, current, expected),
                Map.of("currentVersion", current));
    }

    /** 409 saying why: cancelled or completed, shipped, or goods already picked. */
    private void refuseUnchangeable(Orders.Locked o) {
        if (o.status() == OrderStatus.CANCELLED || o.status() == OrderStatus.COMPLETED) {
            throw new IllegalTransition("Order " + o.status().name().toLowerCase(),
                    Wording.of("ordering.order_is_and_can_no_longer", o.number(), Wording.state(o.status())),
                    Map.of("orderStatus", o.status()));
        }
        if (o.fulfillmentStatus().hasShipped()) {
            throw new IllegalTransition("Already shipped",
                    Wording.of("ordering.order_has_shipped_it_can_no", o.number(),
                            Wording.state(o.fulfillmentStatus())),
                            Map.of("fulfillmentStatus", o.fulfillmentStatus()));
        }
        if (inventory.hasIssued(o.id())) {
            throw new IllegalTransition("Picking has started",
                    Wording.of("ordering.goods_of_order_have_been_picked", o.number()),
                    Map.of("fulfillmentStatus", o.fulfillmentStatus()));
        }
    }

    /** Every fault of the request's own fields at once (422), before anything is read or locked. */
    private void check(ChangeOrder c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.reason() == null || c.reason().isBlank()) {
            errors.add(new FieldError("reason", Wording.of("ordering.is_required_say_why_the_order")));
        } else if (c.reason().length() > TextInput.MAX_REASON) {
            errors.add(new FieldError("reason", Wording.of("platform.must_be_at_most_characters",
                    TextInput.MAX_REASON)));
        }
        boolean anything = c.shippingAddress() != null || c.carrierService() != null || c.promisedAt() != null
                || c.lines() != null && !c.lines().isEmpty();
        if (!anything) {
            errors.add(new FieldError("lines", Wording.of("ordering.name_at_least_one_change_lines")));
        }
        if (c.lines() != null) {
            if (c.lines().size() > settings.maxLines()) {
                errors.add(new FieldError("lines", Wording.of("ordering.at_most_lines_per_change",
                        settings.maxLines())));
            } else {
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < c.lines().size(); i++) {
                    ChangeOrder.Line line = c.lines().get(i);
                    String at = "lines[" + i + "]";
                    if (line == null) {
                        errors.add(new FieldError(at, Wording.of("ordering.must_not_be_null")));
                        continue;
                    }
                    if (line.lineNo() != null) {
                        if (line.lineNo() < 1 || line.lineNo() > ChangeOrder.MAX_LINE_NO) {
                            errors.add(new FieldError(at + ".lineNo", Wording.of("ordering.must_be_1_to",
                                    ChangeOrder.MAX_LINE_NO)));
                        } else if (!seen.add(line.lineNo())) {
                            errors.add(new FieldError(at + ".lineNo", Wording.of("ordering.names_line_twice",
                                    line.lineNo())));
                        }
                        if (line.sku() == null && line.quantity() == null) {
                            errors.add(new FieldError(at, Wording.of("ordering.give_a_new_quantity_or_sku",
                                    line.lineNo())));
                        }
                    } else {
                        if (line.sku() == null) {
                            errors.add(new FieldError(at + ".sku", Wording.of("ordering.is_required_for_a_new_line")));
                        }
                        if (line.quantity() == null) {
                            errors.add(new FieldError(at + ".quantity",
                                    Wording.of("ordering.is_required_for_a_new_line")));
                        }
                    }
                    if (line.sku() != null && (line.sku().isBlank() || line.sku().length() > 64)) {
                        errors.add(new FieldError(at + ".sku", Wording.of("ordering.must_be_1_64_characters")));
                    }
                    long min = line.lineNo() == null ? 1 : 0;
                    if (line.quantity() != null && (line.quantity() < min
                            || line.quantity() > settings.maxLineQuantity())) {
                        errors.add(new FieldError(at + ".quantity", Wording.of("ordering.must_be_between_and", min,
                                settings.maxLineQuantity())));
                    }
                }
            }
        }
        if (c.shippingAddress() != null) {
            errors.addAll(c.shippingAddress().problems("shippingAddress"));
        }
        if (c.carrierService() != null && (c.carrierService().isBlank()
                || c.carrierService().length() > ChangeOrder.CARRIER_SERVICE)) {
            errors.add(new FieldError("carrierService", Wording.of("ordering.must_be_1_characters",
                    ChangeOrder.CARRIER_SERVICE)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
