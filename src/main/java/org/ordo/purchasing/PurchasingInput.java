package org.ordo.purchasing;

import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;

import java.util.List;

import org.ordo.platform.FieldError;
import org.ordo.platform.TextInput;
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
            errors.add(new FieldError(field, "is required: a line number of the order"));
            return null;
        }
        PurchaseOrders.Line line = lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
        if (line == null) {
            errors.add(new FieldError(field, "is not a line of this order"));
        }
        return line;
    }

    static void quantity(List<FieldError> errors, String field, Long value, long min, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: a whole number"));
            }
        } else if (value < min || value > MAX_QUANTITY) {
            errors.add(new FieldError(field, "must be between " + min + " and " + MAX_QUANTITY));
        }
    }

    static String text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String fault = TextInput.fault(value, false);
        if (fault != null) {
            errors.add(new FieldError(field, fault));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value.trim();
    }

    static String required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: say why"));
            return null;
        }
        return text(errors, field, value, max);
    }
}
