package org.ordo.fulfillment;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** Packed parcels handed to a carrier. */
public record ShipRequest(
        @ArraySchema(minItems = 1, maxItems = PackRequest.MAX_PARCELS, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<UUID> parcels,
        @Schema(example = "DHL", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Z0-9_]{2,30}$", maxLength = 30,
                description = "an active carrier's code") String carrier,
        @Schema(example = "Paket", maxLength = 50, description = "the carrier's service; absent: the one agreed with "
                + "the customer (the order's carrierService), which it must match when both are given") String service,
        @Schema(example = "00340434161094042557", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9-]{4,40}$", maxLength = 40)
        String trackingNumber) {
}
