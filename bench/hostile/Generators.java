import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What every request family draws from: one seeded random source (a run is repeatable by its seed), hostile strings,
 * huge and inexact numbers, and the ways a body is spoiled (noise, broken JSON, a null in a list).
 */
final class Generators {

    static final String[] HOSTILE = {
            "' OR '1'='1", "'; DROP TABLE customer_order; --", "\" OR 1=1 --", "1; SELECT pg_sleep(10); --",
            "' UNION SELECT key_hash, role, name FROM api_key --", "%' AND 1=1 --", "\\'; --", "$$; DELETE FROM stock_level; $$",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "{{7*7}}",
            "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd", "%00%0d%0a", "%s%s%s%n%x",
            "\u0000", "a\u0000b", "\ud800", "x\udc00y", "\u202eevil\u202c", "😀👍🏽🇩🇪", "\ufeff", "\uffff\ufffe",
            "Z̸̡̢͎a̵l̶g̷o̶", "\u0085\u2028\u2029", "ß".repeat(300), "A".repeat(10_000), "é".repeat(100_000), "",
            " ", "\t\n\r", "null", "true", "-1", "1e-20000000", "9".repeat(400), "NaN", "0x7fffffff"};
    static final Object[] HUGE_NUMBERS = {"1e400", "-1e400", "99999999999999999999999999999",
            "-9223372036854775809", "1e-400", "0.0000000000000000000000001", "123456789012345678901234567890.5"};
    /** Numbers as they must not be taken: fractions and exponents for integers, numbers written as strings. */
    static final Object[] INEXACT_NUMBERS = {new Json.Raw("1.5"), new Json.Raw("2.0"), new Json.Raw("1e2"),
            new Json.Raw("1E0"), new Json.Raw("0.5e1"), "1", "2", " 3", "1e2"};
    /** Money amounts as they must not be taken (EUR has 2 decimals). */
    static final Object[] INEXACT_AMOUNTS = {"1e2", "1E2", " 1.00", "1.00 ", "1 000.00", "+1.00", "1.001", "1.000",
            "1,00", "0x10", "\u0661", new Json.Raw("1.00"), new Json.Raw("100")};
    static final String[] IMPOSSIBLE_TIMESTAMPS = {"2026-02-30T10:00:00Z", "2026-13-45T00:00:00Z",
            "+99999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-11-25T25:00:00Z", "1999-12-31T23:59:59Z"};
    /** Text no field takes: NUL, lone surrogates, control characters (line breaks are added for one-line fields). */
    static final String[] CONTROL_TEXTS = {"a\u0000b", "\ud800", "x\udc00y", "bell\u0007", "esc\u001b[31m",
            "del\u007f", "c1\u0085"};

    final Random random;

    Generators(long seed) {
        this.random = new Random(seed);
    }

    String hostile() {
        return HOSTILE[random.nextInt(HOSTILE.length)];
    }

    /** A hostile string that a header or a URL can carry as it is (printable ASCII only). */
    String hostileAscii() {
        return hostile().replaceAll("[^\\x21-\\x7e]", "?");
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** One of the body's fields; a body that is valid empty (every field optional) gets one named "lines". */
    String anyField(Map<String, Object> body) {
        return body.isEmpty() ? "lines" : pick(new ArrayList<>(body.keySet()).toArray(String[]::new));
    }

    /** Replaces some string values with hostile strings and some numbers with huge ones, everywhere in the tree. */
    @SuppressWarnings("unchecked")
    void noise(Object node) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) m).entrySet()) {
                Object value = entry.getValue();
                if (value instanceof String && random.nextInt(3) == 0) {
                    entry.setValue(hostile());
                } else if (value instanceof Number && random.nextInt(4) == 0) {
                    entry.setValue(new Json.Raw((String) pick(HUGE_NUMBERS)));
                } else {
                    noise(value);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(this::noise);
        }
    }

    /** Replaces one integer in the tree by an inexact or quoted number; false when there is none. */
    @SuppressWarnings("unchecked")
    boolean inexact(Object node) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) m).entrySet()) {
                if (entry.getValue() instanceof Number || entry.getValue() instanceof Json.Raw) {
                    entry.setValue(pick(INEXACT_NUMBERS));
                    return true;
                }
                if (inexact(entry.getValue())) {
                    return true;
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object item : l) {
                if (inexact(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasListOrNames(Map<String, Object> body) {
        return body.values().stream().anyMatch(v -> v instanceof List<?>) || body.get("name") instanceof Map<?, ?>;
    }

    /** Puts a null into a list of the body (or into the names by locale), where no null is taken. */
    @SuppressWarnings("unchecked")
    void nullElement(Map<String, Object> body) {
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            if (entry.getValue() instanceof List<?> l) {
                List<Object> list = new ArrayList<>(l);
                list.add(random.nextInt(list.size() + 1), null);
                entry.setValue(list);
                return;
            }
        }
        Map<String, Object> names = new LinkedHashMap<>((Map<String, Object>) body.get("name"));
        names.put(pick("en", "de"), null);
        body.put("name", names);
    }

    /** A JSON text broken in one of twelve ways: cut, trailing comma, single quotes, comments, NaN, invalid UTF-8 … */
    byte[] broken(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length() - 1))).getBytes(StandardCharsets.UTF_8);
            case 1 -> (text.substring(0, text.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8);
            case 2 -> text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 3 -> (text + "}{").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("/* comment */" + text).getBytes(StandardCharsets.UTF_8);
            case 5 -> text.replaceFirst(":", ":NaN,\"x\":").getBytes(StandardCharsets.UTF_8);
            case 6 -> pick("", "null", "[]", "\"order\"", "123", "{", "}", "[{}]", "{\"\":}").getBytes(StandardCharsets.UTF_8);
            case 7 -> { // invalid UTF-8 inside a string
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes("{\"note\":\"".getBytes(StandardCharsets.UTF_8));
                out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
                out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
                yield out.toByteArray();
            }
            case 8 -> { // random bytes
                byte[] garbage = new byte[1 + random.nextInt(2000)];
                random.nextBytes(garbage);
                yield garbage;
            }
            case 9 -> text.replaceFirst("\\{", "{\"a\" \"b\",").getBytes(StandardCharsets.UTF_8);
            case 10 -> text.replace("\"", "").getBytes(StandardCharsets.UTF_8);
            default -> ("\u0000" + text).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** {@code garbage} random bytes after {@code start}. */
    byte[] after(byte[] start, int garbage) {
        byte[] tail = new byte[garbage];
        random.nextBytes(tail);
        byte[] body = new byte[start.length + tail.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(tail, 0, body, start.length, tail.length);
        return body;
    }
}
