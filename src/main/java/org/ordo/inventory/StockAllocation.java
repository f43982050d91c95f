package org.ordo.inventory;

import java.util.List;

/**
 * What a demand got, line by line: reserved per location, and the rest backordered; and the reservations written
 * for it, as {@link InventoryManagement#reservationsOf} reads them afterwards (empty for a plan not yet written).
 */
public record StockAllocation(List<Line> lines, List<ReservationView> reservations) {

    public StockAllocation {
        reservations = List.copyOf(reservations);
    }

    /** An allocation of which nothing is written yet. */
    public StockAllocation(List<Line> lines) {
        this(lines, List.of());
    }

    /** This allocation with the reservations written for it. */
    public StockAllocation written(List<ReservationView> written) {
        return new StockAllocation(lines, written);
    }

    public record Line(int lineNo, String sku, long reserved, long backordered, List<Part> parts) {
    }

    public record Part(String location, long quantity) {
    }
}
