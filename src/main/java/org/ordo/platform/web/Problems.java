package org.ordo.platform.web;

import java.net.URI;
import java.util.List;

import org.ordo.platform.FieldError;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;

/** Builds RFC 9457 problem answers; types are {@code urn:ordo:problem:<name>}. */
public final class Problems {

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
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** A short, safe message for a JSON problem, without class names or echoed input. */
    public static String message(JacksonException e) {
        String original = e.getOriginalMessage();
        if (original == null) {
            return "is not valid JSON";
        }
        String lower = original.toLowerCase();
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "is not a known field";
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
            if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
                return "must be a number";
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
