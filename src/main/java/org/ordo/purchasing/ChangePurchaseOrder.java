package org.ordo.purchasing;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A change of ordered quantities or expected dates, with a reason; the supplier gets the new revision. */
@Schema(name = "ChangePurchaseOrder")
public record ChangePurchaseOrder(@Schema(example = "supplier out of the blue variant") String reason,
        List<Line> lines) {

    @Schema(name = "ChangePurchaseOrderLine")
    public record Line(@Schema(example = "1") Integer line,
            @Schema(example = "36", description = "not below what was received") Long quantity,
            LocalDate expectedOn) {
    }
}
