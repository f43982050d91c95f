package org.ordo.ordering;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where the goods are, derived from reservations, shipments and returns. Allowed transitions are this table. */
public enum FulfillmentStatus {
    UNFULFILLED, BACKORDERED, RELEASED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, PARTIALLY_RETURNED, RETURNED;

    private static final Map<FulfillmentStatus, Set<FulfillmentStatus>> ALLOWED = Map.of(
            UNFULFILLED, EnumSet.of(BACKORDERED, RELEASED),
            BACKORDERED, EnumSet.of(UNFULFILLED, RELEASED),
            RELEASED, EnumSet.of(UNFULFILLED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED),
            PARTIALLY_SHIPPED, EnumSet.of(SHIPPED, PARTIALLY_RETURNED, RETURNED),
            SHIPPED, EnumSet.of(DELIVERED, PARTIALLY_RETURNED, RETURNED),
            DELIVERED, EnumSet.of(PARTIALLY_RETURNED, RETURNED),
            // Goods that come back stay back; more of them may follow. Later parcels still ship (PARTIALLY_SHIPPED
            // before): their shipments are recorded, the status stays PARTIALLY_RETURNED.
            PARTIALLY_RETURNED, EnumSet.of(RETURNED),
            RETURNED, EnumSet.noneOf(FulfillmentStatus.class));

    public boolean canBecome(FulfillmentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Goods have left a warehouse: the order can no longer be cancelled, only returned. */
    public boolean hasShipped() {
        return this == PARTIALLY_SHIPPED || this == SHIPPED || this == DELIVERED || this == PARTIALLY_RETURNED
                || this == RETURNED;
    }

    /** Goods of the order came back from the customer (some or all). */
    public boolean hasReturns() {
        return this == PARTIALLY_RETURNED || this == RETURNED;
    }
}
