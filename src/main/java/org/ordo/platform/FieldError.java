package org.ordo.platform;

/** One invalid field of a request: {@code field} is a JSON path such as {@code lines[1].quantity}. */
public record FieldError(String field, String message) {
}
