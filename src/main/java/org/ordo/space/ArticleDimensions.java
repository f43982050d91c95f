package org.ordo.space;

import io.swagger.v3.oas.annotations.media.Schema;

/** What one unit of an article measures and how it is packed; {@code weightGrams} is the catalog's. */
public record ArticleDimensions(
        @Schema(example = "TSHIRT-M") String sku,
        @Schema(example = "300") int lengthMm,
        @Schema(example = "200") int widthMm,
        @Schema(example = "50") int heightMm,
        @Schema(example = "3000000", description = "length × width × height") long volumeMm3,
        @Schema(example = "250", description = "the article's weight in the catalog; empty when unknown") Integer weightGrams,
        @Schema(example = "12") Integer unitsPerCarton,
        @Schema(example = "40") Integer cartonsPerPallet,
        @Schema(example = "480", description = "units per carton × cartons per pallet; empty when not palletised") Integer unitsPerPallet) {
}
