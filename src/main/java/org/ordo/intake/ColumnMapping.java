package org.ordo.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;

/**
 * Which column of a source's files holds which field, and values for fields no column holds. Saved per source and
 * kind; a source without a saved mapping uses columns named like the fields.
 */
@Schema(name = "ImportColumnMapping")
public record ColumnMapping(
        @Schema(maxProperties = MAX_FIELDS, description = "field → the column's header as it is in the file (1-200 characters)",
                example = "{\"reference\":\"Order No\",\"sku\":\"Article\",\"quantity\":\"Qty\"}") Map<String, String> columns,
        @Schema(maxProperties = MAX_FIELDS, description = "field → the value when no column holds it or the cell is empty (1-2000 characters)",
                example = "{\"currency\":\"EUR\",\"paymentMethod\":\"invoice\"}") Map<String, String> defaults) {

    /** More than any kind of file has fields; the API document states it. */
    public static final int MAX_FIELDS = 64;

    public ColumnMapping {
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        defaults = defaults == null ? Map.of() : new LinkedHashMap<>(defaults);
    }

    /** Columns named like the fields (compared without regard to case). */
    public static ColumnMapping byFieldNames() {
        return new ColumnMapping(Map.of(), Map.of());
    }

    /** Refuses fields the kind does not have and texts that are empty, too long or hold control characters. */
    public void check(ImportKind kind) {
        List<FieldError> errors = new ArrayList<>();
        if (columns.size() > MAX_FIELDS) {
            errors.add(new FieldError("columns", Wording.of("intake.must_map_at_most_fields", MAX_FIELDS)));
        }
        if (defaults.size() > MAX_FIELDS) {
            errors.add(new FieldError("defaults", Wording.of("intake.must_give_at_most_fields", MAX_FIELDS)));
        }
        columns.forEach((field, column) -> {
            if (!kind.fields().contains(field)) {
                errors.add(new FieldError("columns." + field, Wording.of("intake.is_not_a_field_of_files", kind.code(),
                        kind.fields())));
            } else if (column == null || column.isBlank() || column.length() > 200) {
                errors.add(new FieldError("columns." + field, Wording.of("intake.must_name_a_column_1_200")));
            } else if (TextInput.fault(column, false) != null) {
                errors.add(new FieldError("columns." + field, TextInput.fault(column, false)));
            }
        });
        defaults.forEach((field, value) -> {
            if (!kind.fields().contains(field)) {
                errors.add(new FieldError("defaults." + field, Wording.of("intake.is_not_a_field_of_files", kind.code(),
                        kind.fields())));
            } else if (value == null || value.isEmpty() || value.length() > 2000) {
                errors.add(new FieldError("defaults." + field, Wording.of("intake.must_be_1_2000_characters")));
            } else if (TextInput.fault(value, false) != null) {
                errors.add(new FieldError("defaults." + field, TextInput.fault(value, false)));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The header a field is read from. */
    public String columnOf(String field) {
        return columns.getOrDefault(field, field);
    }
}
