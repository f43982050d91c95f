import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Schema-driven fault run: reads the live OpenAPI document and derives, for every operation, requests that break
 * it: a required property left out, a value of the wrong JSON type, a value one past a stated limit (maxLength,
 * maximum, minimum, maxItems, maxProperties), null for a required property, a control character in a text, a key
 * given twice, an unknown property, a body over the size limit, a wrong media type; for parameters a value of the
 * wrong type, past its limits or with a control character. Each must be refused with a 4xx problem answer
 * (application/problem+json); none may get a 2xx or a 5xx. JDK only (the document is read by a small JSON reader
 * below):
 *   java bench/SchemaHostile.java BASE_URL ADMIN_KEY N [SEED]
 * Prints the requests and answers per class and status; exits 1 when any answer is a 2xx, a 5xx or not a problem.
 * Rows are compared before and after by bench/fault-schema.sh.
 */
public class SchemaHostile {

    record Probe(String kind, String method, String path, String contentType, byte[] body) {
    }

    static Map<String, Object> document;
    static final Random RANDOM = new Random();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int n = Integer.parseInt(args[2]);
        RANDOM.setSeed(args.length > 3 ? Long.parseLong(args[3]) : 42);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String text = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        document = map(new Reader(text).value());

        List<Probe> probes = new ArrayList<>();
        map(document.get("paths")).forEach((template, item) -> map(item).forEach((method, op) -> {
            if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            probes.addAll(probesOf(method.toUpperCase(), template, map(op)));
        }));
        System.out.println("Derived " + probes.size() + " hostile requests from " + map(document.get("paths")).size()
                + " paths; sending " + n + " (round robin, shuffled)");
        java.util.Collections.shuffle(probes, RANDOM);

