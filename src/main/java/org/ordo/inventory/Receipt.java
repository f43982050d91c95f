package org.ordo.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods received into a location, e.g. from a purchase order. */
public record Receipt(
        @Schema(example = "TSHIRT-M") String sku,
        @Schema(example = "BER") String location,
        @Schema(example = "10") Long quantity,
        @Schema(example = "PO-1") String reference,
        String note) {
}
