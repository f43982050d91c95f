package org.ordo.inventory;

import java.util.List;

/**
 * Stock of one SKU per location, and in total available to promise (active locations only); {@code onOrder} is
 * what is expected to come in (the sum of {@code incoming}, earliest first).
 */
public record StockStatus(String sku, List<LocationStock> locations, long onHand, long reserved, long available,
        long onOrder, List<ExpectedReceipt> incoming) {

    public record LocationStock(String location, String name, int priority, long onHand, long reserved,
            long available) {
    }
}
