package org.ordo.inventory;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

public record LocationDraft(
        @Schema(example = "BER", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^" + CODE + "$", maxLength = 16,
                description = "when changing a location: the one in the path") String code,
        @Schema(example = "Berlin", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NAME) String name,
        @Schema(example = "1", description = "lower ships first", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "" + MAX_PRIORITY)
        Integer priority,
        Address address,
        Boolean active) {

    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,15}";
    private static final int NAME = 100;
    private static final int MAX_PRIORITY = 1000;

    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches(CODE)) {
            errors.add(new FieldError("code", Wording.of("inventory.is_required_1_16_letters_digits")));
        }
        if (name == null || name.isBlank() || name.length() > NAME) {
            errors.add(new FieldError("name", Wording.of("inventory.is_required_at_most_100_characters")));
        }
        if (priority == null || priority < 0 || priority > MAX_PRIORITY) {
            errors.add(new FieldError("priority", Wording.of("inventory.is_required_0_to_1000_lower")));
        }
        if (address != null) {
            errors.addAll(address.problems("address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
