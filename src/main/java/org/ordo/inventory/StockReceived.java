package org.ordo.inventory;

/** Event: goods came into a location (other modules fill backorders from it). */
public record StockReceived(String sku, String location, long quantity) {
}
