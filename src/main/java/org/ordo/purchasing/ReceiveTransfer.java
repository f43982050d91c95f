package org.ordo.purchasing;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_SKU;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** What arrived of a transfer now; without lines, everything still in transit arrived. */
@Schema(name = "ReceiveTransfer")
public record ReceiveTransfer(
        @ArraySchema(maxItems = MAX_LINES, arraySchema = @Schema(description = "the SKUs that arrived now and how many; leave out to receive all that is still in transit")) List<Line> lines) {

    /** A SKU of the transfer and how many of it arrived now. */
    @Schema(name = "ReceiveTransferLine")
    public record Line(
            @Schema(example = "TSHIRT-M", requiredMode = REQUIRED, maxLength = MAX_SKU) String sku,
            @Schema(example = "8", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_QUANTITY) Long quantity) {
    }
}
