package org.ordo.purchasing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a purchase order stands. Allowed transitions are this table; anything else is a 409. */
public enum PurchaseOrderStatus {
    /** sent to the supplier */
    ORDERED,
    /** the supplier confirmed quantities and dates (of some lines at least) */
    CONFIRMED,
    /** some goods arrived, not all */
    PARTIALLY_RECEIVED,
    /** every line received in full (within the tolerance); final */
    RECEIVED,
    /** closed with less than ordered, with a reason; final */
    CLOSED_SHORT,
    /** withdrawn before anything arrived, with a reason; final */
    CANCELLED;

    private static final Map<PurchaseOrderStatus, Set<PurchaseOrderStatus>> ALLOWED = Map.of(
            ORDERED, EnumSet.of(CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED),
            CONFIRMED, EnumSet.of(CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED),
            PARTIALLY_RECEIVED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED_SHORT),
            RECEIVED, EnumSet.noneOf(PurchaseOrderStatus.class),
            CLOSED_SHORT, EnumSet.noneOf(PurchaseOrderStatus.class),
            CANCELLED, EnumSet.noneOf(PurchaseOrderStatus.class));

    public boolean canBecome(PurchaseOrderStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Goods are still expected: its open quantities count as on order. */
    public boolean isOpen() {
        return this == ORDERED || this == CONFIRMED || this == PARTIALLY_RECEIVED;
    }

    /** The states in which goods are expected, as SQL knows them. */
    public static final Set<PurchaseOrderStatus> OPEN = EnumSet.of(ORDERED, CONFIRMED, PARTIALLY_RECEIVED);
}
