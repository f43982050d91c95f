package org.ordo.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receiver of Ordo's webhooks standing in for a shop's or an ERP's endpoint: records every request with its
 * Standard Webhooks headers, checks the signature as the specification says (written here from the specification,
 * not with Ordo's code), and answers what {@code answer} says for each request.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived, what the receiver answered, and whether its signature held (at its timestamp). */
    record Received(String id, String timestamp, String signature, String body, int answered, boolean verified) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String type() {
            return json().get("type").asString();
        }

        String orderId() {
            return json().get("data").get("orderId").asString();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret;

    /** {@code answer}: the status for a request, given the requests to the same webhook-id before it. */
    WebhookReceiver(Function<List<Received>, Integer> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            synchronized (received) {
                List<Received> before = received.stream().filter(r -> r.id().equals(id)).toList();
                status = answer.apply(before);
                // the signature alone: tests that move Ordo's clock send timestamps away from this machine's
                received.add(new Received(id, timestamp, signature, body, status,
                        secret != null && verify(secret, id, timestamp, body, signature, sentAt(timestamp))));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver answering(int status) {
        return new WebhookReceiver(before -> status);
    }

    /** The secret to check signatures with (the one the subscription answered). */
    WebhookReceiver secret(String secret) {
        this.secret = secret;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/ordo";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> of(String orderId) {
        return received.stream().filter(r -> r.json().get("data").path("orderId").asString("").equals(orderId))
                .toList();
    }

    /**
     * Standard Webhooks verification as its specification states it: the secret is "whsec_" and the base64 of the
     * key; the signed content is "{webhook-id}.{webhook-timestamp}.{body}"; the header is a space-separated list
     * of "v1,{base64 HMAC-SHA256}", any of which may match; a timestamp more than five minutes away is refused.
     */
    static boolean verify(String secret, String id, String timestamp, String body, String header, Instant now) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(Duration.ofMinutes(5)) > 0) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            byte[] expected = Base64.getEncoder().encode(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            for (String versioned : header.split(" ")) {
                String[] parts = versioned.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant sentAt(String timestamp) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
