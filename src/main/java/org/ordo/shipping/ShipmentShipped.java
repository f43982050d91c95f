package org.ordo.shipping;

import java.time.Instant;
import java.util.UUID;

/**
 * Event: a shipment left the warehouse (customers are told, with the tracking link). {@code shippedAt} is the
 * shipment's recorded time; events stored before it was added carry null (ask {@link ShippingManagement}).
 */
public record ShipmentShipped(UUID shipmentId, UUID orderId, String carrier, String trackingNumber,
        String trackingUrl, Instant shippedAt) {
}
