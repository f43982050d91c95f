package org.ordo.fulfillment;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Parcels to pack for an order at a location, from what has been picked there. */
public record PackRequest(@Schema(example = "BER") String location, List<ParcelSpec> parcels) {

    public record ParcelSpec(@Schema(example = "850") Integer weightGrams, Integer lengthMm, Integer widthMm,
            Integer heightMm, List<Item> items) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewParcelItem")
    public record Item(@Schema(example = "1") Integer lineNo, @Schema(example = "2") Long quantity) {
    }
}
