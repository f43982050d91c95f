package org.ordo.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.StockAllocation;
import org.ordo.inventory.StockBatch;
import org.ordo.inventory.StockDemand;
import org.ordo.ordering.internal.OrderQueue;
import org.ordo.ordering.internal.OrderSavepoints;
import org.ordo.ordering.internal.Orders;
import org.ordo.party.Customer;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Actor;
import org.ordo.platform.Address;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.FieldError;
import org.ordo.platform.GrownTables;
import org.ordo.platform.Ids;
import org.ordo.platform.IllegalTransition;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders from every channel: placing, cancelling, reading and the queue. */
@Service
public class OrderManagement {

    private static final int CHECK_PAGE = 1000;

    private final Orders orders;
    private final OrderQueue queue;
    private final DraftChecks drafts;
    private final PartyManagement parties;
    private final InventoryManagement inventory;
    private final OrderLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final OrdoProperties.Orders settings;
    private final Clock clock;
    private final ObjectProvider<DeliveryPromise> promises;
    /** The delivery promise, looked up on first use and kept: the bean factory's lookup cost more per order. */
    private volatile Optional<DeliveryPromise> promiseFound;
    private final OrderSavepoints savepoints;
    private final GrownTables grownTables;

    OrderManagement(Orders orders, OrderQueue queue, DraftChecks drafts, PartyManagement parties, InventoryManagement inventory,
            OrderLifecycle lifecycle, ApplicationEventPublisher events, OrdoProperties properties, Clock clock,
            ObjectProvider<DeliveryPromise> promises, OrderSavepoints savepoints, GrownTables grownTables) {
        this.savepoints = savepoints;
        this.grownTables = grownTables;
        this.clock = clock;
        this.promises = promises;
        this.orders = orders;
        this.queue = queue;
        this.drafts = drafts;
        this.parties = parties;
        this.inventory = inventory;
        this.lifecycle = lifecycle;
        this.events = events;
        this.settings = properties.orders();
    }

    /**
     * Places an order in the caller's transaction (or a new one): checks every field (422 naming each fault),
     * prices it from the catalog, reserves its physical lines (409 naming short lines, unless backorderable),
     * writes the first timeline entry and publishes {@link OrderPlaced}. A second order with the same channel
     * and external reference is refused with 409.
     */
    @Transactional
    public OrderView place(PlaceOrder command, PlaceOrder.Source source) {
        return place(command, source, Map.of());
    }

    /**
     * Places an order exactly as {@link #place} does, but at agreed unit prices per SKU (an accepted quote)
     * instead of the catalog's; tax rates and whether prices include tax still come from the catalog.
     */
    @Transactional
    public OrderView placeAtAgreedPrices(PlaceOrder command, PlaceOrder.Source source, Map<String, Money> unitPrices) {
        return place(command, source, Map.copyOf(unitPrices));
    }

    /** What became of one order of a batch: the order as placed, or why it was refused (422, 409 or 404). */
    public record Placement(OrderView order, RuntimeException refusal) {
    }

