package org.ordo.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid field of a request: {@code field} is a path such as {@code lines[1].quantity}; {@code pointer}, for a
 * fault in a JSON body, is the same place as an RFC 6901 JSON pointer ({@code /lines/1/quantity}). {@code message}
 * is the English sentence the API answers; {@code wording}, where Ordo wrote the sentence, lets the back office and
 * the customer's pages say it in the reader's language (a fault found by a parser Ordo uses has none).
 */
public record FieldError(String field, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String pointer,
        @JsonIgnore Wording wording) {

    public FieldError(String field, String message, String pointer) {
        this(field, message, pointer, null);
    }

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }

    public FieldError(String field, Wording wording) {
        this(field, wording.english(), null, wording);
    }

    public FieldError(String field, Wording wording, String pointer) {
        this(field, wording.english(), pointer, wording);
    }

    /** The same fault at another place (e.g. the field of a line named by its index). */
    public FieldError at(String otherField) {
        return new FieldError(otherField, message, pointer, wording);
    }
}
