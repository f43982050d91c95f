package org.ordo.fulfillment;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** Packed parcels handed to a carrier. */
public record ShipRequest(List<UUID> parcels, @Schema(example = "DHL") String carrier,
        @Schema(example = "Paket") String service, @Schema(example = "00340434161094042557") String trackingNumber) {
}
