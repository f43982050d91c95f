package org.ordo.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one SMS by POSTing the configured body to an HTTP gateway. The answer decides what happens to the
 * message: 2xx sent; 408, 429 and 5xx (and no answer at all) try again later; any other 4xx will never work
 * (wrong number, wrong credentials) and fails at once.
 */
public class SmsGateway {

    /** What became of one attempt. */
    public enum Outcome {
        SENT, RETRY, FAILED
    }

    public record Result(Outcome outcome, String detail) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(to|text|from)}");

    private final SmsProperties settings;
    private final HttpClient http;
    private final URI url;

    public SmsGateway(SmsProperties settings) {
        this.settings = settings;
        this.url = URI.create(settings.url().trim());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A gateway for the settings; null when no URL is configured. */
    public static SmsGateway of(SmsProperties settings) {
        return settings.configured() ? new SmsGateway(settings) : null;
    }

    public String describe() {
        return url.getScheme() + "://" + url.getAuthority() + url.getPath();
    }

    /** Posts one SMS; {@code id} goes along as the Idempotency-Key, for gateways that drop repeats. */
    public Result send(String id, String to, String text) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", settings.contentType() + "; charset=UTF-8")
                .header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.ofString(body(to, text), StandardCharsets.UTF_8));
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token().trim());
        } else if (settings.user() != null && !settings.user().isBlank()) {
            String pair = settings.user() + ":" + (settings.password() == null ? "" : settings.password());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String detail = "HTTP " + status + answer(response.body());
            if (status >= 200 && status < 300) {
                return new Result(Outcome.SENT, detail);
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                return new Result(Outcome.FAILED, detail);
            }
            return new Result(Outcome.RETRY, detail);
        } catch (IOException e) {
            return new Result(Outcome.RETRY, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.RETRY, "interrupted");
        }
    }

    private static String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        return ": " + (trimmed.length() > 300 ? trimmed.substring(0, 300) + "…" : trimmed);
    }

    /** The request body: the template with each value escaped for the content type. */
    String body(String to, String text) {
        Map<String, String> values = Map.of("to", to, "text", text, "from", settings.from());
        boolean json = settings.contentType().equals(SmsProperties.JSON);
        Matcher m = PLACEHOLDER.matcher(settings.bodyTemplate());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(json ? jsonEscaped(value)
                    : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The characters of a JSON string literal, without the quotes. */
    static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
