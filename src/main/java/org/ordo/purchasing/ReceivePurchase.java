package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods that arrived against one line of a purchase order, put on hand at the order's location. */
@Schema(name = "ReceivePurchase")
public record ReceivePurchase(
        @Schema(example = "1", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_LINES) Integer line,
        @Schema(example = "20", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_QUANTITY) Long quantity,
        @Schema(example = "delivery note 8812", maxLength = MAX_NOTE) String note) {
}
