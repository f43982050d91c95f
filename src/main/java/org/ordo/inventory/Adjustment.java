package org.ordo.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

/** A correction of on-hand stock (count, damage, loss); negative quantities take stock out. */
public record Adjustment(
        @Schema(example = "TSHIRT-M") String sku,
        @Schema(example = "BER") String location,
        @Schema(example = "-2") Long quantity,
        @Schema(example = "damaged") String reason,
        String reference) {
}
