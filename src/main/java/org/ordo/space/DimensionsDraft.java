package org.ordo.space;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/** What one unit of an article measures, and how it is packed; the weight is the article's in the catalog. */
@Schema(name = "ArticleDimensionsDraft")
public record DimensionsDraft(
        @Schema(example = "300", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_MM) Integer lengthMm,
        @Schema(example = "200", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_MM) Integer widthMm,
        @Schema(example = "50", requiredMode = REQUIRED, minimum = "1", maximum = "" + MAX_MM) Integer heightMm,
        @Schema(example = "12", minimum = "1", maximum = "" + MAX_UNITS_PER_CARTON,
                description = "units in one carton; empty: not packed in cartons") Integer unitsPerCarton,
        @Schema(example = "40", minimum = "1", maximum = "" + MAX_CARTONS_PER_PALLET,
                description = "cartons on one pallet; needs unitsPerCarton") Integer cartonsPerPallet) {

    static final int MAX_MM = 100_000;
    static final int MAX_UNITS_PER_CARTON = 1_000_000;
    static final int MAX_CARTONS_PER_PALLET = 10_000;

    void check() {
        List<FieldError> errors = new ArrayList<>();
        millimetres(errors, "lengthMm", lengthMm);
        millimetres(errors, "widthMm", widthMm);
        millimetres(errors, "heightMm", heightMm);
        if (unitsPerCarton != null && (unitsPerCarton < 1 || unitsPerCarton > MAX_UNITS_PER_CARTON)) {
            errors.add(new FieldError("unitsPerCarton", Wording.of("space.must_be_1_to", MAX_UNITS_PER_CARTON)));
        }
        if (cartonsPerPallet != null && (cartonsPerPallet < 1 || cartonsPerPallet > MAX_CARTONS_PER_PALLET)) {
            errors.add(new FieldError("cartonsPerPallet", Wording.of("space.must_be_1_to", MAX_CARTONS_PER_PALLET)));
        } else if (cartonsPerPallet != null && unitsPerCarton == null) {
            errors.add(new FieldError("cartonsPerPallet",
                    Wording.of("space.needs_unitspercarton_a_pallet_is_counted")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static void millimetres(List<FieldError> errors, String field, Integer value) {
        if (value == null) {
            errors.add(new FieldError(field, Wording.of("space.is_required_in_millimetres")));
        } else if (value < 1 || value > MAX_MM) {
            errors.add(new FieldError(field, Wording.of("space.must_be_1_to_mm", MAX_MM)));
        }
    }
}
