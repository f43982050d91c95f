package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_LOCATION_CODE;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_SKU;
import static org.ordo.purchasing.PurchasingManagement.MAX_SUPPLIER_ARTICLE;
import static org.ordo.purchasing.PurchasingManagement.MAX_SUPPLIER_CODE;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Numbers;

/**
 * A purchase order to place: by hand ({@code lines}) or from the current suggestions for the supplier and
 * location ({@code fromSuggestions} true, no lines). Prices and supplier article numbers default to the stock
 * policy's; the expected date to today plus the lead time. The limits are {@link PurchasingManagement}'s.
 */
@Schema(name = "PlacePurchaseOrder")
public record PlacePurchaseOrder(
        @Schema(example = "ACME", requiredMode = REQUIRED, maxLength = MAX_SUPPLIER_CODE) String supplier,
        @Schema(example = "BER", requiredMode = REQUIRED, maxLength = MAX_LOCATION_CODE) String location,
        @Schema(example = "EUR", description = "default: the supplier's currency", minLength = 3, maxLength = 3,
                pattern = "^[A-Z]{3}$") String currency,
        Boolean fromSuggestions,
        @Schema(maxLength = MAX_NOTE) String note,
        @ArraySchema(maxItems = MAX_LINES, arraySchema = @Schema(description = "required unless fromSuggestions is "
                + "true; then empty")) List<Line> lines) {

    @Schema(name = "PlacePurchaseOrderLine")
    public record Line(
            @Schema(example = "TSHIRT-M", requiredMode = REQUIRED, maxLength = MAX_SKU) String sku,
            @Schema(example = "48", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_QUANTITY) Long quantity,
            @Schema(example = "4.20", type = "string", format = "decimal", pattern = Numbers.DECIMAL,
                    maxLength = Numbers.MAX_LENGTH, description = "default: the policy's purchase price") String unitPrice,
            @Schema(description = "default: today plus the lead time") LocalDate expectedOn,
            @Schema(description = "default: the policy's", maxLength = MAX_SUPPLIER_ARTICLE) String supplierArticle) {
    }
}
