package org.ordo.shipping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Parcels of one order that left one warehouse together with one carrier. */
public record Shipment(UUID id, UUID orderId, String location, String carrier, String service,
        String trackingNumber, String trackingUrl, String status, Instant shippedAt, Instant deliveredAt,
        List<Line> lines, List<TrackingEvent> events) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "ShipmentLine")
    public record Line(int lineNo, String sku, long quantity) {
    }

    public record TrackingEvent(String status, Instant at, String description) {
    }
}
