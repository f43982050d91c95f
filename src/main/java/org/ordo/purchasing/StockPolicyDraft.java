package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LEAD_TIME_DAYS;
import static org.ordo.purchasing.PurchasingManagement.MAX_LOCATION_CODE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_SUPPLIER_ARTICLE;
import static org.ordo.purchasing.PurchasingManagement.MAX_SUPPLIER_CODE;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.MoneyInput;

/**
 * When and how much to buy of a SKU for one location. Exactly one of {@code targetLevel} (order up to it) and
 * {@code reorderQuantity} (order multiples of it); {@code leadTimeDays} empty means the supplier's. The limits are
 * {@link PurchasingManagement}'s.
 */
public record StockPolicyDraft(
        @Schema(example = "BER", requiredMode = REQUIRED, maxLength = MAX_LOCATION_CODE,
                description = "the location (warehouse code) the policy is for") String location,
        @Schema(example = "20", requiredMode = REQUIRED, minimum = "0", maximum = "" + MAX_QUANTITY,
                description = "reorder when the stock position falls below this") Long reorderPoint,
        @Schema(example = "100", minimum = "1", maximum = "" + MAX_QUANTITY,
                description = "order up to this position (or give reorderQuantity)") Long targetLevel,
        @Schema(example = "48", minimum = "1", maximum = "" + MAX_QUANTITY,
                description = "order multiples of this (or give targetLevel)") Long reorderQuantity,
        @Schema(example = "5", minimum = "0", maximum = "" + MAX_QUANTITY,
                description = "at most the reorder point; below it a suggestion is urgent") Long safetyStock,
        @Schema(example = "ACME", maxLength = MAX_SUPPLIER_CODE, description = "the preferred supplier's code")
        String supplier,
        @Schema(example = "AC-4711", maxLength = MAX_SUPPLIER_ARTICLE, description = "the supplier's article number")
        String supplierArticle,
        MoneyInput purchasePrice,
        @Schema(example = "12", minimum = "1", maximum = "" + MAX_QUANTITY,
                description = "the supplier sells multiples of this; default 1") Long packSize,
        @Schema(example = "24", minimum = "1", maximum = "" + MAX_QUANTITY,
                description = "the smallest quantity the supplier takes; default 1") Long minimumOrder,
        @Schema(example = "7", minimum = "0", maximum = "" + MAX_LEAD_TIME_DAYS,
                description = "days from order to delivery; empty: the supplier's") Integer leadTimeDays,
        @Schema(example = "RECORD", description = "goods beyond a purchase order line's ordered + tolerance: REFUSE them "
                + "(the default) or RECORD them as a discrepancy on the order and take them in") OverDelivery overDelivery,
        @Schema(example = "4", minimum = "1", maximum = "" + PurchasingManagement.MAX_DEMAND_WEEKS,
                description = "take the reorder point from the demand of this many past weeks (never below "
                        + "reorderPoint); empty: reorderPoint as given") Integer demandWeeks) {
}
