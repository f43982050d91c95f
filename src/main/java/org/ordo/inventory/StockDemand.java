package org.ordo.inventory;

import java.util.List;
import java.util.UUID;

/**
 * Stock an order asks for, line by line. Lines of backorderable articles may be partly or wholly backordered;
 * other lines must be reserved in full or the whole demand is refused.
 */
public record StockDemand(UUID orderId, String orderNumber, List<Line> lines) {

    public record Line(int lineNo, String sku, long quantity, boolean backorderable) {
    }
}
