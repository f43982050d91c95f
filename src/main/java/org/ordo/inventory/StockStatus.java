package org.ordo.inventory;

import java.util.List;

/** Stock of one SKU per location, and in total available to promise (active locations only). */
public record StockStatus(String sku, List<LocationStock> locations, long onHand, long reserved, long available) {

    public record LocationStock(String location, String name, int priority, long onHand, long reserved,
            long available) {
    }
}
