package org.ordo.space;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Goods moved between two bins of a warehouse: two rows of the bin ledger (MOVE, document BIN_MOVE with the move's
 * id), on hand unchanged. {@code fromHolds} and {@code toHolds} are what the two bins hold of the SKU afterwards.
 */
@Schema(name = "BinMove")
public record BinMove(UUID id, @Schema(example = "BER") String location, @Schema(example = "TSHIRT-M") String sku,
        @Schema(example = "OVERFLOW") String from, @Schema(example = "A-01-03") String to,
        @Schema(example = "12") long quantity, @Schema(example = "0") long fromHolds,
        @Schema(example = "12") long toHolds, String movedBy, Instant movedAt) {
}
