package org.ordo.space;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Many bins of one location set up at once (a new warehouse, a re-racked aisle): each as {@link BinDraft} with its
 * code. All or nothing: one wrong bin and none is stored.
 */
public record BinSetup(
        @ArraySchema(minItems = 1, maxItems = BinSetup.MAX_BINS, schema = @Schema(implementation = BinSetup.Entry.class),
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
        List<Entry> bins) {

    public static final int MAX_BINS = 1000;

    /** One bin: its code and what {@link BinDraft} says. */
    @Schema(name = "BinSetupEntry")
    public record Entry(
            @Schema(example = "A-01-03", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 32,
                    pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$") String code,
            @Schema(example = "10", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0",
                    maximum = "" + BinDraft.MAX_SEQUENCE) Integer pickSequence,
            @Schema(example = "1000", minimum = "1", maximum = "" + DimensionsDraft.MAX_MM) Integer lengthMm,
            @Schema(example = "600", minimum = "1", maximum = "" + DimensionsDraft.MAX_MM) Integer widthMm,
            @Schema(example = "400", minimum = "1", maximum = "" + DimensionsDraft.MAX_MM) Integer heightMm,
            @Schema(example = "80000", minimum = "1", maximum = "" + BinDraft.MAX_WEIGHT) Long maxWeightGrams,
            @Schema(example = "2", minimum = "1", maximum = "" + BinDraft.MAX_PALLETS) Integer palletPlaces,
            @Schema(example = "200", minimum = "1", maximum = "" + BinDraft.MAX_UNITS) Long unitLimitPerSku,
            @Schema(example = "TSHIRT-M", maxLength = 64) String homeSku) {

        BinDraft draft() {
            return new BinDraft(pickSequence, lengthMm, widthMm, heightMm, maxWeightGrams, palletPlaces,
                    unitLimitPerSku, homeSku);
        }
    }
}
