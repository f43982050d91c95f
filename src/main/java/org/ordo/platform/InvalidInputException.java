package org.ordo.platform;

import java.util.List;

/** The request is well-formed but its content is not acceptable; answered 422 with the fields named. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInputException(String field, Wording wording) {
        this(List.of(new FieldError(field, wording)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
