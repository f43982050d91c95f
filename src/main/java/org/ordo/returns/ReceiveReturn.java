package org.ordo.returns;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What arrived for a return at a location, per order line and condition. Damaged and incomplete units go to the
 * location's quarantine unless {@code writeOff} is true.
 */
public record ReceiveReturn(
        @Schema(example = "BER") String location,
        List<Line> lines) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "ReturnReceiptLine")
    public record Line(
            @Schema(example = "1") Integer lineNo,
            @Schema(example = "1") Long quantity,
            @Schema(example = "RESELLABLE") String condition,
            Boolean writeOff) {
    }
}
