package org.ordo.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.internal.AllocationPlan;
import org.ordo.inventory.internal.GatheredRows;
import org.ordo.inventory.internal.Locations;
import org.ordo.inventory.internal.StockLedger;
import org.ordo.inventory.internal.StockLedger.Entry;
import org.ordo.inventory.internal.StockLedger.LockedLevel;
import org.ordo.inventory.internal.StockLedger.NewReservation;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stock per SKU and location: receipts, adjustments, reservations for orders, and the ledger of every change. */
@Service
public class InventoryManagement {

    public static final long MAX_QUANTITY = 1_000_000_000L;
    /** Text limits of receipts, adjustments and releases; the OpenAPI document states them (see the records). */
    static final int REFERENCE = 100;
    static final int REASON = 200;
    static final int NOTE = 500;
    static final String ORDER = "ORDER";
    static final String RETURN = "RETURN";

    private final Locations locations;
    private final StockLedger ledger;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    private final org.springframework.beans.factory.ObjectProvider<IncomingStock> incoming;
    private final org.springframework.beans.factory.ObjectProvider<FulfilmentRouting> routing;
    /** The routing, looked up on first use and kept: looking it up for every order cost more than asking it. */
    private volatile java.util.Optional<FulfilmentRouting> router;
    private final org.springframework.beans.factory.ObjectProvider<ShelfStock> shelves;
    private final Clock clock;
    /** The ledger rows and reservations of the batches open in a transaction ({@link #lockForBatch} ... settle). */
    private final GatheredRows gathered;

    InventoryManagement(Locations locations, StockLedger ledger, Catalog catalog, ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<IncomingStock> incoming,
            org.springframework.beans.factory.ObjectProvider<FulfilmentRouting> routing,
            org.springframework.beans.factory.ObjectProvider<ShelfStock> shelves, GatheredRows gathered,
            Clock clock) {
        this.clock = clock;
        this.gathered = gathered;
        this.incoming = incoming;
        this.routing = routing;
        this.shelves = shelves;
        this.locations = locations;
        this.ledger = ledger;
        this.catalog = catalog;
        this.events = events;
    }

    @Transactional
    public Location registerLocation(LocationDraft draft) {
        draft.check();
        if (locations.find(draft.code()).isPresent()) {
            throw new ConflictException("duplicate-location", "Duplicate location",
                    Wording.of("inventory.a_location_with_code_exists", draft.code()), Map.of("field", "code"));
        }
        return locations.insert(draft);
    }

    /** Changes name, priority, address or active flag; an inactive location takes no new reservations. */
    @Transactional
    public Location changeLocation(String code, LocationDraft draft) {
        LocationDraft withCode = new LocationDraft(code, draft.name(), draft.priority(), draft.address(),
                draft.active());
        withCode.check();
        return locations.update(code, withCode).orElseThrow(() -> new NotFoundException("Location", code));
    }

    /**
     * Makes a location external (a 3PL's or a dropship supplier's) or Ordo's own again: an external one is allocated
     * to as before, but no pick list is made there (docs/outsourced-fulfilment.md). 404 for an unknown location.
     */
    @Transactional
    public Location markExternal(String code, boolean external) {
        if (!locations.markExternal(code, external)) {
            throw new NotFoundException("Location", code);
        }
        return location(code);
    }

    public List<Location> locations() {
        return locations.all();
    }

    public Location location(String code) {
        return locations.find(code).orElseThrow(() -> new NotFoundException("Location", code));
    }

    /** Puts received goods on hand; one RECEIPT movement; publishes {@link StockReceived}. */
    @Transactional
    public Movement receive(Receipt receipt) {
        return receive(receipt, "RECEIPT");
    }

    /**
     * Puts goods received against a document on hand, in the caller's transaction (e.g. a purchase order line:
     * document {@code PURCHASE_ORDER}, reference {@code PO-2026-000001/1}); otherwise as {@link #receive(Receipt)}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement receive(Receipt receipt, String documentType) {
        return receive(receipt, documentType, null);
    }

    /**
     * As {@link #receive(Receipt, String)}, the goods put into the bin a person named ({@code bin}, a bin code of
     * the location; null: where putaway by space puts them). The bins refuse a bin that does not exist (422) or
     * that the goods do not fit (409), and then nothing is booked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement receive(Receipt receipt, String documentType, String bin) {
        List<FieldError> errors = new ArrayList<>();
        requireQuantity(errors, receipt.quantity(), false);
        Target target = target(receipt.sku(), receipt.location(), errors);
        limit(errors, "reference", receipt.reference(), REFERENCE);
        limit(errors, "note", receipt.note(), NOTE);
        failIfAny(errors);
        ledger.addOnHand(target.sku, target.location.id(), receipt.quantity());
        record(List.of(new Entry(target.sku, target.location.id(), MovementKind.RECEIPT, receipt.quantity(), 0,
                receipt.note() == null ? "received" : receipt.note(), documentType, receipt.reference(),
                Actor.current())), bin);
        events.publishEvent(new StockReceived(target.sku, target.location.code(), receipt.quantity()));
        return ledger.lastMovement(target.sku);
    }

    /**
     * Corrects on hand by a signed quantity with a reason; one ADJUSTMENT movement. Refuses (409) to take out
     * stock that is reserved for orders or not there.
     */
    @Transactional
    public Movement adjust(Adjustment adjustment) {
        return adjust(adjustment, "ADJUSTMENT");
    }

