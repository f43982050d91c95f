package org.ordo.purchasing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A whole bin counted at one moment: one cycle count per SKU that the bin held or the person listed, each booked in
 * the bin at once or waiting for a second person as any count (the threshold applies per SKU).
 */
@Schema(name = "BinCount")
public record BinCount(UUID id, @Schema(example = "BER") String location, @Schema(example = "A-01-03") String bin,
        String note, String countedBy, Instant countedAt,
        @Schema(description = "one count per SKU, in SKU order; a SKU the bin held but the count did not list has counted 0") List<CycleCount> counts) {
}
