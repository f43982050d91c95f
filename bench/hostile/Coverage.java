import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which operations of the live API document the run aims at. Every operation that takes a body or parameters must be
 * aimed at by a request family or be skipped with a reason (bench/fault-hostile.sh lists them); otherwise the run
 * fails, so that a new endpoint cannot slip past it.
 */
final class Coverage {

    /** {@code roles}: who may call it, as its description says ("Who may call it: ADMIN, WAREHOUSE"); empty: open. */
    record Operation(String method, String template, boolean takesInput, Pattern pattern, List<String> roles) {

        String key() {
            return method + " " + template;
        }

        int variables() {
            return template.split("\\{", -1).length - 1;
        }
    }

    private static final Pattern WHO = Pattern.compile("Who may call it: ([A-Z]+(?:, [A-Z]+)*)");

    final List<Operation> operations = new ArrayList<>();
    final Map<String, List<String>> aimedBy = new TreeMap<>();
    final Map<String, String> skipped;

    Coverage(Map<String, Object> document, Map<String, String> skipped) {
        this.skipped = skipped;
        Json.map(document.get("paths")).forEach((template, item) -> {
            Map<String, Object> path = Json.map(item);
            boolean pathParameters = path.get("parameters") instanceof List<?> l && !l.isEmpty();
            path.forEach((method, op) -> {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    return;
                }
                Map<String, Object> operation = Json.map(op);
                boolean input = pathParameters || operation.get("requestBody") != null
                        || operation.get("parameters") instanceof List<?> l && !l.isEmpty();
                String regex = java.util.Arrays.stream(template.split("/", -1))
                        .map(s -> s.startsWith("{") ? "[^/]+" : Pattern.quote(s))
                        .reduce((a, b) -> a + "/" + b).orElse("");
                java.util.regex.Matcher who = WHO.matcher(String.valueOf(operation.get("description")));
                List<String> roles = who.find() ? List.of(who.group(1).split(", ")) : List.of();
                operations.add(new Operation(method.toUpperCase(), template, input, Pattern.compile(regex), roles));
            });
        });
    }

    /** Notes what a family aims at: each "METHOD /path" to the most specific operation it matches. */
    void aim(String family, List<String> aims) {
        for (String aim : aims) {
            int space = aim.indexOf(' ');
            String method = aim.substring(0, space);
            String path = aim.substring(space + 1).replaceAll("\\?.*", "");
            operations.stream().filter(o -> o.method.equals(method) && o.pattern.matcher(path).matches())
                    .min(java.util.Comparator.comparingInt(Operation::variables))
                    .ifPresent(o -> {
                        List<String> families = aimedBy.computeIfAbsent(o.key(), k -> new ArrayList<>());
                        if (!families.contains(family)) {
                            families.add(family);
                        }
                    });
        }
    }

    /**
     * Whether a key of this role may call the operation a request goes to (its most specific match), as the live
     * document says: a request with such a key is no under-privileged one, whatever it does.
     */
    boolean allows(String role, String method, String path) {
        String bare = path.replaceAll("\\?.*", "");
        return operations.stream().filter(o -> o.method.equals(method) && o.pattern.matcher(bare).matches())
                .min(java.util.Comparator.comparingInt(Operation::variables))
                .map(o -> o.roles.contains(role)).orElse(false);
    }

    /** Operations that take input and are neither aimed at nor skipped. */
    List<String> missing() {
        return operations.stream().filter(o -> o.takesInput && !aimedBy.containsKey(o.key())
                && !skipped.containsKey(o.key())).map(Operation::key).toList();
    }

    String report() {
        long withInput = operations.stream().filter(Operation::takesInput).count();
        StringBuilder out = new StringBuilder(String.format("Coverage of the live API document: %d operations, %d take"
                + " a body or parameters; %d of them aimed at, %d skipped with a reason, %d missing.%n",
                operations.size(), withInput, operations.stream().filter(o -> o.takesInput && aimedBy.containsKey(o.key())).count(),
                operations.stream().filter(o -> o.takesInput && !aimedBy.containsKey(o.key()) && skipped.containsKey(o.key())).count(),
                missing().size()));
        Map<String, List<String>> byFamily = new LinkedHashMap<>();
        aimedBy.forEach((op, families) -> byFamily.computeIfAbsent(String.join(", ", families), k -> new ArrayList<>()).add(op));
        byFamily.forEach((families, ops) -> {
            out.append("  covered by ").append(families).append(":\n");
            ops.forEach(op -> out.append("    ").append(op).append('\n'));
        });
        operations.stream().filter(o -> o.takesInput && !aimedBy.containsKey(o.key()) && skipped.containsKey(o.key()))
                .forEach(o -> out.append("  skipped: ").append(o.key()).append(" (").append(skipped.get(o.key())).append(")\n"));
        missing().forEach(op -> out.append("  MISSING: ").append(op).append('\n'));
        return out.toString();
    }
}
