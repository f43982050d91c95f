import java.util.Map;

/**
 * One hostile request: the family that made it (which judges the answer), the fault it carries (the report's row),
 * and what goes on the wire. {@code body} null: no body (GET, or an action without one).
 */
record Request(Family family, String fault, String method, String path, Map<String, String> headers, byte[] body,
        boolean chunked) {
}