    /**
     * Places a batch of orders that share the caller's transaction (or a new one), each exactly as {@link #place}
     * does and in a savepoint of its own: an order refused (422, 409 or 404) rolls back its own work only and is
     * answered with its refusal, and the others proceed; any other failure ends the batch. What the orders share is
     * read once for the batch: the articles all lines name (in one locking read, so every order of the batch is
     * priced as the catalog stood then) and each customer. A placed order is answered as placed, before the
     * payment gate released or held it: its lines, prices and reservations are final, while its statuses may have
     * moved on (read it again for those). A single order is a batch of one ({@link #place}). Used by EDI, whose
     * interchanges place hundreds of orders per transaction (docs/benchmarks.md, P4).
     */
    @Transactional
    public List<Placement> placeAll(List<PlaceOrder> commands, PlaceOrder.Source source) {
        if (commands.size() > 1) {
            // a batch may be a new installation's first hundreds of orders: plans made while the tables were small
            // are made again for their size before it writes (GrownTables)
            grownTables.analyze();
        }
        PlacementReads reads = drafts.reads();
        // the articles of the whole batch in one read, before the first savepoint, so no rollback drops their lock
        List<String> skus = commands.stream().filter(c -> c.lines() != null).flatMap(c -> c.lines().stream())
                .filter(l -> l != null && l.sku() != null).map(PlaceOrder.Line::sku).distinct().toList();
        reads.articles(skus);
        StockBatch stock = null;
        if (commands.size() > 1) {
            // and the orders' numbers with the orders their references name, in one statement
            reads.numberedAhead(commands, orders.nextNumbers(commands.stream().map(PlaceOrder::channel).toList(),
                    commands.stream().map(PlaceOrder::externalRef).toList()));
            // and the stock levels of those articles, locked once for the batch (also before the first savepoint)
            stock = inventory.lockForBatch(skus);
            reads.stock(stock);
        }
        // the rows of the batch's orders, written together once all are placed (docs/benchmarks.md, P4)
        Gathering gathering = stock == null ? null : new Gathering();
        // each order in a savepoint of its own, set in the round trip that releases the last order's
        OrderSavepoints.Chain savepoints = this.savepoints.chain();
        List<Placement> placements = new ArrayList<>();
        for (PlaceOrder command : commands) {
            savepoints.next();
            StockBatch.Mark mark = stock == null ? null : stock.mark();
            Gathering.Mark gathered = gathering == null ? null : gathering.mark(placements.size());
            try {
                OrderView order = place(command, source, Map.of(), reads, false, gathering);
                placements.add(new Placement(order, null));
            } catch (InvalidInputException | ConflictException | NotFoundException refused) {
                savepoints.rollback();
                if (stock != null) {
                    stock.rollbackTo(mark);
                    gathering.rollbackTo(gathered);
                }
                placements.add(new Placement(null, refused));
            }
        }
        savepoints.end();
        if (stock != null) {
            write(gathering, placements, stock);
            // what the batch's orders reserved, added to the stock levels once per level, with their ledger rows and
            // reservations
            inventory.settle(stock);
        }
        return placements;
    }

    /**
     * The orders of a batch placed so far whose rows wait to be written in one statement at the batch's end
     * ({@link Orders#insertAll}), with what each publishes once written; and the external references the batch's
     * orders claimed, so that a second order of the batch with the same one is refused as its insert would refuse it.
     */
    private static final class Gathering {

        private record Gathered(int index, Orders.NewRows rows, Runnable written) {
        }

        /** Where the batch stands before an order: what to go back to when it is refused. */
        private record Mark(int index, int gathered, int claimed) {
        }

        private final List<Gathered> orders = new ArrayList<>();
        private final Map<List<String>, UUID> references = new HashMap<>();
        private final List<List<String>> claimed = new ArrayList<>();
        private int index;

        Mark mark(int placement) {
            index = placement;
            return new Mark(placement, orders.size(), claimed.size());
        }

        void rollbackTo(Mark mark) {
            orders.subList(mark.gathered(), orders.size()).clear();
            while (claimed.size() > mark.claimed()) {
                references.remove(claimed.remove(claimed.size() - 1));
            }
        }

        /** The order of the batch that claimed this reference before; null when none did (it is claimed now). */
        UUID claim(String channel, String externalRef, UUID id) {
            if (externalRef == null) {
                return null;
            }
            List<String> key = List.of(channel, externalRef);
            UUID earlier = references.putIfAbsent(key, id);
            if (earlier == null) {
                claimed.add(key);
            }
            return earlier;
        }

        void add(Orders.NewRows rows, Runnable written) {
            orders.add(new Gathered(index, rows, written));
        }
    }

    /**
     * Writes the gathered orders' rows in one statement, then publishes what each placed order publishes, in the
     * batch's order. An order not written (its reference written meanwhile by another transaction) is refused as its
     * own insert would have refused it, and what it reserved is taken back; it published nothing.
     */
    private void write(Gathering gathering, List<Placement> placements, StockBatch stock) {
        if (gathering.orders.isEmpty()) {
            return;
        }
        java.util.Set<UUID> written = orders.insertAll(gathering.orders.stream().map(Gathering.Gathered::rows)
                .toList());
        for (Gathering.Gathered o : gathering.orders) {
            Orders.NewOrder order = o.rows().order();
            if (written.contains(order.id())) {
                o.written().run();
            } else {
                inventory.forget(stock, order.id());
                placements.set(o.index(), new Placement(null, duplicateOf(
                        orders.findByExternalRef(order.channel(), order.externalRef()).orElse(null))));
            }
        }
        gathering.orders.clear();
    }

