package org.ordo.inventory;

/** A line that cannot be reserved: what was asked, what is available. */
public record Shortage(int lineNo, String sku, long requested, long available) {
}