    /**
     * Corrects on hand against a document, in the caller's transaction (e.g. a 3PL's stock report: document
     * {@code STOCK_REPORT}, its reference); otherwise as {@link #adjust(Adjustment)}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement adjust(Adjustment adjustment, String documentType) {
        return adjust(adjustment, documentType, null);
    }

    /**
     * As {@link #adjust(Adjustment, String)}, booked in the bin a person named ({@code bin}, e.g. the bin counted;
     * null: the bins' own rules choose). The bins refuse a bin that does not exist (422), goods it cannot take
     * (409) or more than it holds (409), and then nothing is booked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement adjust(Adjustment adjustment, String documentType, String bin) {
        List<FieldError> errors = new ArrayList<>();
        requireQuantity(errors, adjustment.quantity(), true);
        Target target = target(adjustment.sku(), adjustment.location(), errors);
        if (adjustment.reason() == null || adjustment.reason().isBlank()) {
            errors.add(new FieldError("reason", Wording.of("inventory.is_required_e_g_damaged_count")));
        }
        limit(errors, "reason", adjustment.reason(), REASON);
        limit(errors, "reference", adjustment.reference(), REFERENCE);
        failIfAny(errors);
        long delta = adjustment.quantity();
        if (delta > 0) {
            ledger.addOnHand(target.sku, target.location.id(), delta);
        } else if (!ledger.removeOnHand(target.sku, target.location.id(), -delta)) {
            throw new ConflictException("insufficient-stock", "Not enough unreserved stock",
                    Wording.of("inventory.cannot_take_of_out_of_only", -delta, target.sku, target.location.code()),
                    Map.of("sku", target.sku, "location", target.location.code()));
        }
        record(List.of(new Entry(target.sku, target.location.id(), MovementKind.ADJUSTMENT, delta, 0,
                adjustment.reason().trim(), documentType, adjustment.reference(), Actor.current())), bin);
        return ledger.lastMovement(target.sku);
    }

    /**
     * Takes back goods a customer returned (document {@code RETURN}, the RMA number as reference), in the
     * caller's transaction: each one RETURN movement (on hand up; quarantined up too unless resellable), and a
     * WRITE_OFF movement after it for what is written off. Quarantined units are never available: the CHECK
     * {@code reserved + quarantined <= on_hand} keeps every reservation off them. Resellable units publish
     * {@link StockReceived}, so backorders are filled from them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeBack(String rmaNumber, List<ReturnedStock> returned) {
        String actor = Actor.current();
        List<Entry> entries = new ArrayList<>();
        List<ReturnedStock> sorted = returned.stream().sorted(Comparator.comparing(ReturnedStock::sku)
                .thenComparing(ReturnedStock::location)).toList(); // lock levels in one order: no deadlocks
        for (ReturnedStock r : sorted) {
            Location location = location(r.location());
            boolean held = r.disposition() != ReturnedStock.Disposition.RESTOCK;
            ledger.addReturned(r.sku(), location.id(), r.quantity(), held);
            entries.add(new Entry(r.sku(), location.id(), MovementKind.RETURN, r.quantity(), 0, r.reason(),
                    RETURN, rmaNumber, actor, held ? r.quantity() : 0));
            if (r.disposition() == ReturnedStock.Disposition.WRITE_OFF) {
                if (!ledger.leaveQuarantine(r.sku(), location.id(), r.quantity(), true)) {
                    throw new IllegalStateException("Quarantine of " + r.sku() + " shrank under a lock");
                }
                entries.add(new Entry(r.sku(), location.id(), MovementKind.WRITE_OFF, -r.quantity(), 0,
                        "written off: " + r.reason(), RETURN, rmaNumber, actor, -r.quantity()));
            }
        }
        record(entries);
        sorted.stream().filter(r -> r.disposition() == ReturnedStock.Disposition.RESTOCK).forEach(r -> events
                .publishEvent(new StockReceived(r.sku(), r.location(), r.quantity())));
    }

    /**
     * A person moves units out of quarantine with a reason (invariant 10): RELEASE makes them available (and
     * publishes {@link StockReceived}), WRITE_OFF takes them off on hand. One movement; 409 when fewer units are
     * quarantined there.
     */
    @Transactional
    public Movement releaseFromQuarantine(QuarantineRelease release) {
        List<FieldError> errors = new ArrayList<>();
        requireQuantity(errors, release.quantity(), false);
        Target target = target(release.sku(), release.location(), errors);
        boolean writeOff = "WRITE_OFF".equals(release.action());
        if (!writeOff && !"RELEASE".equals(release.action())) {
            errors.add(new FieldError("action", Wording.of("inventory.must_be_release_or_write_off")));
        }
        if (release.reason() == null || release.reason().isBlank()) {
            errors.add(new FieldError("reason", Wording.of("inventory.is_required_say_why_the_units")));
        }
        limit(errors, "reason", release.reason(), REASON);
        limit(errors, "reference", release.reference(), REFERENCE);
        failIfAny(errors);
        if (!ledger.leaveQuarantine(target.sku, target.location.id(), release.quantity(), writeOff)) {
            throw new ConflictException("insufficient-quarantine", "Not that much in quarantine",
                    Wording.of("inventory.fewer_than_units_of_are_quarantined", release.quantity(), target.sku,
                            target.location.code()), Map.of("sku", target.sku, "location", target.location.code()));
        }
        long q = release.quantity();
        record(List.of(new Entry(target.sku, target.location.id(),
                writeOff ? MovementKind.WRITE_OFF : MovementKind.QUARANTINE_RELEASE, writeOff ? -q : 0, 0,
                release.reason().trim(), "QUARANTINE", release.reference(), Actor.current(), -q)));
        if (!writeOff) {
            events.publishEvent(new StockReceived(target.sku, target.location.code(), q));
        }
        return ledger.lastMovement(target.sku);
    }