    private OrderView place(PlaceOrder command, PlaceOrder.Source source, Map<String, Money> agreed) {
        return place(command, source, agreed, drafts.reads(), true, null);
    }

    /**
     * The one way an order is placed, alone or as one of a batch ({@code reads} shared by the batch).
     * {@code answerAfterGate}: read the order again when the payment gate changed it, so the answer shows its
     * statuses now (a single order's answer); a batch answers the order as placed. {@code gathering} (null: none):
     * the rows of an order the gate releases or leaves waiting for its payment are gathered there, to be written
     * with the batch's others, and what it publishes waits until they are; a held or marketplace order is written
     * at once as alone.
     */
    private OrderView place(PlaceOrder command, PlaceOrder.Source source, Map<String, Money> agreed,
            PlacementReads reads, boolean answerAfterGate, Gathering gathering) {
        Checked checked = check(command, reads);
        Customer customer = command.customerId() != null
                ? reads.customer(command.customerId())
                        .orElseThrow(() -> new NotFoundException("Customer", command.customerId()))
                : parties.customerFor(null, command.customer());
        String locale = customer.locale();

        List<Orders.NewLine> lines = new ArrayList<>();
        List<StockDemand.Line> demand = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            PlaceOrder.Line line = command.lines().get(i);
            Article article = checked.articles.get(line.sku());
            int lineNo = i + 1;
            Money unitPrice = agreed.getOrDefault(article.sku(), article.price());
            lines.add(new Orders.NewLine(lineNo, article.sku(), article.nameIn(locale), article.type().name(),
                    line.quantity(), unitPrice, article.taxRate(), article.priceIncludesTax(),
                    Pricing.line(unitPrice, article.taxRate(), article.priceIncludesTax(), line.quantity()),
                    0, 0));
            if (article.isPhysical()) {
                demand.add(new StockDemand.Line(lineNo, article.sku(), line.quantity(), article.backorderable()));
            }
        }
        Pricing.Amounts total = Pricing.total(lines.stream().map(Orders.NewLine::amounts).toList(),
                command.currency());

        UUID id = Ids.next();
        Orders.Numbered numbered = reads.numbered(orders, command);
        if (numbered.existing() != null) {
            duplicate(numbered.existing());
        }
        String number = numbered.number();
        StockAllocation allocation = inventory.reserve(new StockDemand(id, number, demand, command.channel(),
                command.currency()), reads.stock());
        List<Orders.NewLine> allocated = lines.stream().map(l -> withAllocation(l, allocation)).toList();
        boolean backordered = allocated.stream().anyMatch(l -> l.backordered() > 0);

