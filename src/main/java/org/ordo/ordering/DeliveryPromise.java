package org.ordo.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who promises an order's dates when it is placed (the {@code promise} module). Ordering asks the bean, if there
 * is one, inside the placement's transaction after stock was reserved, so that the promise sees where the goods
 * are and books the warehouse's capacity with the order; ordering does not depend on the module that answers
 * (docs/adr/0008-ordering-asks-for-the-promise-through-its-own-interface.md).
 */
public interface DeliveryPromise {

    /**
     * The promise of a new order, its capacity booked in the caller's transaction; empty when nothing can be
     * promised (no physical lines, or no carrier service reaches the destination).
     */
    Optional<Promised> promise(Demand demand);

    /** A new order's physical lines and where their goods were reserved. */
    record Demand(UUID orderId, String orderNumber, Instant placedAt, String country, String postalCode,
            String region, List<Line> lines) {
    }

    /** A line: its units reserved per location, and those backordered. */
    record Line(String sku, long quantity, List<Reserved> reserved, long backordered) {
    }

    record Reserved(String location, long quantity) {
    }

    /** The order's promise: the last shipment leaves by {@code shipBy} (its cut-off: {@code mustShipAt}). */
    record Promised(LocalDate shipBy, LocalDate deliverBy, Instant mustShipAt) {
    }
}
