package org.ordo.ordering;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where the money is. Allowed transitions are this table; anything else is a 409. */
public enum PaymentStatus {
    PENDING, AUTHORIZED, PAID, PARTIALLY_REFUNDED, REFUNDED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(AUTHORIZED, PAID),
            AUTHORIZED, EnumSet.of(PAID, PENDING),
            PAID, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
            PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    public boolean canBecome(PaymentStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
