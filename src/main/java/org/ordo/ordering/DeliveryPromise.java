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

    /**
     * The order's promise: the last shipment leaves by {@code shipBy} (its cut-off: {@code mustShipAt}); each
     * shipment's own promise in {@code shipments}.
     */
    record Promised(LocalDate shipBy, LocalDate deliverBy, Instant mustShipAt, List<ShipmentPromise> shipments) {
    }

    /** The promise of one shipment of an order: what leaves one warehouse together. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ShipmentPromise")
    record ShipmentPromise(
            @io.swagger.v3.oas.annotations.media.Schema(example = "BER") String warehouse,
            @io.swagger.v3.oas.annotations.media.Schema(example = "DHL") String carrier,
            @io.swagger.v3.oas.annotations.media.Schema(example = "STANDARD") String service,
            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"STOCK", "INCOMING", "BACKORDER"},
                    description = "where the goods come from: stock, an open purchase order, the supplier")
            String source,
            @io.swagger.v3.oas.annotations.media.Schema(example = "2026-12-07") LocalDate shipBy,
            @io.swagger.v3.oas.annotations.media.Schema(example = "2026-12-08") LocalDate deliverBy) {
    }

    /** The promise of each shipment of an order as it was made; empty when it has none (older or agreed dates). */
    default List<ShipmentPromise> promisedShipments(UUID orderId) {
        return List.of();
    }
}
