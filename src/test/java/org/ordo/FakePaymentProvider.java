package org.ordo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A stand-in for the payment provider's API on a local port, for the tests: it records every call (path,
 * form body, key, idempotency key) and answers 200, or 402 for payment intents whose id contains "declined".
 * A new payment intent (an off-session charge of a saved card) is charged once per idempotency key, as the
 * provider does: the same key again answers the same intent. A card whose payment method contains "flaky" is
 * charged but the first answer is lost (500), as when the network fails after the provider took the money.
 * Registered as the provider URL of the test application.
 */
public final class FakePaymentProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String KEY = "sk_test_fake";
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** The charges made, by idempotency key: the payment intent each made. */
    public static final java.util.Map<String, String> CHARGES = new java.util.concurrent.ConcurrentHashMap<>();
    private static HttpServer server;

    public record Call(String path, String body, String authorization, String idempotencyKey) {
    }

    static synchronized int port() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                CALLS.add(new Call(path, body, exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key")));
                boolean declined = path.contains("declined") || body.contains("declined");
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                if (path.equals("/v1/payment_intents") && !declined && key != null) {
                    boolean first = !CHARGES.containsKey(key);
                    String intent = CHARGES.computeIfAbsent(key, k -> "pi_charge_" + java.util.UUID.randomUUID()
                            .toString().replace("-", ""));
                    int status = first && body.contains("flaky") ? 500 : 200;
                    byte[] answer = (status == 500 ? "{\"error\":{\"message\":\"lost\"}}"
                            : "{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"status\":\"succeeded\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, answer.length);
                    exchange.getResponseBody().write(answer);
                    exchange.close();
                    return;
                }
                byte[] answer = (declined ? "{\"error\":{\"message\":\"declined\"}}" : "{\"status\":\"ok\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(declined ? 402 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }
        return server.getAddress().getPort();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-payment-provider",
                java.util.Map.of("ordo.payment.provider-url", "http://127.0.0.1:" + port(),
                        "ordo.payment.provider-key", KEY)));
    }

    public static List<Call> callsFor(String paymentIntent) {
        return CALLS.stream().filter(c -> c.path().contains(paymentIntent) || c.body().contains(paymentIntent))
                .toList();
    }
}
