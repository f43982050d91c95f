package org.ordo.platform.web;

import java.net.URI;
import java.util.List;

import org.ordo.platform.FieldError;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;

/** Builds RFC 9457 problem answers; types are {@code urn:ordo:problem:<name>}. */
public final class Problems {

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("Duplicate Object property \"([^\"]{1,100})\"");

    private Problems() {
    }

    public static URI type(String name) {
        return URI.create("urn:ordo:problem:" + name);
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(HttpStatusCode status, String title, List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse(title);
        ProblemDetail problem = of(status, "validation", title, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The JSON path of a parse or binding error, e.g. {@code lines[0].quantity}; {@code body} when unknown. */
    public static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (Object segment : segments(e)) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(segment);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The same place as an RFC 6901 JSON pointer, e.g. {@code /lines/0/quantity}; {@code ""} is the whole body. */
    public static String pointer(JacksonException e) {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments(e)) {
            pointer.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static final java.util.regex.Pattern BODY_PATH =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+|\\[[0-9]+\\])*");

    /**
     * A field path as the API writes it ({@code lines[0].quantity}, {@code name.en}) as a JSON pointer
     * ({@code /lines/0/quantity}); null for a name that is no path into a body (a header such as Idempotency-Key).
     */
    public static String pointer(String field) {
        if ("body".equals(field)) {
            return "";
        }
        if (field == null || !BODY_PATH.matcher(field).matches()) {
            return null;
        }
        return "/" + field.replace("[", ".").replace("]", "").replace('.', '/');
    }

    /** The errors with their JSON pointers added, for faults found in a JSON body after it was read. */
    public static List<FieldError> inBody(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() != null ? e
                : new FieldError(e.field(), e.message(), pointer(e.field()))).toList();
    }

    /**
     * Property names and list indexes from the document's root to the fault: from the binding path, or for a
     * fault the parser found (a duplicate key) from where the parser stood.
     */
    private static List<Object> segments(JacksonException e) {
        List<Object> segments = new java.util.ArrayList<>();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                segments.add(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                segments.add(ref.getIndex());
            }
        }
        if (segments.isEmpty() && e instanceof tools.jackson.core.exc.StreamReadException read
                && read.processor() != null) {
            try {
                tools.jackson.core.JsonPointer at = read.processor().streamReadContext().pathAsPointer();
                for (; at != null && !at.matches(); at = at.tail()) {
                    segments.add(at.getMatchingIndex() >= 0 ? (Object) at.getMatchingIndex() : at.getMatchingProperty());
                }
            } catch (RuntimeException ignored) {
                // the parser is gone: the body as a whole is named
            }
        }
        // The parser reports a key given twice before it moves onto it: name the key itself.
        if (e instanceof tools.jackson.core.exc.StreamReadException) {
            java.util.regex.Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.lookingAt() && (segments.isEmpty()
                    || !duplicate.group(1).equals(segments.get(segments.size() - 1)))) {
                segments.add(duplicate.group(1));
            }
        }
        return segments;
    }

    /** A short, safe message for a JSON problem, without class names or echoed input. */
    public static String message(JacksonException e) {
        String original = e.getOriginalMessage();
        if (original == null) {
            return "is not valid JSON";
        }
        String lower = original.toLowerCase();
        if (e instanceof org.ordo.platform.StrictJson.Refused) {
            return original;
        }
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "is not a known field";
        }
        if (e instanceof tools.jackson.databind.exc.InvalidNullException) {
            return "must not be null";
        }
        if (lower.startsWith("duplicate")) {
            return "is given twice: each key may appear once";
        }
        if (lower.contains("out of range") || lower.contains("overflow") || lower.contains("too large")
                || lower.contains("exceeds the maximum")) {
            return "is out of range";
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target == null) {
                return "has the wrong type or format";
            }
            if (target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            if (target == Integer.class || target == Long.class || target == Short.class || target == int.class
                    || target == long.class || target == short.class || target == java.math.BigInteger.class) {
                return "must be a whole number written as a JSON integer, such as 2";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "must be true or false";
            }
            if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
                return "must be a number";
            }
            if (target == String.class) {
                return "must be a string";
            }
            if (java.util.Collection.class.isAssignableFrom(target)) {
                return "must be a list";
            }
            return "has the wrong type or format";
        }
        // Parser errors (broken JSON) describe the syntax, not the client's data; keep the position out.
        int at = original.indexOf(" at [");
        String text = (at > 0 ? original.substring(0, at) : original).replaceAll("\\(.*", "").trim();
        return "is not valid JSON: " + (text.length() > 120 ? text.substring(0, 120) : text);
    }
}