        Map<String, Map<Integer, Integer>> answers = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < n && !probes.isEmpty(); i++) {
            Probe p = probes.get(i % probes.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + p.path()))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            if (p.body() != null) {
                request.header("Content-Type", p.contentType())
                        .method(p.method(), HttpRequest.BodyPublishers.ofByteArray(p.body()));
            } else {
                request.method(p.method(), HttpRequest.BodyPublishers.noBody());
            }
            int status;
            String type;
            String body;
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                type = answer.headers().firstValue("Content-Type").orElse("");
                body = answer.body();
            } catch (java.io.IOException e) {
                status = -1;
                type = "";
                body = String.valueOf(e);
            }
            answers.computeIfAbsent(p.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")) {
                bad.add(p.kind() + " " + p.method() + " " + p.path() + " -> " + status + " " + type + " "
                        + body.substring(0, Math.min(200, body.length())));
            }
        }
        System.out.printf("%-28s %8s  %s%n", "class", "requests", "answers by status");
        answers.forEach((kind, byStatus) -> System.out.printf("%-28s %8d  %s%n", kind,
                byStatus.values().stream().mapToInt(Integer::intValue).sum(), byStatus));
        System.out.println("Not refused with a 4xx problem: " + bad.size());
        bad.stream().limit(30).forEach(b -> System.out.println("  " + b));
        System.exit(bad.isEmpty() ? 0 : 1);
    }

    static List<Probe> probesOf(String method, String template, Map<String, Object> op) {
        List<Probe> probes = new ArrayList<>();
        List<Object> parameters = op.containsKey("parameters") ? list(op.get("parameters")) : List.of();
        // demo data has an order SO-100001; other path variables name nothing or are probed for their form
        Supplier<String> path = () -> {
            String p = template;
            for (Object o : parameters) {
                Map<String, Object> parameter = map(o);
                if ("path".equals(parameter.get("in"))) {
                    Map<String, Object> schema = map(parameter.get("schema"));
                    String value = "uuid".equals(schema.get("format")) ? UUID.randomUUID().toString()
                            : template.startsWith("/api/v1/orders/") ? "SO-100001" : "HOSTILE-1";
                    p = p.replace("{" + parameter.get("name") + "}", value);
                }
            }
            return p;
        };
        Map<String, Object> content = op.containsKey("requestBody")
                ? map(map(op.get("requestBody")).get("content")) : Map.of();
        // parameters only of reads: a changing operation without a body could act on a fault it ignores
        for (Object o : "GET".equals(method) ? parameters : List.<Object>of()) {
            Map<String, Object> parameter = map(o);
            String in = (String) parameter.get("in");
            if (!"query".equals(in) && !"path".equals(in) || !content.isEmpty() && "query".equals(in)) {
                continue;
            }
            Map<String, Object> schema = map(parameter.get("schema"));
            String name = (String) parameter.get("name");
            for (Map.Entry<String, String> fault : parameterFaults(schema).entrySet()) {
                String p = "path".equals(in) ? path.get().replaceFirst("[^/]*$", "")
                        + URLEncoder.encode(fault.getValue(), StandardCharsets.UTF_8).replace("+", "%20")
                        : path.get() + (path.get().contains("?") ? "&" : "?") + name + "="
                                + URLEncoder.encode(fault.getValue(), StandardCharsets.UTF_8);
                if ("path".equals(in) && !template.endsWith("{" + name + "}")) {
                    continue; // only the last segment is replaced safely
                }
                probes.add(new Probe("param " + fault.getKey(), method, p, null, null));
            }
        }
        if (content.containsKey("application/json")) {
            Map<String, Object> schema = resolve(map(map(content.get("application/json")).get("schema")));
            if (schema.containsKey("properties")) {
                probes.addAll(bodyProbes(method, path.get(), schema));
            }
        } else if (!content.isEmpty()) {
            String type = content.keySet().iterator().next();
            probes.add(new Probe("file wrong media type", method, path.get(), "application/x-hostile",
                    "x".getBytes(StandardCharsets.UTF_8)));
            probes.add(new Probe("file empty", method, path.get(), type, new byte[0]));
        }
        if (!content.isEmpty()) {
            String type = content.keySet().iterator().next();
            byte[] huge = new byte[(1 << 20) + 1];
            java.util.Arrays.fill(huge, (byte) 'x');
            probes.add(new Probe("body over size limit", method, path.get(), type, huge));
        }
        return probes;
    }

    static Map<String, String> parameterFaults(Map<String, Object> schema) {
        Map<String, String> faults = new LinkedHashMap<>();
        String type = String.valueOf(schema.get("type"));
        if ("integer".equals(type)) {
            faults.put("wrong type", "abc");
            faults.put("not whole", "1.5");
            if (schema.containsKey("maximum")) {
                faults.put("over maximum", String.valueOf(number(schema.get("maximum")) + 1));
            }
            if (schema.containsKey("minimum")) {
                faults.put("under minimum", String.valueOf(number(schema.get("minimum")) - 1));
            }
        } else if ("boolean".equals(type)) {
            faults.put("wrong type", "yes");
        } else if (schema.containsKey("enum")) {
            faults.put("not in enum", "HOSTILE");
        } else if ("uuid".equals(schema.get("format"))) {
            faults.put("wrong type", "not-a-uuid");
        } else if ("date-time".equals(schema.get("format"))) {
            faults.put("wrong type", "2026-02-30T25:00:00");
        }
        if ("string".equals(type)) {
            faults.put("control character", "a\u0001b");
        }
        return faults;
    }

    static List<Probe> bodyProbes(String method, String path, Map<String, Object> schema) {
        List<Probe> probes = new ArrayList<>();
        Map<String, Object> properties = map(schema.get("properties"));
        List<Object> required = schema.containsKey("required") ? list(schema.get("required")) : List.of();
        probes.add(json("missing required", method, path, "{}"));
        for (Object r : required) {
            probes.add(json("null for required", method, path, "{\"" + r + "\":null}"));
        }
        probes.add(json("unknown property", method, path, "{\"hostile\":1}"));
        properties.forEach((name, p) -> {
            Map<String, Object> property = resolve(map(p));
            String type = String.valueOf(property.get("type"));
            String wrong = switch (type) {
                case "string" -> "12345";
                case "integer" -> "\"1\"";
                case "boolean" -> "1";
                case "array" -> "{}";
                case "object" -> "[]";
                default -> null;
            };
            if (wrong != null) {
                probes.add(json("wrong type", method, path, "{\"" + name + "\":" + wrong + "}"));
            }
            probes.add(json("duplicate key", method, path, "{\"" + name + "\":" + sample(property) + ",\"" + name
                    + "\":" + sample(property) + "}"));
            String over = over(property);
            if (over != null) {
                probes.add(json("over limit", method, path, "{\"" + name + "\":" + over + "}"));
            }
            if (property.containsKey("minimum")) {
                probes.add(json("under minimum", method, path, "{\"" + name + "\":"
                        + (number(property.get("minimum")) - 1) + "}"));
            }
            if ("string".equals(type) && !property.containsKey("enum")) {
                probes.add(json("control character", method, path, "{\"" + name + "\":\"a\\u0001b\"}"));
                probes.add(json("lone surrogate", method, path, "{\"" + name + "\":\"\\ud800\"}"));
            }
        });
        return probes;
    }

    static String over(Map<String, Object> property) {
        String type = String.valueOf(property.get("type"));
        if ("string".equals(type) && property.containsKey("maxLength") && !property.containsKey("enum")) {
            return "\"" + "A".repeat((int) number(property.get("maxLength")) + 1) + "\"";
        }
        if ("integer".equals(type) && property.containsKey("maximum")) {
            return String.valueOf(number(property.get("maximum")) + 1);
        }
        if ("array".equals(type) && property.containsKey("maxItems")) {
            return "[" + String.join(",", java.util.Collections.nCopies((int) number(property.get("maxItems")) + 1,
                    sample(resolve(map(property.get("items")))))) + "]";
        }
        if ("object".equals(type) && property.containsKey("maxProperties")) {
            StringBuilder map = new StringBuilder("{");
            for (long i = 0; i <= number(property.get("maxProperties")); i++) {
                map.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"x\"");
            }
            return map.append('}').toString();
        }
        return null;
    }

    static String sample(Map<String, Object> property) {
        return switch (String.valueOf(property.get("type"))) {
            case "integer" -> "1";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "object" -> "{}";
            default -> "\"x\"";
        };
    }

    static Probe json(String kind, String method, String path, String body) {
        return new Probe("json " + kind, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        return map(map(map(document.get("components")).get("schemas")).get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** Enough JSON to read an OpenAPI document: objects keep their order; numbers are longs or doubles. */
    static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return object;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    i++; // ':'
                    object.put(key, value());
                    skip();
                    if (s.charAt(i++) == '}') {
                        return object;
                    }
                }
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return array;
                }
                while (true) {
                    array.add(value());
                    skip();
                    if (s.charAt(i++) == ']') {
                        return array;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String token = s.substring(start, i);
            return switch (token) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> token.contains(".") || token.contains("e") || token.contains("E")
                        ? (Object) Double.parseDouble(token) : (Object) Long.parseLong(token);
            };
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
