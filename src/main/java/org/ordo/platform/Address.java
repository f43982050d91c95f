package org.ordo.platform;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A postal address; {@code country} is ISO 3166-1 alpha-2. */
public record Address(
        @Schema(example = "Erika Mustermann") String name,
        String company,
        @Schema(example = "Hauptstr. 1") String street,
        String street2,
        @Schema(example = "10115") String postalCode,
        @Schema(example = "Berlin") String city,
        String region,
        @Schema(example = "DE") String country,
        String phone) {

    /** Checks what shipping needs; names each faulty field under {@code prefix}. */
    public List<FieldError> problems(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, prefix + ".name", name, 200);
        require(errors, prefix + ".street", street, 200);
        require(errors, prefix + ".postalCode", postalCode, 20);
        require(errors, prefix + ".city", city, 100);
        if (country == null || country.isBlank()) {
            errors.add(new FieldError(prefix + ".country", "is required"));
        } else if (!Locales.isCountry(country)) {
            errors.add(new FieldError(prefix + ".country", "is not an ISO 3166 alpha-2 country code"));
        }
        limit(errors, prefix + ".company", company, 200);
        limit(errors, prefix + ".street2", street2, 200);
        limit(errors, prefix + ".region", region, 100);
        limit(errors, prefix + ".phone", phone, 40);
        return errors;
    }

    private static void require(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            limit(errors, field, value, max);
        }
    }

    private static void limit(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
