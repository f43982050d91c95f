package org.ordo.purchasing;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the supplier confirmed, per line: quantity and delivery date (which becomes the expected date). */
@Schema(name = "ConfirmPurchaseOrder")
public record ConfirmPurchaseOrder(List<Line> lines) {

    @Schema(name = "ConfirmPurchaseOrderLine")
    public record Line(@Schema(example = "1") Integer line, @Schema(example = "48") Long quantity,
            @Schema(example = "2026-12-14") LocalDate deliveryDate) {
    }
}
