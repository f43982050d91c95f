package org.ordo.purchasing;

import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;

import java.util.List;

import org.ordo.platform.FieldError;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.ordo.purchasing.internal.PurchaseOrders;

/** The field checks every purchasing command shares, each adding a {@link FieldError} naming the field it refuses. */
final class PurchasingInput {

    /** A bin's code, as {@code bin.code} holds it. */
    static final int MAX_BIN = 32;

    private PurchasingInput() {
    }

    static PurchaseOrders.Line lineOf(List<FieldError> errors, String field, Integer lineNo,
            List<PurchaseOrders.Line> lines) {
        if (lineNo == null) {
            errors.add(new FieldError(field, Wording.of("purchasing.is_required_a_line_number_of")));
            return null;
        }
        PurchaseOrders.Line line = lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
        if (line == null) {
            errors.add(new FieldError(field, Wording.of("purchasing.is_not_a_line_of_this")));
        }
        return line;
    }

    /** The fault of a SKU the catalog does not have: none given, or one it does not know. */
    static Wording missingSku(String sku) {
        return Wording.of(sku == null ? "platform.is_required" : "purchasing.is_not_a_known_sku");
    }

    static void quantity(List<FieldError> errors, String field, Long value, long min, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, Wording.of("platform.is_required_a_whole_number")));
            }
        } else if (value < min || value > MAX_QUANTITY) {
            errors.add(new FieldError(field, Wording.of("purchasing.must_be_between_and", min, MAX_QUANTITY)));
        }
    }

    static String text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Wording fault = TextInput.fault(value, false);
        if (fault != null) {
            errors.add(new FieldError(field, fault));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, Wording.of("platform.must_be_at_most_characters", max)));
        }
        return value.trim();
    }

    static String required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, Wording.of("purchasing.is_required_say_why")));
            return null;
        }
        return text(errors, field, value, max);
    }
}
