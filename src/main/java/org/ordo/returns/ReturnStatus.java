package org.ordo.returns;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.ordo.platform.Wording;

/** Where a return stands. Allowed transitions are this table; anything else is a 409. */
public enum ReturnStatus {
    /** announced and given an RMA number; the customer sends the goods */
    AUTHORIZED,
    /** the goods arrived and were inspected; the refund is due */
    RECEIVED,
    /** the refund is above the amount an agent must approve */
    AWAITING_APPROVAL,
    /** the refund was paid out or requested from a person, and credited; final */
    REFUNDED,
    /** withdrawn before anything arrived; final */
    CANCELLED;

    private static final Map<ReturnStatus, Set<ReturnStatus>> ALLOWED = Map.of(
            AUTHORIZED, EnumSet.of(RECEIVED, CANCELLED),
            RECEIVED, EnumSet.of(AWAITING_APPROVAL, REFUNDED),
            AWAITING_APPROVAL, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(ReturnStatus.class),
            CANCELLED, EnumSet.noneOf(ReturnStatus.class));

    public boolean canBecome(ReturnStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The status in a refusal, said as a person would in each language (the problem's property carries the code). */
    public Wording wording() {
        return switch (this) {
            case AUTHORIZED -> Wording.of("returns.status_authorized");
            case RECEIVED -> Wording.of("returns.status_received");
            case AWAITING_APPROVAL -> Wording.of("returns.status_awaiting_approval");
            case REFUNDED -> Wording.of("returns.status_refunded");
            case CANCELLED -> Wording.of("returns.status_cancelled");
        };
    }

    /** Still expecting goods or money: counts as an open return. */
    public boolean isOpen() {
        return this == AUTHORIZED || this == RECEIVED || this == AWAITING_APPROVAL;
    }
}
