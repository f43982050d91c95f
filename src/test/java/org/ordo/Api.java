package org.ordo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API as a client sees it: real requests to the running server, answers as JSON. */
public final class Api {

    public static final String ADMIN_KEY = "ordo_test_admin_key_0123456789abcdef";
    /** The back-office user {@code admin}'s password in tests. */
    public static final String ADMIN_PASSWORD = "admin-test-password-42";
    public static final String PAYMENT_SECRET = "whsec_test_0123456789";
    public static final String TRACKING_SECRET = "trk_test_0123456789";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String key;

    public Api(int port, String key) {
        this.base = "http://localhost:" + port;
        this.key = key;
    }

    public static Api admin(int port) {
        return new Api(port, ADMIN_KEY);
    }

    /** The same server with another API key (null: none). */
    public Api as(String otherKey) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
    }

    /** Issues a key with this role through the API and returns a client that uses it. */
    public Api withNewKey(String role) {
        Response issued = post("/api/v1/api-keys", """
                {"name":"%s-%s","role":"%s"}""".formatted(role.toLowerCase(), UUID.randomUUID(), role));
        if (issued.status() != 201) {
            throw new IllegalStateException("Could not issue a key: " + issued);
        }
        return as(issued.json().get("key").asString());
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    /** A GET with these headers (name, value, ...). */
    public Response getWith(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    public Response post(String path, Object body, String... headers) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(builder(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postBytes(String path, byte[] body, String contentType, String... headers) {
        return send(builder(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends a webhook signed with the secret at a time (seconds since the epoch), without an API key. */
    public Response webhook(String path, String header, String secret, long timestamp, String body) {
        String signature = "t=" + timestamp + ",v1="
                + org.ordo.platform.WebhookSignature.sign(secret, timestamp, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return as(null).post(path, body, header, signature);
    }

    /** A Stripe-style payment event for an order, signed now. */
    public Response paymentEvent(String eventId, String type, String orderId, String field, long minorAmount,
            String currency) {
        String body = """
                {"id":"%s","type":"%s","data":{"object":{"id":"pi_%s","object":"payment_intent","%s":%d,\
                "currency":"%s","metadata":{"order_id":"%s"}}}}""".formatted(eventId, type, orderId, field,
                minorAmount, currency.toLowerCase(), orderId);
        return webhook("/api/v1/payments/webhooks/stripe", "Stripe-Signature", PAYMENT_SECRET,
                java.time.Instant.now().getEpochSecond(), body);
    }

    /** Any method with a raw body of this content type. */
    public Response send(String method, String path, byte[] body, String contentType) {
        return send(builder(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Places an order with a fresh idempotency key. */
    public Response placeOrder(Object order) {
        return post("/api/v1/orders", order, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> r = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            Response response = new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Idempotent-Replayed").orElse(null));
            DocumentedAnswers.check(base, sent, r);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType, String replayed) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The fields named in a problem answer's errors[]. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
