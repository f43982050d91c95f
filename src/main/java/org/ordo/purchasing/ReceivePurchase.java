package org.ordo.purchasing;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods that arrived against one line of a purchase order, put on hand at the order's location. */
@Schema(name = "ReceivePurchase")
public record ReceivePurchase(@Schema(example = "1") Integer line, @Schema(example = "20") Long quantity,
        @Schema(example = "delivery note 8812") String note) {
}
