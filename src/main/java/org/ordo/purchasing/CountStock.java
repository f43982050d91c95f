package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LOCATION_CODE;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_SKU;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a person found when counting a SKU at a location, or in one bin of it. */
@Schema(name = "CountStock")
public record CountStock(
        @Schema(example = "TSHIRT-M", requiredMode = REQUIRED, maxLength = MAX_SKU) String sku,
        @Schema(example = "BER", requiredMode = REQUIRED, maxLength = MAX_LOCATION_CODE) String location,
        @Schema(example = "18", requiredMode = REQUIRED, minimum = "0", maximum = "" + MAX_QUANTITY, description = "units found: all bins of the location together, or in the one bin named") Long counted,
        @Schema(example = "aisle 3 recounted", maxLength = MAX_NOTE) String note,
        @Schema(example = "A-01-03", maxLength = 32, description = "the one bin counted: counted is then the units found in that bin, and the difference is booked in it") String bin) {

    public CountStock(String sku, String location, Long counted, String note) {
        this(sku, location, counted, note, null);
    }
}
