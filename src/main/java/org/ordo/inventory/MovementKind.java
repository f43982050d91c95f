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
    ISSUE,
    /** goods came back from a customer: on hand up, into quarantine when not resellable */
    RETURN,
    /** a person took goods out of quarantine with a reason: quarantined down, available again */
    QUARANTINE_RELEASE,
    /** goods were destroyed or scrapped: on hand down (and quarantined, when they were there) */
    WRITE_OFF,
    /** goods left for another location (a transfer): on hand down here, in transit until they arrive */
    TRANSFER_OUT,
    /** goods of a transfer arrived from another location: on hand up here */
    TRANSFER_IN
}
