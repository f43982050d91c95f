package org.ordo.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods received into a location, e.g. from a purchase order. */
public record Receipt(
        @Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, description = "an article's SKU") String sku,
        @Schema(example = "BER", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 16, description = "a location's code") String location,
        @Schema(example = "10", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "" + InventoryManagement.MAX_QUANTITY) Long quantity,
        @Schema(example = "PO-1", maxLength = InventoryManagement.REFERENCE) String reference,
        @Schema(maxLength = InventoryManagement.NOTE) String note) {
}
