package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_LOCATION_CODE;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_SKU;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** Ships goods from one location to another: they leave the source now and are in transit until received. */
@Schema(name = "ShipTransfer")
public record ShipTransfer(
        @Schema(example = "BER", requiredMode = REQUIRED, maxLength = MAX_LOCATION_CODE, description = "the location the goods leave") String from,
        @Schema(example = "HAM", requiredMode = REQUIRED, maxLength = MAX_LOCATION_CODE, description = "the location they go to") String to,
        @ArraySchema(minItems = 1, maxItems = MAX_LINES, arraySchema = @Schema(requiredMode = REQUIRED)) List<Line> lines,
        @Schema(example = "for the weekend sale in Hamburg", maxLength = MAX_NOTE) String note) {

    /** A SKU and how many of it. */
    @Schema(name = "ShipTransferLine")
    public record Line(
            @Schema(example = "TSHIRT-M", requiredMode = REQUIRED, maxLength = MAX_SKU) String sku,
            @Schema(example = "12", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_QUANTITY) Long quantity) {
    }
}
