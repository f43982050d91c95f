package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_SKU;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a person found in one bin, every SKU of it: a SKU the bin holds by the books but not listed was not found
 * (counted as 0), an empty list says the bin was empty.
 */
@Schema(name = "CountBin")
public record CountBin(
        @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "every SKU found in the bin with its units, each SKU once; a SKU the bin holds by the books that is not listed counts as 0; [] when the bin was found empty"), maxItems = MAX_LINES) List<Line> lines,
        @Schema(example = "aisle 3, Monday's count", maxLength = MAX_NOTE) String note) {

    /** One SKU found in the bin. */
    @Schema(name = "CountBinLine")
    public record Line(
            @Schema(example = "TSHIRT-M", requiredMode = REQUIRED, maxLength = MAX_SKU) String sku,
            @Schema(example = "11", requiredMode = REQUIRED, minimum = "0", maximum = "" + MAX_QUANTITY, description = "units of the SKU found in the bin") Long counted) {
    }
}