    /** Quarantined units of a SKU per location code (counted in on hand, never available). */
    public Map<String, Long> quarantined(String sku) {
        catalog.require(sku);
        return ledger.quarantined(sku);
    }

    /**
     * On hand, reserved and available per location, and in total; inactive locations count as not available. On
     * order: what is expected to come in (open purchase order lines), by expected date.
     */
    public StockStatus stock(String sku) {
        catalog.require(sku);
        var levels = ledger.levels(sku);
        List<ExpectedReceipt> onOrder = expected(sku);
        return new StockStatus(sku, levels, levels.stream().mapToLong(StockStatus.LocationStock::onHand).sum(),
                levels.stream().mapToLong(StockStatus.LocationStock::reserved).sum(),
                levels.stream().mapToLong(StockStatus.LocationStock::available).sum(),
                onOrder.stream().mapToLong(ExpectedReceipt::quantity).sum(), onOrder);
    }

    /** What is expected to come in of a SKU, by expected date (earliest first); reads, locks nothing. */
    public List<ExpectedReceipt> expected(String sku) {
        return incoming.orderedStream().flatMap(source -> source.expected(sku).stream())
                .sorted(Comparator.comparing(ExpectedReceipt::expectedOn).thenComparing(ExpectedReceipt::reference))
                .toList();
    }

    /** What is expected to come into a location (a warehouse code), by SKU; reads, locks nothing. */
    public Map<String, List<ExpectedReceipt>> expectedAt(String location) {
        Map<String, List<ExpectedReceipt>> bySku = new TreeMap<>();
        incoming.orderedStream().forEach(source -> source.expectedAt(location)
                .forEach((sku, receipts) -> bySku.computeIfAbsent(sku, k -> new ArrayList<>()).addAll(receipts)));
        return bySku;
    }

    /**
     * Stock levels by SKU then location, keyset-paged: pass the slice's {@code next} as {@code after}. A
     * {@code skuPrefix} finds every SKU starting with it; {@code location} keeps one location.
     */
    public Slice<StockLevel> levels(String skuPrefix, String location, String after, int limit) {
        String afterSku = null;
        String afterLocation = null;
        if (after != null && !after.isBlank()) {
            int bar = after.lastIndexOf('|');
            if (bar < 1) {
                throw new InvalidInputException("after", Wording.of("inventory.is_not_a_cursor_of_this"));
            }
            afterSku = after.substring(0, bar);
            afterLocation = after.substring(bar + 1);
        }
        String prefix = skuPrefix == null ? null : skuPrefix.trim();
        String at = location == null || location.isBlank() ? null : location.trim();
        return Slice.of(ledger.levels(prefix, at, afterSku, afterLocation, limit + 1), limit,
                last -> last.sku() + "|" + last.location());
    }

