package org.ordo.platform;

import java.util.Map;

/**
 * The request is valid but clashes with the current state (short stock, a duplicate, an illegal transition);
 * answered 409 with the problem type and any extra properties (e.g. the short lines).
 */
public class ConflictException extends RuntimeException {

    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    public ConflictException(String type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public ConflictException(String type, String title, String detail) {
        this(type, title, detail, Map.of());
    }

    /** Short name of the problem type, e.g. {@code insufficient-stock}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
