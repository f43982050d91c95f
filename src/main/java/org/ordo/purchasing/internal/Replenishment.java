package org.ordo.purchasing.internal;

/**
 * The replenishment rule, in one place (docs/purchasing.md shows it with an example). The stock position is
 * available + on order - backordered. Below the reorder point, the quantity brings the position back: up to the
 * target level, or the smallest multiple of the reorder quantity that reaches the reorder point again; then at
 * least the minimum order, then rounded up to whole packs.
 */
public final class Replenishment {

    private Replenishment() {
    }

    public static long position(long available, long onOrder, long backordered) {
        return available + onOrder - backordered;
    }

    /** True when the position is below the reorder point: a suggestion, and an alert once. */
    public static boolean below(long position, long reorderPoint) {
        return position < reorderPoint;
    }

    /** What to order at this position; 0 when it is not below the reorder point. */
    public static long quantity(long position, long reorderPoint, Long targetLevel, Long reorderQuantity,
            long minimumOrder, long packSize) {
        if (!below(position, reorderPoint)) {
            return 0;
        }
        long needed;
        if (targetLevel != null) {
            needed = targetLevel - position;
        } else {
            long missing = reorderPoint - position;
            long times = Math.max(1, ceilDiv(missing, reorderQuantity));
            needed = times * reorderQuantity;
        }
        long atLeast = Math.max(needed, minimumOrder);
        return ceilDiv(atLeast, packSize) * packSize;
    }

    /**
     * A reorder point from demand: what the lead time consumes at the average daily demand of the last {@code weeks}
     * weeks, rounded up, plus the safety stock: {@code ceil(demand × leadTimeDays / (7 × weeks)) + safetyStock}.
     */
    public static long reorderPointFromDemand(long demand, int weeks, int leadTimeDays, long safetyStock) {
        return ceilDiv(Math.multiplyExact(demand, (long) leadTimeDays), 7L * weeks) + safetyStock;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