    /** Every level at a location, in no order, in one read (the space module reads whole warehouses). */
    public List<StockLevel> levelsAt(String location) {
        return ledger.levelsAt(location);
    }

    /**
     * The levels of these SKUs that hold stock on hand or reserved (for the checker: digital articles hold none);
     * available as reserving sees it, without quarantined units.
     */
    public List<StockLevel> levelsHolding(Collection<String> skus) {
        return ledger.holding(skus);
    }

    /** The ledger of a SKU, oldest first, keyset-paged by movement id. */
    public Slice<Movement> movements(String sku, String location, Long afterId, int limit) {
        catalog.require(sku);
        return Slice.of(ledger.movements(sku, location, afterId, limit + 1), limit, last -> String.valueOf(last.id()));
    }

    /**
     * Reserves stock for an order in the caller's transaction. Locks the SKUs' levels in (sku, location) order,
     * then takes everything from the first location that has all of it; failing that, splits each line over
     * locations in that order (the routing rules' rank when a {@link FulfilmentRouting} has one, then priority); what is still missing is backordered where the line allows it, else the
     * whole demand is refused with a 409 naming the short lines, and nothing is reserved.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StockAllocation reserve(StockDemand demand) {
        return reserve(demand, null);
    }

    /**
     * Locks the stock levels of the SKUs of a batch of orders in the caller's transaction, once for the batch and in
     * (sku, location) order, for {@link #reserve(StockDemand, StockBatch)}; SKUs without stock are simply not found.
     * The caller ends the batch with {@link #settle} before its transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StockBatch lockForBatch(Collection<String> skus) {
        StockBatch batch = new StockBatch(gathered.open());
        lockMissing(batch, skus);
        return batch;
    }

    private void lockMissing(StockBatch batch, Collection<String> skus) {
        List<String> missing = batch.unlocked(skus);
        if (!missing.isEmpty()) {
            batch.locked(missing, ledger.lock(missing));
        }
    }

    private java.util.Optional<FulfilmentRouting> router() {
        java.util.Optional<FulfilmentRouting> found = router;
        if (found == null) {
            found = routing.orderedStream().findFirst();
            router = found;
        }
        return found;
    }

    /**
     * Reserves stock for one order of a batch ({@link #lockForBatch}) by the same rule as {@link #reserve(StockDemand)},
     * against the levels as the batch's orders before it left them: the same picks, backorders and refusals as
     * when the orders are placed one after another. The order's ledger rows and reservations, and what it adds to
     * the levels' reserved units, are written for the whole batch by {@link #settle} (the rows earlier, when a
     * statement of the transaction on the ledger or the reservations comes first: the ledger writes them before it);
     * the allocation answered shows the reservations as they will be read.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StockAllocation reserve(StockDemand demand, StockBatch batch) {
        List<StockDemand.Line> lines = demand.lines();
        if (lines.isEmpty()) {
            return new StockAllocation(List.of());
        }
        List<String> skus = lines.stream().map(StockDemand.Line::sku).distinct().toList();
        List<LockedLevel> levels;
        if (batch == null) {
            levels = ledger.lock(skus);
        } else {
            lockMissing(batch, skus);
            levels = batch.levels(skus);
        }
        FulfilmentRouting.Ranks ranks = router().map(r -> r.ranks(demand.channel(), demand.currency(), skus))
                .orElse(null);
        AllocationPlan plan = AllocationPlan.of(lines, levels, ranks == null ? AllocationPlan.BY_PRIORITY
                : Comparator.comparingInt((LockedLevel l) -> ranks.of(l.sku(), l.location()))
                        .thenComparing(AllocationPlan.BY_PRIORITY));
        if (!plan.shortages().isEmpty()) {
            throw new ConflictException("insufficient-stock", "Insufficient stock",
                    Wording.of("inventory.not_enough_stock_for",
                            plan.shortages().stream().map(Shortage::sku).distinct().toList()),
                    Map.of("shortages", plan.shortages()));
        }
        // Apply per (sku, location) in lock order; the conditional UPDATE is the guarantee, the plan only a guide.
        Map<LevelKey, Long> perLevel = new TreeMap<>();
        Map<LevelKey, LockedLevel> byKey = new HashMap<>();
        for (AllocationPlan.Pick pick : plan.picks()) {
            LevelKey key = new LevelKey(pick.level().sku(), pick.level().locationId());
            perLevel.merge(key, pick.quantity(), Long::sum);
            byKey.put(key, pick.level());
        }
        // One statement writes the levels, the ledger and the reservations (one round trip, whatever the lines).
        String actor = Actor.current();
        List<StockLedger.LevelChange> changes = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (var e : perLevel.entrySet()) {
            LockedLevel level = byKey.get(e.getKey());
            changes.add(new StockLedger.LevelChange(level.sku(), level.locationId(), e.getValue()));
            entries.add(new Entry(level.sku(), level.locationId(), MovementKind.RESERVATION, 0, e.getValue(),
                    "reserved for order " + demand.orderNumber(), ORDER, demand.orderId().toString(), actor));
        }
        // stamped here, not by the database, so that an order of a batch shows the stamp its rows get when written
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<NewReservation> reservations = plan.picks().stream().map(p -> new NewReservation(Ids.next(),
                demand.orderId(), p.lineNo(), p.level().sku(), p.level().locationId(), p.quantity(), at)).toList();
        if (batch != null) {
            // written with the batch's levels by settle (or before a statement on the ledger or the reservations)
            batch.reserved(demand.orderId(), changes);
            return plan.allocation(lines).written(batch.rows().gather(entries, plan.picks(), reservations));
        }
        StockLedger.Reserved written = ledger.reserve(changes, entries, reservations);
        if (!written.applied()) {
            throw new IllegalStateException("Stock of " + skus + " changed under a lock");
        }
        // with the reservations as the statement wrote them, so that the order placed is answered without reading
        // them back (docs/benchmarks.md, P4)
        return plan.allocation(lines).written(written.reservations());
    }

    /**
     * Takes back what an order of the batch reserved ({@link #reserve(StockDemand, StockBatch)}), when its order is
     * not written after all (a reference another transaction wrote first, found as the batch's orders are written):
     * its ledger rows and reservations are not written, and its units are not added to the levels. Fails (and so the
     * transaction) when some of its rows were written already, before a statement on the ledger or the
     * reservations in the transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(StockBatch batch, UUID orderId) {
        if (!batch.forget(orderId)) {
            throw new IllegalStateException("The reservations of order " + orderId + " were written already");
        }
    }

    /**
     * Adds what the orders of a batch reserved to the stock levels, one conditional update for all levels (each
     * level once, whatever the number of orders), backed by the CHECK constraints as every reservation is, and
     * writes the orders' ledger rows and reservations not written yet, in the same statement. The
     * levels are locked by the batch, so the update cannot fail; should it, the transaction fails and nothing of
     * the batch stays.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settle(StockBatch batch) {
        List<StockLedger.LevelChange> changes = batch.take();
        // the levels, and the ledger rows and reservations of the batch's orders, in one statement
        if (!ledger.settle(changes, batch.rows())) {
            throw new IllegalStateException("Stock of " + changes.stream().map(StockLedger.LevelChange::sku)
                    .distinct().toList() + " changed under the batch's lock");
        }
    }

    /** Releases every active reservation of an order (cancellation); one RELEASE movement per SKU and location. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID orderId, String orderNumber, String reason) {
        List<NewReservation> closed = ledger.closeActiveReservations(orderId, "RELEASED");
        Map<LevelKey, Long> perLevel = new TreeMap<>();
        Map<LevelKey, NewReservation> byKey = new HashMap<>();
        for (NewReservation r : closed) {
            LevelKey key = new LevelKey(r.sku(), r.locationId());
            perLevel.merge(key, r.quantity(), Long::sum);
            byKey.put(key, r);
        }
        String actor = Actor.current();
        List<Entry> entries = new ArrayList<>();
        for (var e : perLevel.entrySet()) {
            NewReservation r = byKey.get(e.getKey());
            if (!ledger.unreserve(r.sku(), r.locationId(), e.getValue())) {
                throw new IllegalStateException("Reserved stock of " + r.sku() + " is lower than its reservations");
            }
            entries.add(new Entry(r.sku(), r.locationId(), MovementKind.RELEASE, 0, -e.getValue(),
                    reason == null ? "released for order " + orderNumber : reason, ORDER, orderId.toString(), actor));
        }
        record(entries);
        perLevel.forEach((key, quantity) -> events.publishEvent(new StockReleased(key.sku(), quantity)));
    }

    /**
     * A changed order asks again for some of its lines: the active reservations of {@code lines} are released and
     * {@code demand} (the new quantities of those lines, and new lines) is reserved by the same rule as at
     * placement ({@link #reserve}), in the caller's transaction. The levels of every SKU involved, old and new,
     * are locked first in (sku, location) order, so that this never deadlocks with a placement; a short
     * non-backorderable line refuses the whole change (409) and the caller's rollback undoes the release.
     * Publishes {@link StockReleased} only for what the change gives back in the end.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StockAllocation reserveAgain(UUID orderId, String orderNumber, Collection<Integer> lines,
            StockDemand demand, String reason) {
        List<NewReservation> closed = lines.isEmpty() ? List.of()
                : ledger.closeActiveReservations(orderId, lines, "RELEASED");
        java.util.SortedSet<String> skus = new java.util.TreeSet<>(java.util.Comparator.naturalOrder());
        closed.forEach(r -> skus.add(r.sku()));
        demand.lines().forEach(l -> skus.add(l.sku()));
        ledger.lock(new ArrayList<>(skus));
        Map<LevelKey, Long> perLevel = new TreeMap<>();
        Map<LevelKey, NewReservation> byKey = new HashMap<>();
        for (NewReservation r : closed) {
            LevelKey key = new LevelKey(r.sku(), r.locationId());
            perLevel.merge(key, r.quantity(), Long::sum);
            byKey.put(key, r);
        }
        String actor = Actor.current();
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> given = new TreeMap<>();
        for (var e : perLevel.entrySet()) {
            NewReservation r = byKey.get(e.getKey());
            if (!ledger.unreserve(r.sku(), r.locationId(), e.getValue())) {
                throw new IllegalStateException("Reserved stock of " + r.sku() + " is lower than its reservations");
            }
            entries.add(new Entry(r.sku(), r.locationId(), MovementKind.RELEASE, 0, -e.getValue(), reason, ORDER,
                    orderId.toString(), actor));
            given.merge(r.sku(), e.getValue(), Long::sum);
        }
        ledger.record(entries);
        StockAllocation allocation = reserve(demand);
        allocation.lines().forEach(l -> given.merge(l.sku(), -l.reserved(), Long::sum));
        given.forEach((sku, quantity) -> {
            if (quantity > 0) {
                events.publishEvent(new StockReleased(sku, quantity));
            }
        });
        return allocation;
    }

    /** True when goods of this order have left the shelf (picked): it can no longer be cancelled or held. */
    public boolean hasIssued(UUID orderId) {
        return ledger.hasIssued(orderId);
    }

