package org.ordo.purchasing;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.MoneyInput;

/**
 * When and how much to buy of a SKU for one location. Exactly one of {@code targetLevel} (order up to it) and
 * {@code reorderQuantity} (order multiples of it); {@code leadTimeDays} empty means the supplier's.
 */
public record StockPolicyDraft(
        @Schema(example = "BER", description = "the location (warehouse code) the policy is for") String location,
        @Schema(example = "20", description = "reorder when the stock position falls below this") Long reorderPoint,
        @Schema(example = "100", description = "order up to this position (or give reorderQuantity)") Long targetLevel,
        @Schema(example = "48", description = "order multiples of this (or give targetLevel)") Long reorderQuantity,
        @Schema(example = "5", description = "at most the reorder point; below it a suggestion is urgent") Long safetyStock,
        @Schema(example = "ACME", description = "the preferred supplier's code") String supplier,
        @Schema(example = "AC-4711", description = "the supplier's article number") String supplierArticle,
        MoneyInput purchasePrice,
        @Schema(example = "12", description = "the supplier sells multiples of this; default 1") Long packSize,
        @Schema(example = "24", description = "the smallest quantity the supplier takes; default 1") Long minimumOrder,
        @Schema(example = "7", description = "days from order to delivery; empty: the supplier's") Integer leadTimeDays) {
}
