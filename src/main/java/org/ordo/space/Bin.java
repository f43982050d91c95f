package org.ordo.space;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A bin of a warehouse with its capacities (empty: no limit) and what its stock takes of them. The overflow bin
 * has no limits: it takes what fits nowhere else.
 */
@Schema(name = "StorageBin")
public record Bin(
        @Schema(example = "A-01-03") String code,
        @Schema(example = "BER") String location,
        @Schema(example = "10") int pickSequence,
        boolean overflow,
        @Schema(example = "240000000") Long volumeMm3,
        @Schema(example = "80000") Long maxWeightGrams,
        @Schema(example = "2") Integer palletPlaces,
        @Schema(example = "200") Long unitLimitPerSku,
        @Schema(example = "TSHIRT-M") String homeSku,
        @Schema(example = "3000000") long usedVolumeMm3,
        @Schema(example = "250") long usedWeightGrams,
        @Schema(example = "1") int usedPallets,
        @Schema(example = "12", description = "units of every SKU in the bin") long units) {
}
