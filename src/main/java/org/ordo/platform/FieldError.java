package org.ordo.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid field of a request: {@code field} is a path such as {@code lines[1].quantity}; {@code pointer}, for a
 * fault in a JSON body, is the same place as an RFC 6901 JSON pointer ({@code /lines/1/quantity}).
 */
public record FieldError(String field, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String pointer) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