    /** Active reservations at a location for these orders, by order then line, for building pick lists. */
    public List<ReservationView> activeReservationsAt(String location, List<UUID> orderIds) {
        return ledger.activeReservationsAt(location(location).id(), orderIds);
    }

    /**
     * Issues what was picked against a reservation: on hand and reserved go down together (ISSUE). A short
     * quantity was not on the shelf: it is written off (on hand and reserved down, ADJUSTMENT "short pick") and
     * the reservation keeps only what was picked. Locks the reservation and its level; refuses a reservation that
     * is no longer active (cancelled or picked) with 409.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(UUID reservationId, long picked, String documentType, String documentRef) {
        issue(reservationId, picked, documentType, documentRef, null);
    }

    /**
     * As {@link #issue(UUID, long, String, String)}, the goods taken out of the bin the pick list named first
     * ({@code bin}; what it lacks comes from the SKU's other bins along the pick path; null: the bins' own order).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(UUID reservationId, long picked, String documentType, String documentRef, String bin) {
        StockLedger.Held r = ledger.lockReservation(reservationId)
                .orElseThrow(() -> new NotFoundException("Reservation", reservationId));
        if (!r.active()) {
            throw new ConflictException("reservation-closed", "Reservation closed",
                    Wording.of("inventory.the_stock_for_this_line_is"));
        }
        if (picked < 0 || picked > r.quantity()) {
            throw new InvalidInputException("quantity", Wording.of("platform.must_be_between_0_and", r.quantity()));
        }
        long missing = r.quantity() - picked;
        String actor = Actor.current();
        List<Entry> entries = new ArrayList<>();
        if (picked > 0) {
            ledger.takeReserved(r.sku(), r.locationId(), picked);
            entries.add(new Entry(r.sku(), r.locationId(), MovementKind.ISSUE, -picked, -picked, "picked",
                    documentType, documentRef, actor));
        }
        if (missing > 0) {
            ledger.takeReserved(r.sku(), r.locationId(), missing);
            entries.add(new Entry(r.sku(), r.locationId(), MovementKind.ADJUSTMENT, -missing, -missing,
                    "short pick: not on the shelf", documentType, documentRef, actor));
        }
        record(entries, bin);
        ledger.closeReservation(reservationId, picked);
    }

    /**
     * Issues part of a reservation that left in a partial shipment (a partner shipped some of a line): on hand and
     * reserved go down by {@code quantity} (ISSUE), and the rest stays reserved for the line. Locks the reservation
     * and its level; refuses a reservation no longer active (409) and a quantity that is not less than it holds
     * (issue the whole with {@link #issue}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issuePart(UUID reservationId, long quantity, String documentType, String documentRef) {
        StockLedger.Held r = ledger.lockReservation(reservationId)
                .orElseThrow(() -> new NotFoundException("Reservation", reservationId));
        if (!r.active()) {
            throw new ConflictException("reservation-closed", "Reservation closed",
                    Wording.of("inventory.the_stock_for_this_line_is"));
        }
        if (quantity < 1 || quantity >= r.quantity()) {
            throw new InvalidInputException("quantity", Wording.of("platform.must_be_between_1_and",
                    (r.quantity() - 1)));
        }
        ledger.takeReserved(r.sku(), r.locationId(), quantity);
        record(List.of(new Entry(r.sku(), r.locationId(), MovementKind.ISSUE, -quantity, -quantity, "shipped in part",
                documentType, documentRef, Actor.current())));
        ledger.splitReservation(reservationId, quantity);
    }

    public List<ReservationView> reservationsOf(UUID orderId) {
        return ledger.reservationsOf(orderId);
    }

    /** Where levels and ledger disagree (empty when the books are straight); {@code sku} null checks all. */
    @Transactional(readOnly = true)
    public List<String> ledgerDiscrepancies(String sku) {
        List<String> found = new ArrayList<>(ledger.discrepancies(sku).stream().map(StockDiscrepancy::describe)
                .toList());
        found.addAll(ledger.quarantineDiscrepancies(sku));
        return found;
    }

