package org.ordo.billing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a quote is: {@code OPEN} (made, not sent yet), {@code SENT} to the customer, then {@code ACCEPTED}
 * (it became an order), {@code DECLINED} or {@code EXPIRED} (its validity passed). Allowed transitions are
 * this table; anything else is a 409.
 */
public enum QuoteStatus {
    OPEN, SENT, ACCEPTED, DECLINED, EXPIRED;

    private static final Map<QuoteStatus, Set<QuoteStatus>> ALLOWED = Map.of(
            OPEN, EnumSet.of(SENT, ACCEPTED, DECLINED, EXPIRED),
            SENT, EnumSet.of(SENT, ACCEPTED, DECLINED, EXPIRED),
            ACCEPTED, EnumSet.noneOf(QuoteStatus.class),
            DECLINED, EnumSet.noneOf(QuoteStatus.class),
            EXPIRED, EnumSet.noneOf(QuoteStatus.class));

    public boolean canBecome(QuoteStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public static QuoteStatus parse(String value) {
        for (QuoteStatus s : values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }
}
