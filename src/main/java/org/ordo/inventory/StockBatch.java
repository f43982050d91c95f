package org.ordo.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ordo.inventory.InventoryManagement.LevelKey;
import org.ordo.inventory.internal.GatheredRows;
import org.ordo.inventory.internal.StockLedger;
import org.ordo.inventory.internal.StockLedger.LockedLevel;

/**
 * The stock of a batch of orders placed in one transaction (an EDI interchange's transaction of messages): the
 * levels of the batch's SKUs are locked once, each order is planned against them as they stand after the orders
 * before it, and what the orders reserve is added to the levels once per level when the batch ends
 * ({@link InventoryManagement#settle}), not once per order. The orders' ledger rows and reservations are gathered
 * too ({@link GatheredRows.Batch}) and written with the levels in the same statement (docs/benchmarks.md, P4), or
 * earlier, when a statement of the transaction on the ledger or the reservations comes first (the ledger writes
 * them before it, {@link GatheredRows}). Made by {@link InventoryManagement#lockForBatch}, kept for one transaction
 * by the caller that opened the batch, never shared.
 *
 * <p>An order of the batch placed in a savepoint that is rolled back takes its reservations back here too
 * ({@link #mark}, {@link #rollbackTo}): the orders after it see the stock as if it had never been asked for, as
 * when each order is placed alone. Levels locked inside such a savepoint lost their lock with it and are locked
 * again when next needed; gathered rows written inside it were undone with it and are written again later.
 */
public final class StockBatch {

    private final Map<String, List<LockedLevel>> locked = new LinkedHashMap<>();
    private final List<String> lockedInOrder = new ArrayList<>();
    private final List<StockLedger.LevelChange> added = new ArrayList<>();
    /** The order each of {@link #added} is for. */
    private final List<java.util.UUID> addedFor = new ArrayList<>();
    private final Map<LevelKey, Long> reserved = new HashMap<>();
    /** The ledger rows and reservations the batch's orders gathered. */
    private final GatheredRows.Batch rows;

    StockBatch(GatheredRows.Batch rows) {
        this.rows = rows;
    }

    /** Where the batch stands: what it locked, reserved and gathered so far, to go back to when an order is refused. */
    public record Mark(int locked, int added, GatheredRows.Mark rows) {
    }

    public Mark mark() {
        return new Mark(lockedInOrder.size(), added.size(), rows.mark());
    }

    /** Forgets what was locked and reserved since {@code mark} (its savepoint was rolled back). */
    public void rollbackTo(Mark mark) {
        while (added.size() > mark.added()) {
            takeBack(added.size() - 1);
        }
        while (lockedInOrder.size() > mark.locked()) {
            locked.remove(lockedInOrder.remove(lockedInOrder.size() - 1));
        }
        rows.rollbackTo(mark.rows());
    }

    /** The ledger rows and reservations the batch's orders gathered. */
    GatheredRows.Batch rows() {
        return rows;
    }

    /**
     * Takes back what one order of the batch reserved, its rows not written yet (its order was not written after
     * all); false, and nothing taken back, when some of its rows were written already.
     */
    boolean forget(java.util.UUID orderId) {
        if (!rows.forget(orderId)) {
            return false;
        }
        for (int i = added.size() - 1; i >= 0; i--) {
            if (orderId.equals(addedFor.get(i))) {
                takeBack(i);
            }
        }
        return true;
    }

    /** Takes the {@code i}th units an order of the batch reserved ({@link #reserved}) back off their level. */
    private void takeBack(int i) {
        StockLedger.LevelChange c = added.remove(i);
        addedFor.remove(i);
        reserved.merge(new LevelKey(c.sku(), c.locationId()), -c.quantity(), Long::sum);
    }

    /** The SKUs of {@code skus} not locked by this batch yet. */
    List<String> unlocked(Collection<String> skus) {
        return skus.stream().filter(sku -> !locked.containsKey(sku)).distinct().sorted().toList();
    }

    /** Levels just locked (in lock order) for the batch; SKUs without a level are remembered as locked too. */
    void locked(Collection<String> skus, List<LockedLevel> levels) {
        Map<String, List<LockedLevel>> bySku = new HashMap<>();
        levels.forEach(l -> bySku.computeIfAbsent(l.sku(), k -> new ArrayList<>()).add(l));
        for (String sku : skus) {
            locked.put(sku, List.copyOf(bySku.getOrDefault(sku, List.of())));
            lockedInOrder.add(sku);
        }
    }

    /** The levels of these (locked) SKUs as the batch's orders so far left them. */
    List<LockedLevel> levels(Collection<String> skus) {
        List<LockedLevel> levels = new ArrayList<>();
        for (String sku : skus.stream().distinct().sorted().toList()) {
            for (LockedLevel l : locked.getOrDefault(sku, List.of())) {
                levels.add(plus(l, reserved.getOrDefault(new LevelKey(l.sku(), l.locationId()), 0L)));
            }
        }
        return levels;
    }

    /** An order of the batch reserved these units. */
    void reserved(java.util.UUID orderId, List<StockLedger.LevelChange> changes) {
        for (StockLedger.LevelChange c : changes) {
            added.add(c);
            addedFor.add(orderId);
            reserved.merge(new LevelKey(c.sku(), c.locationId()), c.quantity(), Long::sum);
        }
    }

    /**
     * What the batch's orders reserved, summed per level, in lock order, to be written now; the levels as locked
     * then include it, and the batch goes on from there.
     */
    List<StockLedger.LevelChange> take() {
        Map<LevelKey, Long> perLevel = new TreeMap<>();
        reserved.forEach((key, q) -> {
            if (q != 0) {
                perLevel.put(key, q);
            }
        });
        locked.replaceAll((sku, levels) -> levels.stream()
                .map(l -> plus(l, perLevel.getOrDefault(new LevelKey(l.sku(), l.locationId()), 0L))).toList());
        added.clear();
        addedFor.clear();
        reserved.clear();
        return perLevel.entrySet().stream()
                .map(e -> new StockLedger.LevelChange(e.getKey().sku(), e.getKey().locationId(), e.getValue()))
                .toList();
    }

    /** The level with {@code more} units reserved than when it was locked. */
    private static LockedLevel plus(LockedLevel l, long more) {
        return more == 0 ? l : new LockedLevel(l.sku(), l.locationId(), l.location(), l.priority(), l.onHand(),
                l.reserved() + more, l.quarantined());
    }
}
