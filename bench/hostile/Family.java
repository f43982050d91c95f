import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * A family of hostile requests, one per endpoint family: which operations of the API it aims at, how it makes a
 * request, and how an answer is judged. A new endpoint gets requests by adding to a family (or a new family to
 * {@link Hostile#families}); the run fails while an operation of the live API document is neither aimed at nor
 * skipped with a reason in bench/fault-hostile.sh.
 */
abstract class Family {

    final String name;
    final Generators g;

    Family(String name, Generators g) {
        this.name = name;
        this.g = g;
    }

    /** "METHOD /path" of what this family sends: templates or concrete paths (matched to the document's templates). */
    abstract List<String> aims();

    abstract Request next();

    /** How often this family is drawn, relative to the others. */
    abstract int weight();

    /**
     * The rows one accepted (2xx) request of this family adds, by table: what the row comparison allows beside no
     * change at all. Empty (the default): an accepted request may change nothing.
     */
    Map<String, Integer> addsWhenAccepted(Request request, int status) {
        return Map.of();
    }

    /** Last touches as the request leaves (a signature of the moment). */
    void prepare(Request request, HttpRequest.Builder builder) throws Exception {
    }

    /**
     * The status to count, given the answer; below zero for an answer that is wrong though not a 5xx (see
     * {@link Hostile#TAKEN}).
     */
    int judge(Request request, int status, String body) {
        return status;
    }

    // --- the generators' words, short, for the request builders ---------------------------------------------------

    String hostile() {
        return g.hostile();
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return g.pick(options);
    }

    static java.util.Map<String, Object> map(Object... keysAndValues) {
        return Generators.map(keysAndValues);
    }

    static String enc(String s) {
        return Generators.enc(s);
    }

    /** Headers with the admin key, and more pairs of name and value. */
    static java.util.Map<String, String> headers(String key, String... more) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }
}
