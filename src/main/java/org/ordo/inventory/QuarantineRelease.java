package org.ordo.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A person's decision on quarantined units (invariant 10 in docs/design.md): {@code RELEASE} makes them
 * available again, {@code WRITE_OFF} takes them off the books. A reason is required.
 */
public record QuarantineRelease(
        @Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, description = "an article's SKU") String sku,
        @Schema(example = "BER", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 16, description = "a location's code") String location,
        @Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "" + InventoryManagement.MAX_QUANTITY) Long quantity,
        @Schema(example = "RELEASE", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"RELEASE", "WRITE_OFF"}) String action,
        @Schema(example = "inspected again: only the box was damaged", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = InventoryManagement.REASON)
        String reason,
        @Schema(maxLength = InventoryManagement.REFERENCE) String reference) {
}
