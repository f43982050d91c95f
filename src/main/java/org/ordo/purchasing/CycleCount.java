package org.ordo.purchasing;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A count of a SKU at a location, or in one bin of it: what was found against what the books said then. The difference is booked as
 * one ADJUSTMENT whose reference is the count's number; above the approval threshold, or when less was found than
 * is reserved for orders, it waits for a second person.
 */
@Schema(name = "CycleCount")
public record CycleCount(UUID id, @Schema(example = "CC-2026-000001") String number,
        @Schema(example = "TSHIRT-M") String sku, @Schema(example = "BER") String location,
        @Schema(example = "18", description = "units found") long counted,
        @Schema(example = "20", description = "on hand by the books when counted") long expected,
        @Schema(example = "5", description = "reserved for orders when counted") long reserved,
        @Schema(example = "-2", description = "counted - expected: what is (or would be) booked") long difference,
        @Schema(description = "less was found than is reserved: booking waits until reservations are released") boolean belowReserved,
        Status status, String note, String countedBy, Instant countedAt, String decidedBy, Instant decidedAt,
        @Schema(description = "why it was rejected, or approved") String reason,
        @Schema(example = "A-01-03", description = "the one bin counted (expected is then what the bin held, reserved the part of the reservations the other bins cannot cover); empty for the whole location") String bin,
        @Schema(description = "the whole-bin count this count is part of (docs/purchasing.md#counting-a-whole-bin); empty when counted on its own") UUID binCount) {

    /** Where a count stands; AWAITING_APPROVAL becomes BOOKED or REJECTED once. */
    @Schema(name = "CycleCountStatus")
    public enum Status {
        /** the difference is booked (or there was none); final */
        BOOKED,
        /** the difference is above the threshold or below what is reserved: a second person decides */
        AWAITING_APPROVAL,
        /** a person decided the count was wrong: nothing booked; final */
        REJECTED
    }
}
