package org.ordo.returns;

/** The state of a returned unit as inspected on arrival. */
public enum Condition {
    /** as new: back to available stock */
    RESELLABLE,
    /** broken: quarantine (never available) or written off */
    DAMAGED,
    /** parts missing: quarantine (never available) or written off */
    INCOMPLETE
}
