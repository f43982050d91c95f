package org.ordo.space;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where received goods go: the SKU's own bin, else the nearest bin on the pick path with room for all of them,
 * else the overflow bin ({@code overflow} true: nothing had room, an alert is raised when they are put there).
 */
public record PutawaySuggestion(
        @Schema(example = "TSHIRT-M") String sku,
        @Schema(example = "BER") String location,
        @Schema(example = "24") long quantity,
        @Schema(example = "A-01-03") String bin,
        @Schema(description = "why this bin", example = "OWN_BIN") Reason reason,
        boolean overflow) {

    /** Why a bin was chosen. */
    public enum Reason {
        /** the SKU's own (fixed) bin had room */
        OWN_BIN,
        /** the nearest bin on the pick path with room */
        NEAREST_WITH_ROOM,
        /** no bin had room: the warehouse's overflow bin */
        OVERFLOW,
        /** the warehouse has no bins set up: stock is kept per location only */
        NO_BINS
    }
}
