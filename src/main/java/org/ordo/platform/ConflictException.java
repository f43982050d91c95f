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
    private final Wording wording;

    public ConflictException(String type, String title, String detail, Map<String, Object> properties) {
        this(type, title, detail, null, properties);
    }

    public ConflictException(String type, String title, Wording detail, Map<String, Object> properties) {
        this(type, title, detail.english(), detail, properties);
    }

    public ConflictException(String type, String title, Wording detail) {
        this(type, title, detail, Map.of());
    }

    private ConflictException(String type, String title, String detail, Wording wording,
            Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.title = title;
        this.wording = wording;
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

    /** The detail in words the reader's language can say; {@code null} where it was only written in English. */
    public Wording wording() {
        return wording;
    }
}
