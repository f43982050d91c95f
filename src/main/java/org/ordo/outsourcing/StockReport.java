package org.ordo.outsourcing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A partner's count of what it holds at its location (a 3PL's stock report, a supplier's stock feed). Every SKU it
 * names is set to the count by an adjustment naming the report; SKUs it does not name are left as they are.
 */
@Schema(name = "PartnerStockReport")
public record StockReport(
        @Schema(example = "STOCK-2026-12-05", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100,
                description = "the partner's reference of this report: the same reference again changes nothing")
        String reference,
        @io.swagger.v3.oas.annotations.media.ArraySchema(minItems = 1, maxItems = MAX_LINES,
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<Line> lines) {

    static final int MAX_LINES = 10_000;

    @Schema(name = "PartnerStockLine")
    public record Line(
            @Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) String sku,
            @Schema(example = "40", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0",
                    maximum = "" + org.ordo.inventory.InventoryManagement.MAX_QUANTITY) Long onHand,
            @Schema(example = "7.40", implementation = String.class, format = "decimal",
                    pattern = org.ordo.platform.Numbers.DECIMAL, maxLength = org.ordo.platform.Numbers.MAX_LENGTH,
                    description = "a dropship supplier's price per unit to us (for the margin); optional")
            String unitCost,
            @Schema(example = "EUR", pattern = "^[A-Z]{3}$", maxLength = 3,
                    description = "currency of unitCost; required with it") String currency) {
    }
}