    /**
     * Levels whose quarantine disagrees with its ledger or is reserved (invariant 10); empty when all is well.
     * Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<String> quarantineDiscrepancies() {
        return ledger.quarantineDiscrepancies(null);
    }

    /** Every level that breaks invariant 1, with what the ledger and the reservations say; reads, locks nothing. */
    @Transactional(readOnly = true)
    public List<StockDiscrepancy> stockDiscrepancies() {
        return ledger.discrepancies(null);
    }

    /** What the reservations of these orders hold or have issued (picked): order id, line number, quantity. */
    @Transactional(readOnly = true)
    public Map<UUID, Map<Integer, Long>> allocatedByLine(Collection<UUID> orderIds) {
        return ledger.allocatedByLine(orderIds);
    }

    // --- transfers between locations -------------------------------------------------------------------------

    /** How goods moved between locations are booked in the ledger (document type; the transfer's number as reference). */
    public static final String TRANSFER = "TRANSFER";

    /**
     * Sends goods away from a location for a transfer, in the caller's transaction: one TRANSFER_OUT movement
     * naming the transfer. Only what is neither reserved nor quarantined can leave (a conditional update); 409
     * {@code insufficient-stock} otherwise, naming the SKU and what is available there.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement sendAway(String sku, String locationCode, long quantity, String transferNumber) {
        List<FieldError> errors = new ArrayList<>();
        requireQuantity(errors, quantity, false);
        Target target = target(sku, locationCode, errors);
        failIfAny(errors);
        if (!ledger.removeOnHand(target.sku, target.location.id(), quantity)) {
            throw new ConflictException("insufficient-stock", "Not enough unreserved stock",
                    Wording.of("inventory.cannot_send_of_away_from_only", quantity, target.sku, target.location.code()),
                    Map.of("sku", target.sku, "location", target.location.code()));
        }
        record(List.of(new Entry(target.sku, target.location.id(), MovementKind.TRANSFER_OUT, -quantity, 0,
                "sent to another location", TRANSFER, transferNumber, Actor.current())));
        return ledger.lastMovement(target.sku);
    }

    /**
     * Takes in goods of a transfer at its destination, in the caller's transaction: one TRANSFER_IN movement
     * naming the transfer; publishes {@link StockReceived}, so backorders are filled from them as from any receipt.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Movement takeIn(String sku, String locationCode, long quantity, String transferNumber) {
        List<FieldError> errors = new ArrayList<>();
        requireQuantity(errors, quantity, false);
        Target target = target(sku, locationCode, errors);
        failIfAny(errors);
        ledger.addOnHand(target.sku, target.location.id(), quantity);
        record(List.of(new Entry(target.sku, target.location.id(), MovementKind.TRANSFER_IN, quantity, 0,
                "arrived from another location", TRANSFER, transferNumber, Actor.current())));
        events.publishEvent(new StockReceived(target.sku, target.location.code(), quantity));
        return ledger.lastMovement(target.sku);
    }

    /** Per SKU, what the ledger has sent away by transfer and not taken in yet; reads, locks nothing. */
    @Transactional(readOnly = true)
    public Map<String, Long> inTransitByLedger() {
        return ledger.inTransit();
    }

