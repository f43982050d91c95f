package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_REASON;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** A change of ordered quantities or expected dates, with a reason; the supplier gets the new revision. */
@Schema(name = "ChangePurchaseOrder")
public record ChangePurchaseOrder(
        @Schema(example = "supplier out of the blue variant", requiredMode = REQUIRED, maxLength = MAX_REASON)
        String reason,
        @ArraySchema(minItems = 1, maxItems = MAX_LINES, arraySchema = @Schema(requiredMode = REQUIRED)) List<Line> lines) {

    @Schema(name = "ChangePurchaseOrderLine")
    public record Line(@Schema(example = "1", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_LINES) Integer line,
            @Schema(example = "36", description = "not below what was received", minimum = "1",
                    maximum = "" + MAX_QUANTITY) Long quantity,
            LocalDate expectedOn) {
    }
}
