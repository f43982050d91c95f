package org.ordo.inventory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.inventory.Shortage;
import org.ordo.inventory.StockAllocation;
import org.ordo.inventory.StockDemand;
import org.ordo.inventory.internal.StockLedger.LockedLevel;

/**
 * Which warehouse gives what: given the stock per location of the SKUs of an order (read under their locks) and
 * its lines, the picks to reserve, what to backorder and what to refuse. Pure planning, nothing written: the
 * conditional UPDATE that applies it is the guarantee of invariant 1 in docs/design.md, the plan only a guide.
 *
 * <ol>
 * <li>One location that can ship the whole order, the first in {@code order} (a location ranks as its worst ranked
 * SKU of the order), so that an order goes out in one parcel when it can.</li>
 * <li>Else each line is split over the locations in {@code order}.</li>
 * <li>What is still missing is backordered where the line allows it, else it is a {@link Shortage}.</li>
 * </ol>
 *
 * @param picks        units taken from a level for a line
 * @param backordered  units backordered per line number
 * @param shortages    lines that can neither be served nor backordered (the demand is then refused)
 */
public record AllocationPlan(List<Pick> picks, Map<Integer, Long> backordered, List<Shortage> shortages) {

    /** By the location's priority (1 first), then by its code, so that equal priorities plan the same each time. */
    public static final Comparator<LockedLevel> BY_PRIORITY = Comparator.comparingInt(LockedLevel::priority)
            .thenComparing(LockedLevel::location);

    /** {@code quantity} units of line {@code lineNo} from {@code level}. */
    public record Pick(int lineNo, LockedLevel level, long quantity) {
    }

    /** Plans a demand, taking stock from {@code levels} in {@code order} (routing rank, then priority). */
    public static AllocationPlan of(List<StockDemand.Line> lines, List<LockedLevel> levels,
            Comparator<LockedLevel> order) {
        Map<String, Long> needed = new LinkedHashMap<>();
        lines.forEach(l -> needed.merge(l.sku(), l.quantity(), Long::sum));
        Map<UUID, Map<String, LockedLevel>> byLocation = new HashMap<>();
        levels.forEach(l -> byLocation.computeIfAbsent(l.locationId(), k -> new HashMap<>()).put(l.sku(), l));

        // 1. One location that can ship the whole order.
        Map<UUID, LockedLevel> worst = new HashMap<>();
        levels.forEach(l -> worst.merge(l.locationId(), l, (a, b) -> order.compare(a, b) >= 0 ? a : b));
        var single = worst.values().stream().sorted(order).map(LockedLevel::locationId)
                .filter(loc -> needed.entrySet().stream().allMatch(n -> {
                    LockedLevel l = byLocation.get(loc).get(n.getKey());
                    return l != null && l.available() >= n.getValue();
                }))
                .findFirst();
        if (single.isPresent()) {
            Map<String, LockedLevel> there = byLocation.get(single.get());
            List<Pick> picks = lines.stream()
                    .map(line -> new Pick(line.lineNo(), there.get(line.sku()), line.quantity())).toList();
            return new AllocationPlan(picks, Map.of(), List.of());
        }

        // 2. Split: each line from locations in order; 3. backorder or refuse what is left.
        Map<LockedLevel, Long> left = new HashMap<>();
        levels.forEach(l -> left.put(l, Math.max(0, l.available())));
        List<Pick> picks = new ArrayList<>();
        Map<Integer, Long> backordered = new HashMap<>();
        List<Shortage> shortages = new ArrayList<>();
        for (StockDemand.Line line : lines) {
            long remaining = line.quantity();
            for (LockedLevel level : levels.stream().filter(l -> l.sku().equals(line.sku())).sorted(order)
                    .toList()) {
                long take = Math.min(remaining, left.get(level));
                if (take > 0) {
                    picks.add(new Pick(line.lineNo(), level, take));
                    left.put(level, left.get(level) - take);
                    remaining -= take;
                }
            }
            if (remaining > 0) {
                if (line.backorderable()) {
                    backordered.put(line.lineNo(), remaining);
                } else {
                    long available = levels.stream().filter(l -> l.sku().equals(line.sku()))
                            .mapToLong(l -> Math.max(0, l.available())).sum();
                    shortages.add(new Shortage(line.lineNo(), line.sku(), line.quantity(), available));
                }
            }
        }
        return new AllocationPlan(picks, backordered, shortages);
    }

    /** The plan as the order sees it: per line, what is reserved where and what is backordered. */
    public StockAllocation allocation(List<StockDemand.Line> lines) {
        List<StockAllocation.Line> result = new ArrayList<>();
        for (StockDemand.Line line : lines) {
            List<StockAllocation.Part> parts = picks.stream().filter(p -> p.lineNo() == line.lineNo())
                    .map(p -> new StockAllocation.Part(p.level().location(), p.quantity())).toList();
            long reserved = parts.stream().mapToLong(StockAllocation.Part::quantity).sum();
            result.add(new StockAllocation.Line(line.lineNo(), line.sku(), reserved,
                    backordered.getOrDefault(line.lineNo(), 0L), parts));
        }
        return new StockAllocation(result);
    }
}
