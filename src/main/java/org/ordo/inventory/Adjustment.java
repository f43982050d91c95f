package org.ordo.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

/** A correction of on-hand stock (count, damage, loss); negative quantities take stock out. */
public record Adjustment(
        @Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, description = "an article's SKU") String sku,
        @Schema(example = "BER", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 16, description = "a location's code") String location,
        @Schema(example = "-2", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "-" + InventoryManagement.MAX_QUANTITY,
                maximum = "" + InventoryManagement.MAX_QUANTITY, description = "not 0") Long quantity,
        @Schema(example = "damaged", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = InventoryManagement.REASON) String reason,
        @Schema(maxLength = InventoryManagement.REFERENCE) String reference) {
}
