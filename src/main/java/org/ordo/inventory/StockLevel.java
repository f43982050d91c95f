package org.ordo.inventory;

/** Stock of one SKU at one location; {@code available} is 0 at an inactive location. */
public record StockLevel(String sku, String location, long onHand, long reserved, long available) {
}
