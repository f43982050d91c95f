package org.ordo.inventory;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;

public record LocationDraft(
        @Schema(example = "BER") String code,
        @Schema(example = "Berlin") String name,
        @Schema(example = "1", description = "lower ships first") Integer priority,
        Address address,
        Boolean active) {

    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,15}")) {
            errors.add(new FieldError("code", "is required: 1-16 letters, digits, '_' or '-'"));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "is required, at most 100 characters"));
        }
        if (priority == null || priority < 0 || priority > 1000) {
            errors.add(new FieldError("priority", "is required, 0 to 1000 (lower ships first)"));
        }
        if (address != null) {
            errors.addAll(address.problems("address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
