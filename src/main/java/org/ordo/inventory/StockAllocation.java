package org.ordo.inventory;

import java.util.List;

/** What a demand got, line by line: reserved per location, and the rest backordered. */
public record StockAllocation(List<Line> lines) {

    public record Line(int lineNo, String sku, long reserved, long backordered, List<Part> parts) {
    }

    public record Part(String location, long quantity) {
    }
}
