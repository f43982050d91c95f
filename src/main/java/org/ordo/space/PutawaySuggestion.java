package org.ordo.space;

import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where received goods go: the SKU's own bin, else the nearest bin on the pick path with room for all of them; when
 * no bin has room for all, they are split over the bins with room in the same order, and what fits nowhere goes to
 * the overflow bin ({@code overflow} true: an alert is raised when they are put there). {@code bin} is the first
 * share's bin; {@code shares} lists every bin with its quantity.
 */
public record PutawaySuggestion(
        @Schema(example = "TSHIRT-M") String sku,
        @Schema(example = "BER") String location,
        @Schema(example = "24") long quantity,
        @Schema(example = "A-01-03", description = "the (first) bin the goods go into") String bin,
        @Schema(description = "why this bin", example = "OWN_BIN") Reason reason,
        boolean overflow,
        @Schema(description = "every bin the goods go into with how many, along the pick path; the overflow bin last")
        List<Share> shares) {

    /** Why a bin was chosen. */
    public enum Reason {
        /** the SKU's own (fixed) bin had room */
        OWN_BIN,
        /** the nearest bin on the pick path with room */
        NEAREST_WITH_ROOM,
        /** no bin had room for all of them: split over the bins with room (and the overflow bin for the rest) */
        SPLIT,
        /** no bin had room: the warehouse's overflow bin */
        OVERFLOW,
        /** the warehouse has no bins set up: stock is kept per location only */
        NO_BINS
    }

    /** How many units go into one bin. */
    @Schema(name = "PutawayShare")
    public record Share(@Schema(example = "A-01-03") String bin, @Schema(example = "24") long quantity) {
    }

    /** The bins as a person reads them on the scanner: {@code A-01} or {@code A-01 ×2 + B-01 ×1}. */
    public String where() {
        if (shares == null || shares.size() <= 1) {
            return bin;
        }
        return shares.stream().map(s -> s.bin() + " ×" + s.quantity()).collect(Collectors.joining(" + "));
    }
}
