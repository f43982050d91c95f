package org.ordo.outsourcing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A partner's report that it shipped (some of) an order's lines at its location, with the carrier's tracking. */
@Schema(name = "PartnerShipmentReport")
public record PartnerShipmentReport(
        @Schema(example = "3PL-SHP-1001", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100,
                description = "the partner's own shipment reference: the same reference again makes no second shipment")
        String reference,
        @Schema(example = "SO-100001", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 40, description = "the order number of the request")
        String order,
        @Schema(example = "DHL", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 30) String carrier,
        @Schema(example = "Paket", maxLength = 50) String service,
        @Schema(example = "00340434161234567890", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 40) String trackingNumber,
        @io.swagger.v3.oas.annotations.media.ArraySchema(minItems = 1, maxItems = MAX_LINES, arraySchema = @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED, description = "what left, per SKU of the request; each in full"))
        List<Line> lines) {

    static final int MAX_LINES = 500;

    @Schema(name = "PartnerShipmentLine")
    public record Line(
            @Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) String sku,
            @Schema(example = "2", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1",
                    maximum = "" + org.ordo.inventory.InventoryManagement.MAX_QUANTITY) Long quantity) {
    }
}
