package org.ordo.returns;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What arrived for a return at a location, per order line and condition. Damaged and incomplete units go to the
 * location's quarantine unless {@code writeOff} is true.
 */
public record ReceiveReturn(
        @Schema(example = "BER", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 16) String location,
        @ArraySchema(minItems = 1, maxItems = RequestReturn.MAX_LINES, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<Line> lines) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "ReturnReceiptLine")
    public record Line(
            @Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "2147483647") Integer lineNo,
            @Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "1000000000") Long quantity,
            @Schema(example = "RESELLABLE", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"RESELLABLE", "DAMAGED", "INCOMPLETE"})
            String condition,
            Boolean writeOff) {
    }
}
