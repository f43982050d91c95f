package org.ordo.inventory;

/** Why a stock level changed. */
public enum MovementKind {
    /** goods came in: on hand up */
    RECEIPT,
    /** a count or damage correction: on hand up or down */
    ADJUSTMENT,
    /** stock promised to an order: reserved up */
    RESERVATION,
    /** a promise withdrawn (cancellation, reallocation): reserved down */
    RELEASE,
    /** goods left the warehouse for an order: on hand and reserved down together */
    ISSUE
}
