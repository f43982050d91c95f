package org.ordo.fulfillment;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parcels to pack for an order at a location, from what has been picked there. */
public record PackRequest(
        @Schema(example = "BER", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 16) String location,
        @ArraySchema(minItems = 1, maxItems = MAX_PARCELS, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<ParcelSpec> parcels) {

    /** At most this many parcels in one request, and items in one parcel (an order has at most 500 lines). */
    public static final int MAX_PARCELS = 100;
    public static final int MAX_ITEMS = 500;
    /** The heaviest parcel in grams and the longest side in millimetres that are taken. */
    public static final int MAX_WEIGHT = 1_000_000;
    public static final int MAX_SIDE = 10_000;


    public record ParcelSpec(
            @Schema(example = "850", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "" + MAX_WEIGHT) Integer weightGrams,
            @Schema(minimum = "1", maximum = "" + MAX_SIDE) Integer lengthMm,
            @Schema(minimum = "1", maximum = "" + MAX_SIDE) Integer widthMm,
            @Schema(minimum = "1", maximum = "" + MAX_SIDE) Integer heightMm,
            @ArraySchema(minItems = 1, maxItems = MAX_ITEMS, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<Item> items) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewParcelItem")
    public record Item(@Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "2147483647")
            Integer lineNo,
            @Schema(example = "2", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "1000000000") Long quantity) {
    }
}
