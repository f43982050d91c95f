package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods that arrived against one line of a purchase order, put on hand at the order's location, into a bin. */
@Schema(name = "ReceivePurchase")
public record ReceivePurchase(
        @Schema(example = "1", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_LINES) Integer line,
        @Schema(example = "20", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_QUANTITY) Long quantity,
        @Schema(example = "delivery note 8812", maxLength = MAX_NOTE) String note,
        @Schema(example = "A-01-03", maxLength = 32, description = "the bin the goods are put into (scanned); without it they go where putaway by space puts them (GET /api/v1/locations/{code}/putaway)") String bin) {

    public ReceivePurchase(Integer line, Long quantity, String note) {
        this(line, quantity, note, null);
    }
}
