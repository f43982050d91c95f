package org.ordo.platform;

import java.util.Map;

/**
 * A conditional request whose condition does not hold: 412 when the resource changed since the client read it
 * (its If-Match names an older version), 428 when a change that must be conditional came without If-Match.
 * Answered as a problem with the type and any extra properties (e.g. the current version).
 */
public class PreconditionException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;
    private final Wording wording;

    private PreconditionException(int status, String type, String title, String detail,
            Map<String, Object> properties) {
        this(status, type, title, detail, null, properties);
    }

    private PreconditionException(int status, String type, String title, String detail, Wording wording,
            Map<String, Object> properties) {
        super(detail);
        this.wording = wording;
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    /** 412: someone else changed it first; read it again and decide again. */
    public static PreconditionException failed(String type, String title, String detail,
            Map<String, Object> properties) {
        return new PreconditionException(412, type, title, detail, properties);
    }

    /** 412, said in the reader's language. */
    public static PreconditionException failed(String type, String title, Wording detail,
            Map<String, Object> properties) {
        return new PreconditionException(412, type, title, detail.english(), detail, properties);
    }

    /** 428, said in the reader's language. */
    public static PreconditionException required(Wording detail) {
        return new PreconditionException(428, "precondition-required", "If-Match required", detail.english(),
                detail, Map.of());
    }

    /** 428: the request must say which version it changes. */
    public static PreconditionException required(String detail) {
        return new PreconditionException(428, "precondition-required", "If-Match required", detail, Map.of());
    }

    public int status() {
        return status;
    }

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
