package org.ordo.purchasing;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A purchase order to place: by hand ({@code lines}) or from the current suggestions for the supplier and
 * location ({@code fromSuggestions} true, no lines). Prices and supplier article numbers default to the stock
 * policy's; the expected date to today plus the lead time.
 */
@Schema(name = "PlacePurchaseOrder")
public record PlacePurchaseOrder(
        @Schema(example = "ACME") String supplier,
        @Schema(example = "BER") String location,
        @Schema(example = "EUR", description = "default: the supplier's currency") String currency,
        Boolean fromSuggestions,
        String note,
        List<Line> lines) {

    @Schema(name = "PlacePurchaseOrderLine")
    public record Line(
            @Schema(example = "TSHIRT-M") String sku,
            @Schema(example = "48") Long quantity,
            @Schema(example = "4.20", type = "string", format = "decimal", description = "default: the policy's purchase price") String unitPrice,
            @Schema(description = "default: today plus the lead time") LocalDate expectedOn,
            @Schema(description = "default: the policy's") String supplierArticle) {
    }
}
