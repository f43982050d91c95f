package org.ordo.intake.internal;

import java.util.ArrayList;
import java.util.List;

import org.ordo.intake.FileImport;
import org.ordo.platform.Wording;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A row error's text as it is kept in {@code file_import_error.message}: a {@link Wording} as its key and arguments
 * ({@code wording:{"key":...,"args":[...]}}, an argument that is itself a wording nested the same way), so that the
 * preview says it in each reader's language; a text Ordo did not write (a parser's, or one kept before) as it came.
 */
final class StoredWording {

    static final String PREFIX = "wording:";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredWording() {
    }

    /** The column's text for an error: its wording, or its message where it has none. */
    static String of(FileImport.RowError error) {
        return error.wording() == null ? error.message() : PREFIX + json(error.wording());
    }

    /** A wording as JSON, without the prefix (for SQL that nests it in another). */
    static String json(Wording wording) {
        return JSON.writeValueAsString(tree(wording));
    }

    /** The error a stored text describes. */
    static FileImport.RowError read(int row, String column, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return new FileImport.RowError(row, column, stored);
        }
        return new FileImport.RowError(row, column, wording(JSON.readTree(stored.substring(PREFIX.length()))));
    }

    private static ObjectNode tree(Wording wording) {
        ObjectNode node = JSON.createObjectNode().put("key", wording.key());
        ArrayNode args = node.putArray("args");
        for (Object arg : wording.args()) {
            if (arg instanceof Wording nested) {
                args.add(tree(nested));
            } else {
                args.add(String.valueOf(arg));
            }
        }
        return node;
    }

    private static Wording wording(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : node.get("args")) {
            args.add(arg.isObject() ? wording(arg) : arg.asString());
        }
        return new Wording(node.get("key").asString(), args);
    }
}
