package org.ordo.space;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/** Goods a person moves from one bin of a warehouse to another (scan bin, scan SKU, quantity, scan target bin). */
@Schema(name = "MoveBetweenBins")
public record MoveBetweenBins(
        @Schema(example = "TSHIRT-M", requiredMode = REQUIRED, maxLength = 64) String sku,
        @Schema(example = "OVERFLOW", requiredMode = REQUIRED, maxLength = 32, description = "the bin the goods leave") String from,
        @Schema(example = "A-01-03", requiredMode = REQUIRED, maxLength = 32, description = "the bin the goods go into") String to,
        @Schema(example = "12", requiredMode = REQUIRED, minimum = "1", maximum = "1000000000") Long quantity) {
}
