import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser, for the back office and the customers' pages: its own cookies, the CSRF token of its
 * last page (sent with every form, as the page's form would), no redirects followed.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    String csrf = "";
    /** The last post, for a report: its path and fields (values cut short). */
    String lastPost = "";

    Browser(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return keepToken(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A form as the page sends it (URL-encoded, with the page's CSRF token); names and values in pairs. */
    HttpResponse<String> post(String path, String... fields) throws Exception {
        StringBuilder form = new StringBuilder("_csrf=" + Generators.enc(csrf));
        StringBuilder shown = new StringBuilder(path);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append('&').append(Generators.enc(fields[i])).append('=').append(Generators.enc(fields[i + 1]));
            shown.append(' ').append(fields[i]).append('=').append(fields[i + 1], 0, Math.min(40, fields[i + 1].length()));
        }
        lastPost = shown.toString().replaceAll("[\\p{Cntrl}]", "?");
        return send(path, "application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A file of a multipart form under the name and type a browser would send with it. */
    record File(String name, String type, byte[] bytes) {
    }

    /**
     * A form with files (multipart/form-data, with the page's CSRF token); a value that is a {@link File} or byte[] is a
     * file (byte[]: named scan.png, of no particular type).
     */
    HttpResponse<String> postMultipart(String path, Map<String, Object> fields) throws Exception {
        String boundary = "----hostile" + UUID.randomUUID().toString().replace("-", "");
        var body = new java.io.ByteArrayOutputStream();
        java.util.LinkedHashMap<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("_csrf", csrf);
        all.putAll(fields);
        lastPost = path + " " + fields.keySet();
        for (var field : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            File file = field.getValue() instanceof byte[] bytes ? new File("scan.png", "application/octet-stream", bytes)
                    : field.getValue() instanceof File f ? f : null;
            if (file != null) {
                body.writeBytes(("Content-Disposition: form-data; name=\"" + field.getKey() + "\"; filename=\"" + file.name()
                        + "\"\r\nContent-Type: " + file.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file.bytes());
            } else {
                body.writeBytes(("Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue()).getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private HttpResponse<String> send(String path, String type, byte[] body) throws Exception {
        return keepToken(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    Browser login(String username, String password) throws Exception {
        get("/login");
        var answer = post("/login", "username", username, "password", password);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("Login as " + username + " failed: " + answer.statusCode() + " " + location);
        }
        return this;
    }

    /** Where a redirect points, without scheme and host; empty when the answer is none. */
    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", "");
    }

    private HttpResponse<String> keepToken(HttpResponse<String> answer) {
        Matcher m = CSRF.matcher(answer.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return answer;
    }
}
