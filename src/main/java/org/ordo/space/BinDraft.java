package org.ordo.space;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/**
 * A bin of a warehouse: where it lies on the pick path and what it holds at most. Every capacity is optional (empty:
 * no limit of that kind); the inner dimensions give its volume and come all three or not at all.
 */
public record BinDraft(
        @Schema(example = "10", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "" + MAX_SEQUENCE,
                description = "its place on the pick path; nearer bins have closer numbers") Integer pickSequence,
        @Schema(example = "1000", minimum = "1", maximum = "" + DimensionsDraft.MAX_MM) Integer lengthMm,
        @Schema(example = "600", minimum = "1", maximum = "" + DimensionsDraft.MAX_MM) Integer widthMm,
        @Schema(example = "400", minimum = "1", maximum = "" + DimensionsDraft.MAX_MM) Integer heightMm,
        @Schema(example = "80000", minimum = "1", maximum = "" + MAX_WEIGHT, description = "the most it may carry") Long maxWeightGrams,
        @Schema(example = "2", minimum = "1", maximum = "" + MAX_PALLETS, description = "pallet places; a SKU without packing units takes one") Integer palletPlaces,
        @Schema(example = "200", minimum = "1", maximum = "" + MAX_UNITS, description = "at most this many units of any one SKU") Long unitLimitPerSku,
        @Schema(example = "TSHIRT-M", maxLength = 64, description = "the SKU whose own (fixed) bin this is; other SKUs are not put here") String homeSku) {

    static final int MAX_SEQUENCE = 1_000_000;
    static final long MAX_WEIGHT = 100_000_000L;
    static final int MAX_PALLETS = 10_000;
    static final long MAX_UNITS = 1_000_000_000L;

    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (pickSequence == null || pickSequence < 0 || pickSequence > MAX_SEQUENCE) {
            errors.add(new FieldError("pickSequence", Wording.of("space.is_required_0_to", MAX_SEQUENCE)));
        }
        if (lengthMm != null || widthMm != null || heightMm != null) {
            DimensionsDraft.millimetres(errors, "lengthMm", lengthMm);
            DimensionsDraft.millimetres(errors, "widthMm", widthMm);
            DimensionsDraft.millimetres(errors, "heightMm", heightMm);
        }
        if (maxWeightGrams != null && (maxWeightGrams < 1 || maxWeightGrams > MAX_WEIGHT)) {
            errors.add(new FieldError("maxWeightGrams", Wording.of("space.must_be_1_to", MAX_WEIGHT)));
        }
        if (palletPlaces != null && (palletPlaces < 1 || palletPlaces > MAX_PALLETS)) {
            errors.add(new FieldError("palletPlaces", Wording.of("space.must_be_1_to", MAX_PALLETS)));
        }
        if (unitLimitPerSku != null && (unitLimitPerSku < 1 || unitLimitPerSku > MAX_UNITS)) {
            errors.add(new FieldError("unitLimitPerSku", Wording.of("space.must_be_1_to", MAX_UNITS)));
        }
        if (homeSku != null && (homeSku.isBlank() || homeSku.length() > 64)) {
            errors.add(new FieldError("homeSku", Wording.of("space.must_be_an_article_s_sku")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    Long volumeMm3() {
        return lengthMm == null ? null : (long) lengthMm * widthMm * heightMm;
    }
}
