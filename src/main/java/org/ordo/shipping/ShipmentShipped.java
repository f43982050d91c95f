package org.ordo.shipping;

import java.util.UUID;

/** Event: a shipment left the warehouse (customers are told, with the tracking link). */
public record ShipmentShipped(UUID shipmentId, UUID orderId, String carrier, String trackingNumber,
        String trackingUrl) {
}
