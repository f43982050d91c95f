package org.ordo.inventory;

import java.util.List;
import java.util.UUID;

/**
 * Stock an order asks for, line by line. Lines of backorderable articles may be partly or wholly backordered;
 * other lines must be reserved in full or the whole demand is refused. The channel chooses the routing rule
 * ({@link FulfilmentRouting}); the order's currency is what partners' costs are compared in.
 */
public record StockDemand(UUID orderId, String orderNumber, List<Line> lines, String channel, String currency) {

    /** A demand whose channel does not matter (or is not known): only article and default routing rules apply. */
    public StockDemand(UUID orderId, String orderNumber, List<Line> lines) {
        this(orderId, orderNumber, lines, null, null);
    }

    /** A demand of a channel whose order's currency is not known: partners' costs are compared as they are. */
    public StockDemand(UUID orderId, String orderNumber, List<Line> lines, String channel) {
        this(orderId, orderNumber, lines, channel, null);
    }

    public record Line(int lineNo, String sku, long quantity, boolean backorderable) {
    }
}