    /**
     * The demand a location served of a SKU since a moment: units reserved for orders there, less what was released
     * again (cancelled or changed orders), never below 0. For demand-based reorder points; reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public long demandSince(String sku, String locationCode, java.time.Instant since) {
        return Math.max(0, ledger.demand(sku, location(locationCode).id(), since));
    }

    /** {@link #demandSince(String, String, java.time.Instant)} of many SKUs: SKU, then location code, to demand. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Long>> demandSince(Collection<String> skus, java.time.Instant since) {
        return skus.isEmpty() ? Map.of() : ledger.demand(skus, since);
    }

    /**
     * Locks the stock levels of these SKUs at one location until the caller's transaction ends, in the one order
     * every stock change takes them (SKU), and answers them by SKU; a SKU without a level there is left out. For a
     * count that reads several levels and their bin as one moment: levels first, then the bin, as receipts and picks
     * take them (docs/purchasing.md#counting-a-whole-bin).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, StockStatus.LocationStock> lockLevels(String locationCode, Collection<String> skus) {
        Location location = location(locationCode);
        Map<String, StockStatus.LocationStock> locked = new HashMap<>();
        if (skus.isEmpty()) {
            return locked;
        }
        ledger.lockAt(location.id(), skus.stream().sorted().toList()).forEach(l -> locked.put(l.sku(),
                new StockStatus.LocationStock(location.code(), location.name(), l.priority(), l.onHand(),
                        l.reserved(), l.available())));
        return locked;
    }

    /**
     * A stock level's key, ordered as PostgreSQL orders {@code sku COLLATE "C", location_id}: SKUs by code
     * point (they are ASCII), uuids by their bytes, which is their lower-case text. Every transaction locks
     * levels in this one order, so no two can wait on each other.
     */
    record LevelKey(String sku, UUID locationId) implements Comparable<LevelKey> {

