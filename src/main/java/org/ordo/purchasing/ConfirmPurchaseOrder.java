package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the supplier confirmed, per line: quantity and delivery date (which becomes the expected date). */
@Schema(name = "ConfirmPurchaseOrder")
public record ConfirmPurchaseOrder(
        @ArraySchema(minItems = 1, maxItems = MAX_LINES, arraySchema = @Schema(requiredMode = REQUIRED)) List<Line> lines) {

    @Schema(name = "ConfirmPurchaseOrderLine")
    public record Line(@Schema(example = "1", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_LINES) Integer line,
            @Schema(example = "48", requiredMode = REQUIRED, minimum = "0", maximum = "" + MAX_QUANTITY) Long quantity,
            @Schema(example = "2026-12-14", requiredMode = REQUIRED) LocalDate deliveryDate) {
    }
}