        Address billing = command.billingAddress() != null ? command.billingAddress() : command.shippingAddress();
        String actor = source.actor();
        // A date the caller agreed stands; else the promise module computes one and books its capacity here
        DeliveryPromise.Promised promised = command.promisedAt() != null ? null
                : promise(id, number, command.shippingAddress(), lines, allocation);
        Instant promisedAt = command.promisedAt() != null ? command.promisedAt()
                : promised != null ? promised.mustShipAt() : clock.instant().plus(settings.promiseWithin());
        FulfillmentStatus fulfillment = backordered ? FulfillmentStatus.BACKORDERED : FulfillmentStatus.UNFULFILLED;
        List<Orders.NewEntry> timeline = new ArrayList<>();
        timeline.add(new Orders.NewEntry(actor, "order", null, OrderStatus.OPEN.name(), command.externalRef() == null
                ? TimelineReason.of("placed", "placed via " + command.channel(), command.channel())
                : TimelineReason.of("placed-with-reference", "placed via " + command.channel() + " ("
                        + command.externalRef() + ")", command.channel(), command.externalRef())));
        if (backordered) {
            timeline.add(new Orders.NewEntry(actor, "fulfillment", FulfillmentStatus.UNFULFILLED.name(),
                    FulfillmentStatus.BACKORDERED.name(), backorderedReason(allocated)));
        }
        // The order as the payment gate sees it once placed, and what the gate decides for it: decided before the
        // insert, so that a release is written with the order (its row written once) instead of read back from the
        // lines the placement knows (docs/benchmarks.md, P4); a hold is written after the insert, as before
        Orders.Locked asPlaced = new Orders.Locked(id, number, OrderStatus.OPEN, PaymentStatus.PENDING, fulfillment,
                command.paymentMethod(), customer.id(), command.currency(), total.gross(),
                Money.zero(command.currency()), false,
                command.shippingAddress() == null ? null : command.shippingAddress().country(),
                billing == null ? null : billing.country());
        OrderLifecycle.Gate gate = lifecycle.atPlacement(asPlaced, command.shippingAddress(), customer);
        Orders.ReleaseAtInsert release = gate instanceof OrderLifecycle.Gate.Release r
                ? lifecycle.releaseAtInsert(asPlaced, r, allocated, actor) : null;
        Orders.NewOrder newOrder = new Orders.NewOrder(id, number, command.channel(), command.externalRef(),
                customer.id(), customer.email(), customer.name(), locale, command.currency(), command.paymentMethod(),
                fulfillment, command.shippingAddress(), billing, total.net(), total.tax(), total.gross(),
                command.note(), promisedAt, source.inboundDocumentId(), actor,
                promised != null ? promised.shipBy() : LocalDate.ofInstant(promisedAt, ZoneOffset.UTC),
                promised != null ? promised.deliverBy() : null);
        if (gathering != null) { // a second order of the batch with a reference is refused as its insert would be
            UUID earlier = gathering.claim(command.channel(), command.externalRef(), id);
            if (earlier != null) {
                duplicate(earlier);
            }
        }
        if (gathering != null && gate != null && !(gate instanceof OrderLifecycle.Gate.Hold)) {
            // Its rows written with the batch's others; published once they are (docs/benchmarks.md, P4)
            Orders.NewRows rows = orders.rows(newOrder, allocated, timeline, release);
            OrderView placed = asPlaced(rows.view(), allocation, promised);
            gathering.add(rows, () -> {
                events.publishEvent(new OrderPlaced(id, number, command.channel(), customer.id(), total.gross(),
                        backordered, placed));
                if (release != null) {
                    lifecycle.releasedAtInsert(asPlaced, customer.email(), locale, allocated);
                } else {
                    lifecycle.apply(asPlaced, gate, actor);
                }
            });
            return placed;
        }
        // The order, its lines and its timeline (with the release, if any) in one statement
        Optional<OrderView> inserted = orders.insert(newOrder, allocated, timeline, release);
        if (inserted.isEmpty()) { // a concurrent request with the same reference won the race
            duplicate(orders.findByExternalRef(command.channel(), command.externalRef()).orElse(null));
        }
        OrderView placed = asPlaced(inserted.get(), allocation, promised);
        events.publishEvent(new OrderPlaced(id, number, command.channel(), customer.id(), total.gross(),
                backordered, placed));
        // This transaction inserted the row and holds its lock, and the listeners of OrderPlaced (the confirmation
        // message) do not change the order: what the row holds is known here, no need to lock and read it again.
        boolean changed;
        if (gate == null) { // paid on a marketplace: the payment is booked, then the gate decides
            changed = lifecycle.afterPlacement(asPlaced, command.shippingAddress(), actor, customer);
        } else if (release != null) {
            lifecycle.releasedAtInsert(asPlaced, customer.email(), locale, allocated);
            changed = true;
        } else {
            changed = lifecycle.apply(asPlaced, gate, actor);
        }
        return changed && answerAfterGate ? require(id) : placed;
    }

    /**
     * The order as placed, built from what its statements wrote or will write (their stamps and the reservations as
     * written) instead of read back: the listeners of OrderPlaced (the confirmation message) get it, and it is the
     * answer too unless the placement rules change the order (docs/benchmarks.md, P4).
     */
    private static OrderView asPlaced(OrderView written, StockAllocation allocation,
            DeliveryPromise.Promised promised) {
        return written.with(written.lines(), allocation.reservations(), written.timeline())
                .withPromises(promised != null ? promised.shipments() : List.of());
    }

    /** The promise module's {@link DeliveryPromise}; null without one. */
    private DeliveryPromise deliveryPromise() {
        Optional<DeliveryPromise> found = promiseFound;
        if (found == null) {
            found = Optional.ofNullable(promises.getIfAvailable());
            promiseFound = found;
        }
        return found.orElse(null);
    }

    private DeliveryPromise.Promised promise(UUID id, String number, Address to, List<Orders.NewLine> lines,
            StockAllocation allocation) {
        DeliveryPromise promise = deliveryPromise();
        if (promise == null || to == null || allocation.lines().isEmpty()) {
            return null;
        }
        List<DeliveryPromise.Line> demand = allocation.lines().stream().map(a -> new DeliveryPromise.Line(a.sku(),
                a.reserved() + a.backordered(), a.parts().stream()
                        .map(p -> new DeliveryPromise.Reserved(p.location(), p.quantity())).toList(),
                a.backordered())).toList();
        return promise.promise(new DeliveryPromise.Demand(id, number, clock.instant(), to.country(), to.postalCode(),
                to.region(), demand)).orElse(null);
    }

    private void duplicate(UUID existing) {
        throw duplicateOf(existing);
    }

    private static ConflictException duplicateOf(UUID existing) {
        return new ConflictException("duplicate-order", "Duplicate order",
                Wording.of("ordering.this_channel_already_sent_an_order"),
                existing == null ? Map.of("field", "externalRef") : Map.of("field", "externalRef", "orderId", existing));
    }

    /**
     * Cancels an order that has not shipped: locks it, releases its reservations, records who and why, and
     * publishes {@link OrderCancelled}. Refuses (409) cancelled, completed and shipped orders.
     */
    @Transactional
    public OrderView cancel(UUID orderId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", Wording.of("ordering.is_required_say_why_the_order_2"));
        }
        if (reason.length() > TextInput.MAX_REASON) {
            throw new InvalidInputException("reason", Wording.of("platform.must_be_at_most_characters",
                    TextInput.MAX_REASON));
        }
        Orders.Locked order = orders.lock(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        if (order.fulfillmentStatus().hasShipped()) {
            throw new IllegalTransition("Already shipped",
                    Wording.of("ordering.order_has_shipped_it_cannot_be", order.number(),
                            Wording.state(order.fulfillmentStatus())),
                    Map.of("orderStatus", order.status(), "fulfillmentStatus", order.fulfillmentStatus()));
        }
        if (!order.status().canBecome(OrderStatus.CANCELLED)) {
            throw new IllegalTransition("Illegal transition",
                    Wording.of("ordering.order_is_and_cannot_be_cancelled", order.number(),
                            Wording.state(order.status())),
                    Map.of("orderStatus", order.status()));
        }
        if (inventory.hasIssued(orderId)) {
            throw new IllegalTransition("Picking has started",
                    Wording.of("ordering.goods_of_order_have_been_picked_2", order.number()),
                    Map.of("fulfillmentStatus", order.fulfillmentStatus()));
        }
        String actor = Actor.current();
        inventory.release(orderId, order.number(), "order cancelled: " + reason.trim());
        orders.cancel(orderId);
        orders.record(orderId, actor, "order", order.status().name(), OrderStatus.CANCELLED.name(), reason.trim());
        if (order.fulfillmentStatus() != FulfillmentStatus.UNFULFILLED) {
            orders.record(orderId, actor, "fulfillment", order.fulfillmentStatus().name(),
                    FulfillmentStatus.UNFULFILLED.name(),
                    TimelineReason.of("reservations-released", "reservations released"));
        }
        events.publishEvent(new OrderCancelled(orderId, order.number(), reason.trim(), actor,
                order.paymentStatus()));
        return require(orderId);
    }

    /**
     * The order with its lines, reservations and timeline: two statements, the order with its lines and timeline
     * in one snapshot, then inventory's reservations. Opens no transaction of its own (a read-only one would cost
     * a COMMIT round trip and, at read committed, would not make the two statements see one snapshot anyway); in
     * the caller's transaction it reads what that transaction wrote.
     */
    public OrderView require(UUID id) {
        OrderView o = orders.find(id).orElseThrow(() -> new NotFoundException("Order", id));
        DeliveryPromise promise = deliveryPromise();
        return o.with(o.lines(), inventory.reservationsOf(id), o.timeline())
                .withPromises(promise != null ? promise.promisedShipments(id) : List.of());
    }

    /** The id of an order named by its id or its number (SO-100001). */
    public UUID idOf(String idOrNumber) {
        try {
            return UUID.fromString(idOrNumber);
        } catch (IllegalArgumentException notAnId) {
            return orders.idOfNumber(idOrNumber).orElseThrow(() -> new NotFoundException("Order", idOrNumber));
        }
    }

    /** One page of the queue. */
    @Transactional(readOnly = true)
    public Slice<OrderSummary> queue(OrderQuery query) {
        Cursor after = query.after() == null ? null : Cursor.decode(query.after(), "after");
        return Slice.of(queue.page(query, after, query.limit() + 1), query.limit(), last -> new Cursor(
                query.sort() == OrderQuery.Sort.NEWEST ? last.createdAt() : last.promisedAt(), last.id()).encode());
    }

    /** How many orders each view of the queue holds (cursor, sort and limit ignored), all in one statement. */
    @Transactional(readOnly = true)
    public List<Long> count(List<OrderQuery> views) {
        return queue.counts(views);
    }

    /**
     * One page of the queue, only orders with goods reserved at this warehouse (a location code; 404 when
     * unknown). The queue is read in keyset batches and each batch is checked against inventory's reservations,
     * at most {@value #WAREHOUSE_SCAN} orders per call: so a page may hold fewer orders than the limit (even
     * none) and still have a {@code next} cursor, which continues where this call stopped.
     */
    @Transactional(readOnly = true)
    public Slice<OrderSummary> queueAt(OrderQuery query, String location) {
        inventory.location(location);
        Cursor cursor = query.after() == null ? null : Cursor.decode(query.after(), "after");
        List<OrderSummary> kept = new ArrayList<>();
        for (int scanned = 0; scanned < WAREHOUSE_SCAN; scanned += WAREHOUSE_BATCH) {
            List<OrderSummary> batch = queue.page(query, cursor, WAREHOUSE_BATCH);
            java.util.Set<UUID> reserved = new java.util.HashSet<>();
            inventory.activeReservationsAt(location, batch.stream().map(OrderSummary::id).toList())
                    .forEach(r -> reserved.add(r.orderId()));
            for (OrderSummary o : batch) {
                if (reserved.contains(o.id())) {
                    kept.add(o);
                    if (kept.size() == query.limit()) {
                        return new Slice<>(kept, queueCursor(query, o).encode());
                    }
                }
            }
            if (batch.size() < WAREHOUSE_BATCH) {
                return new Slice<>(kept, null);
            }
            cursor = queueCursor(query, batch.get(batch.size() - 1));
        }
        return new Slice<>(kept, cursor.encode());
    }

    private static final int WAREHOUSE_BATCH = 250;
    private static final int WAREHOUSE_SCAN = 2500;

    private static Cursor queueCursor(OrderQuery query, OrderSummary o) {
        return new Cursor(query.sort() == OrderQuery.Sort.NEWEST ? o.createdAt() : o.promisedAt(), o.id());
    }

    /**
     * Orders the warehouse may pick (invariant 3: open, not held, released by the payment gate), earliest
     * promise first; only those promised before {@code promisedBefore} when given (a wave up to a cutoff).
     */
    @Transactional(readOnly = true)
    public List<UUID> releasedForPicking(Instant promisedBefore, int limit) {
        return orders.releasedForPicking(promisedBefore, limit);
    }

    /**
     * True while the warehouse may pick this order: open, not held, released. Locks the order row for the
     * caller's transaction, so that a hold or cancellation cannot slip in between this check and the pick.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean lockIfPickable(UUID orderId) {
        return orders.lock(orderId).map(o -> o.status() == OrderStatus.OPEN && o.released()).orElse(false);
    }

    /** What the next {@code limit} orders after {@code after} (by id) say about their payment; for the checker. */
    public List<OrderPaymentState> paymentStates(UUID after, int limit) {
        return orders.paymentStates(after, limit);
    }

    /** Units of these SKUs that live (open or held) orders wait for: backordered, per SKU; reads, locks nothing. */
    @Transactional(readOnly = true)
    public Map<String, Long> backordered(java.util.Collection<String> skus) {
        return orders.backordered(skus);
    }

    /** Orders whose totals are not the sums of their current lines; empty when all is well. Reads, locks nothing. */
    public List<String> totalsOffLines() {
        return orders.totalsOffLines();
    }

    /** Orders with no timeline entry; empty when invariant 5 holds. */
    public List<String> ordersWithoutTimeline() {
        return orders.withoutTimeline();
    }

    /**
     * Lines of open or held orders that have not shipped where invariant 2 does not hold: a physical line that is
     * not reserved and backordered in full, or any line whose active reservations hold another quantity than the
     * line says is reserved. Empty when all is well. Reads in pages of orders; locks nothing.
     */
    @Transactional(readOnly = true)
    public List<String> openLinesNotCovered() {
        List<String> problems = new ArrayList<>();
        UUID after = new UUID(0, 0);
        for (List<Orders.Unshipped> page = orders.unshipped(after, CHECK_PAGE); !page.isEmpty();
                page = orders.unshipped(after, CHECK_PAGE)) {
            after = page.get(page.size() - 1).id();
            Map<UUID, String> numbers = new HashMap<>();
            page.forEach(o -> numbers.put(o.id(), o.number()));
            List<UUID> ids = page.stream().map(Orders.Unshipped::id).toList();
            Map<UUID, Map<Integer, Long>> held = new HashMap<>();
            inventory.allocatedByLine(ids).forEach((id, lines) -> held.put(id, new HashMap<>(lines)));
            for (Orders.StockedLine line : orders.linesOf(ids)) {
                String at = numbers.get(line.orderId()) + " line " + line.lineNo() + " (" + line.sku() + "): ";
                if ("PHYSICAL".equals(line.type()) && line.reserved() + line.backordered() != line.quantity()) {
                    problems.add(at + "quantity " + line.quantity() + " but reserved " + line.reserved()
                            + " + backordered " + line.backordered());
                }
                Map<Integer, Long> ofOrder = held.get(line.orderId());
                Long reservations = ofOrder == null ? null : ofOrder.remove(line.lineNo());
                long holding = reservations == null ? 0 : reservations;
                if (holding != line.reserved()) {
                    problems.add(at + "the line says " + line.reserved() + " reserved, its reservations hold "
                            + holding);
                }
            }
            held.forEach((orderId, rest) -> rest.forEach((lineNo, quantity) -> problems.add(numbers.get(orderId)
                    + ": reservations of " + quantity + " for line " + lineNo + ", which the order lacks")));
        }
        return problems;
    }

    // --- checks -----------------------------------------------------------------------------------------------

    private record Checked(Map<String, Article> articles) {
    }

    private Checked check(PlaceOrder c, PlacementReads reads) {
        List<FieldError> errors = new ArrayList<>();
        if (c.channel() == null || Channel.parse(c.channel()) == null) {
            errors.add(new FieldError("channel", Wording.of("platform.must_be_one_of", Channel.codes())));
        }
        if (c.externalRef() != null && (c.externalRef().isBlank() || c.externalRef().length() > 100)) {
            errors.add(new FieldError("externalRef", Wording.of("ordering.must_be_1_100_characters")));
        }
        if (c.paymentMethod() == null || PaymentMethod.parse(c.paymentMethod()) == null) {
            errors.add(new FieldError("paymentMethod", Wording.of("platform.must_be_one_of", PaymentMethod.codes())));
        } else if (PaymentMethod.parse(c.paymentMethod()) == PaymentMethod.MARKETPLACE) {
            marketplacePaymentAllowed(c, errors);
        }
        boolean currencyKnown = c.currency() != null && Money.isKnownCurrency(c.currency());
        if (!currencyKnown) {
            errors.add(new FieldError("currency", c.currency() == null ? Wording.of("platform.is_required")
                    : Wording.of("platform.currency_unknown", c.currency())));
        }
        drafts.customer(errors, c.customerId(), c.customer(), reads::customer);
        if (c.note() != null && c.note().length() > PlaceOrder.NOTE) {
            errors.add(new FieldError("note", Wording.of("platform.must_be_at_most_characters", PlaceOrder.NOTE)));
        }
        Map<String, Article> articles = drafts.lines(errors, "order", c.currency(), currencyKnown,
                c.lines() == null ? null : c.lines().stream()
                        .map(l -> l == null ? null : new DraftChecks.Line(l.sku(), l.quantity())).toList(),
                settings.maxLines(), settings.maxLineQuantity(), c.shippingAddress(), c.billingAddress(),
                reads::articles);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().distinct().toList());
        }
        return new Checked(articles);
    }

    /**
     * An order paid on a marketplace is PAID and released at once, so only a caller that speaks for a marketplace
     * may say so: an API key an administrator bound to a marketplace (and then only on the marketplace channel), a
     * shop platform's signed webhook (only on its own channel), or an administrator. Everyone else could otherwise get goods released without paying.
     */
    private static void marketplacePaymentAllowed(PlaceOrder c, List<FieldError> errors) {
        String marketplace = Actor.marketplace();
        if (marketplace != null) {
            String channel = Actor.marketplaceChannel();
            if (!channel.equals(c.channel())) {
                errors.add(new FieldError("channel", Wording.of("ordering.must_be_this_caller_acts_for", channel,
                        marketplace)));
            }
        } else if (!Actor.isAdmin()) {
            errors.add(new FieldError("paymentMethod", Wording.of("ordering.marketplace_is_only_for_api_keys")));
        }
    }

    /** True when the order was cancelled because its payment never came ({@link OrderFollowUps#expireUnpaid}). */
    public boolean expiredUnpaid(UUID orderId) {
        return orders.expiredUnpaid(orderId);
    }

    /**
     * Opens again an order that was cancelled because its payment never came, when its money arrived after all:
     * reserves its physical lines again through the placement's reservation (no oversell; a line short of stock
     * refuses the whole reopening with 409 and nothing changes, as nothing may be backordered that was promised
     * from stock), records who and why. Refuses (409) any other order. The payment gate then decides as for any
     * order; the caller books the money.
     */
    @Transactional
    public OrderView reopenExpired(UUID orderId, String reason) {
        return reopen(orderId, TimelineReason.of("reopened", "reopened: " + reason, reason));
    }

    /** The same with a reason Ordo wrote ({@link TimelineReason#of}), under "reopened:" in the reader's language. */
    @Transactional
    public OrderView reopenExpired(UUID orderId, TimelineReason why) {
        return reopen(orderId, why.under("reopened", "reopened: "));
    }

    private OrderView reopen(UUID orderId, TimelineReason reason) {
        Orders.Locked order = orders.lock(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        if (order.status() != OrderStatus.CANCELLED || !orders.expiredUnpaid(orderId)) {
            throw new IllegalTransition("Not an expired order",
                    Wording.of("ordering.order_is_and_was_not_cancelled", order.number(),
                            Wording.state(order.status())),
                            Map.of("orderStatus", order.status()));
        }
        List<StockDemand.Line> demand = orders.linesOf(List.of(orderId)).stream()
                .filter(l -> "PHYSICAL".equals(l.type()))
                .map(l -> new StockDemand.Line(l.lineNo(), l.sku(), l.quantity(), false)).toList();
        StockAllocation allocation = inventory.reserve(new StockDemand(orderId, order.number(), demand));
        allocation.lines().forEach(a -> orders.allocate(orderId, a.lineNo(), a.reserved(), a.backordered()));
        orders.reopenExpired(orderId, FulfillmentStatus.UNFULFILLED);
        orders.record(orderId, Actor.current(), "order", OrderStatus.CANCELLED.name(), OrderStatus.OPEN.name(),
                reason);
        return require(orderId);
    }

    private static Orders.NewLine withAllocation(Orders.NewLine line, StockAllocation allocation) {
        return allocation.lines().stream().filter(a -> a.lineNo() == line.lineNo()).findFirst()
                .map(a -> new Orders.NewLine(line.lineNo(), line.sku(), line.name(), line.type(), line.quantity(),
                        line.unitPrice(), line.taxRate(), line.priceIncludesTax(), line.amounts(), a.reserved(),
                        a.backordered()))
                .orElse(line);
    }

    /** "backordered: [2 x SKU]", with the lines as the argument the back office puts in the reader's sentence. */
    private static TimelineReason backorderedReason(List<Orders.NewLine> allocated) {
        String lines = allocated.stream().filter(l -> l.backordered() > 0)
                .map(l -> l.backordered() + " x " + l.sku()).toList().toString();
        return TimelineReason.of("backordered", "backordered: " + lines, lines);
    }
}
