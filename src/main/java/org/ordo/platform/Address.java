package org.ordo.platform;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A postal address; {@code country} is ISO 3166-1 alpha-2. The limits are constants so that the OpenAPI document
 * states the same ones {@link #problems} checks.
 */
public record Address(
        @Schema(example = "Erika Mustermann", requiredMode = REQUIRED, maxLength = NAME) String name,
        @Schema(maxLength = NAME) String company,
        @Schema(example = "Hauptstr. 1", requiredMode = REQUIRED, maxLength = STREET) String street,
        @Schema(maxLength = STREET) String street2,
        @Schema(example = "10115", requiredMode = REQUIRED, maxLength = POSTAL_CODE) String postalCode,
        @Schema(example = "Berlin", requiredMode = REQUIRED, maxLength = CITY) String city,
        @Schema(maxLength = REGION) String region,
        @Schema(example = "DE", requiredMode = REQUIRED, minLength = 2, maxLength = 2, pattern = "^[A-Z]{2}$")
        String country,
        @Schema(maxLength = PHONE) String phone) {

    static final int NAME = 200;
    static final int STREET = 200;
    public static final int POSTAL_CODE = 20;
    static final int CITY = 100;
    public static final int REGION = 100;
    static final int PHONE = 40;

    /** Checks what shipping needs; names each faulty field under {@code prefix}. */
    public List<FieldError> problems(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, prefix + ".name", name, NAME);
        require(errors, prefix + ".street", street, STREET);
        require(errors, prefix + ".postalCode", postalCode, POSTAL_CODE);
        require(errors, prefix + ".city", city, CITY);
        if (country == null || country.isBlank()) {
            errors.add(new FieldError(prefix + ".country", Wording.of("platform.is_required")));
        } else if (!Locales.isCountry(country)) {
            errors.add(new FieldError(prefix + ".country", Wording.of("platform.is_not_an_iso_3166_alpha")));
        }
        limit(errors, prefix + ".company", company, NAME);
        limit(errors, prefix + ".street2", street2, STREET);
        limit(errors, prefix + ".region", region, REGION);
        limit(errors, prefix + ".phone", phone, PHONE);
        return errors;
    }

    private static void require(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, Wording.of("platform.is_required")));
        } else {
            limit(errors, field, value, max);
        }
    }

    private static void limit(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, Wording.of("platform.must_be_at_most_characters", max)));
        }
    }
}
