package org.ordo.ordering;

/** The answer to a change: the version it made and the order as it is now. */
public record ChangedOrder(OrderChange change, OrderView order) {
}
