package org.ordo.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ordo.inventory.InventoryManagement.LevelKey;
import org.ordo.inventory.internal.StockLedger;
import org.ordo.inventory.internal.StockLedger.LockedLevel;

/**
 * The stock of a batch of orders placed in one transaction (an EDI interchange's transaction of messages): the
 * levels of the batch's SKUs are locked once, each order is planned against them as they stand after the orders
 * before it, and what the orders reserve is added to the levels once per level when the batch ends
 * ({@link InventoryManagement#settle}), not once per order. Each order still writes its own ledger rows and
 * reservations as it is placed. Made by {@link InventoryManagement#lockForBatch}, kept for one transaction by the
 * caller that opened the batch, never shared.
 *
 * <p>An order of the batch placed in a savepoint that is rolled back takes its reservations back here too
 * ({@link #mark}, {@link #rollbackTo}): the orders after it see the stock as if it had never been asked for, as
 * when each order is placed alone. Levels locked inside such a savepoint lost their lock with it and are locked
 * again when next needed.
 */
public final class StockBatch {

    private final Map<String, List<LockedLevel>> locked = new LinkedHashMap<>();
    private final List<String> lockedInOrder = new ArrayList<>();
    private final List<StockLedger.LevelChange> added = new ArrayList<>();
    private final Map<LevelKey, Long> reserved = new HashMap<>();

    StockBatch() {
    }

    /** Where the batch stands: what it locked and reserved so far, to go back to when an order is refused. */
    public record Mark(int locked, int added) {
    }

    public Mark mark() {
        return new Mark(lockedInOrder.size(), added.size());
    }

    /** Forgets what was locked and reserved since {@code mark} (its savepoint was rolled back). */
    public void rollbackTo(Mark mark) {
        while (added.size() > mark.added()) {
            StockLedger.LevelChange c = added.remove(added.size() - 1);
            reserved.merge(new LevelKey(c.sku(), c.locationId()), -c.quantity(), Long::sum);
        }
        while (lockedInOrder.size() > mark.locked()) {
            locked.remove(lockedInOrder.remove(lockedInOrder.size() - 1));
        }
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
    void reserved(List<StockLedger.LevelChange> changes) {
        for (StockLedger.LevelChange c : changes) {
            added.add(c);
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
