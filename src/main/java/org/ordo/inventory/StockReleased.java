package org.ordo.inventory;

/** Event: reserved stock became available again (a cancellation); backorders may take it. */
public record StockReleased(String sku, long quantity) {
}
