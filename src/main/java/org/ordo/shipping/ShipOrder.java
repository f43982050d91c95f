package org.ordo.shipping;

import java.util.List;
import java.util.UUID;

/** Parcels of an order handed to a carrier: which order lines, how many units. */
public record ShipOrder(UUID orderId, String location, String carrier, String service, String trackingNumber,
        List<Line> lines) {

    public record Line(int lineNo, String sku, long quantity) {
    }
}
