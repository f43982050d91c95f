package org.ordo.purchasing;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A reorder point from demand, with its inputs: {@code fromDemand = ceil(demand × leadTimeDays / (7 × weeks)) +
 * safetyStock}; the policy uses {@code reorderPoint}, the larger of that and the reorder point it was given.
 */
@Schema(name = "DemandReorderPoint")
public record DemandReorderPoint(
        @Schema(example = "4", description = "how many past weeks of demand count") int weeks,
        @Schema(example = "2026-11-08", description = "the first day counted") LocalDate since,
        @Schema(example = "56", description = "units reserved for orders at the location since then, less those released again") long demand,
        @Schema(implementation = String.class, format = "decimal", example = "2.00", description = "demand per day: demand / (7 × weeks), rounded half up to 2 decimals") String dailyDemand,
        @Schema(example = "7") int leadTimeDays,
        @Schema(example = "2") long safetyStock,
        @Schema(example = "16", description = "ceil(demand × leadTimeDays / (7 × weeks)) + safetyStock") long fromDemand,
        @Schema(example = "6", description = "the reorder point the policy was given: the floor") long given,
        @Schema(example = "16", description = "the reorder point in use: the larger of fromDemand and given") long reorderPoint) {
}
