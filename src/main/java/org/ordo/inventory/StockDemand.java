package org.ordo.inventory;

import java.util.List;
import java.util.UUID;

/**
 * Stock an order asks for, line by line. Lines of backorderable articles may be partly or wholly backordered;
 * other lines must be reserved in full or the whole demand is refused. The channel chooses the routing rule
 * ({@link FulfilmentRouting}).
 */
public record StockDemand(UUID orderId, String orderNumber, List<Line> lines, String channel) {

    /** A demand whose channel does not matter (or is not known): only article and default routing rules apply. */
    public StockDemand(UUID orderId, String orderNumber, List<Line> lines) {
        this(orderId, orderNumber, lines, null);
    }

    public record Line(int lineNo, String sku, long quantity, boolean backorderable) {
    }
}
