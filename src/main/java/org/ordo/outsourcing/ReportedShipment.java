package org.ordo.outsourcing;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a partner's shipment report came to: a new shipment, or the one an earlier report with its reference made. */
@Schema(name = "ReportedShipment")
public record ReportedShipment(Outcome outcome, String reference, UUID orderId, UUID shipmentId) {

    public enum Outcome {
        SHIPPED, DUPLICATE
    }
}
