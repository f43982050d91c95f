package org.ordo.ordering;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The order's own lifecycle. Allowed transitions are this table; anything else is a 409. */
public enum OrderStatus {
    OPEN, ON_HOLD, CANCELLED, COMPLETED;

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OPEN, EnumSet.of(ON_HOLD, CANCELLED, COMPLETED),
            ON_HOLD, EnumSet.of(OPEN, CANCELLED),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            COMPLETED, EnumSet.noneOf(OrderStatus.class));

    public boolean canBecome(OrderStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