        @Override
        public int compareTo(LevelKey other) {
            int bySku = sku.compareTo(other.sku);
            return bySku != 0 ? bySku : locationId.toString().compareTo(other.locationId.toString());
        }
    }

    /** Writes the ledger and tells the bins (the space module) of every change of on hand, in this transaction. */
    private void record(List<Entry> entries) {
        record(entries, null);
    }

    /** As {@link #record(List)}, every change of on hand booked in the bin a person named ({@code bin}, or null). */
    private void record(List<Entry> entries, String bin) {
        ledger.record(entries);
        for (Entry e : entries) {
            if (e.onHandDelta() != 0) {
                shelves.orderedStream().forEach(s -> s.follow(new ShelfStock.OnHandChange(e.sku(), e.locationId(),
                        e.onHandDelta(), e.kind(), e.documentType(), e.documentRef(), bin)));
            }
        }
    }

    // --- input checks ---------------------------------------------------------------------------------------

    private record Target(String sku, Location location) {
    }

    private Target target(String sku, String locationCode, List<FieldError> errors) {
        Location location = null;
        if (locationCode == null || locationCode.isBlank()) {
            errors.add(new FieldError("location", Wording.of("platform.is_required")));
        } else {
            location = locations.find(locationCode).orElse(null);
            if (location == null) {
                errors.add(new FieldError("location", Wording.of("inventory.unknown_location", locationCode)));
            }
        }
        if (sku == null || sku.isBlank()) {
            errors.add(new FieldError("sku", Wording.of("platform.is_required")));
        } else {
            // locked until this change of stock commits, so that the article cannot turn digital meanwhile
            Article article = catalog.findAllForUse(List.of(sku)).get(sku);
            if (article == null) {
                errors.add(new FieldError("sku", Wording.of("platform.unknown_sku", sku)));
            } else if (!article.isPhysical()) {
                errors.add(new FieldError("sku", Wording.of("inventory.is_digital_and_has_no_stock", sku)));
            }
        }
        return new Target(sku, location);
    }

    private static void requireQuantity(List<FieldError> errors, Long quantity, boolean signed) {
        if (quantity == null) {
            errors.add(new FieldError("quantity", Wording.of("platform.is_required")));
        } else if (quantity == 0 || (!signed && quantity < 0)) {
            errors.add(new FieldError("quantity",
                    Wording.of(signed ? "inventory.must_not_be_0" : "inventory.must_be_positive")));
        } else if (Math.abs(quantity) > MAX_QUANTITY) {
            errors.add(new FieldError("quantity", Wording.of("inventory.must_be_at_most_in_one", MAX_QUANTITY)));
        }
    }

    private static void limit(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, Wording.of("platform.must_be_at_most_characters", max)));
        }
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
