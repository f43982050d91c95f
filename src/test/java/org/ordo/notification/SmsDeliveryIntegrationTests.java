package org.ordo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.Warehouse;
import org.ordo.notification.internal.Dispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SMS through a real HTTP gateway (a local server that records each request): customers who agreed to SMS get
 * the shipping notice as an SMS too, others do not; a gateway that answers 500 is tried again, a 400 gives up
 * at once. Its own application, because the shared test application has no gateway; the test runs the
 * dispatcher itself (the scheduled round is an hour away).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ordo.data-dir=target/it-sms-data",
        "ordo.db.embedded-clean=true",
        "ordo.demo-data=false",
        "ordo.bootstrap-api-key=" + Api.ADMIN_KEY,
        "ordo.notification.dispatch-every=PT1H",
        "ordo.notification.max-attempts=5",
        "ordo.notification.first-retry-after=PT0.5S",
        "ordo.notification.max-retry-after=PT1S",
        "ordo.notification.sms.token=sms-secret-token",
        "ordo.notification.sms.from=OrdoShop",
        "logging.level.org.ordo.platform.web=WARN"})
class SmsDeliveryIntegrationTests {

    private static final int GATEWAY_PORT = freePort();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("ordo.notification.sms.url", () -> "http://127.0.0.1:" + GATEWAY_PORT + "/v1/sms");
    }

    /** One request as the gateway received it. */
    record Received(String idempotencyKey, String authorization, String contentType, JsonNode body, int answer) {
    }

    @LocalServerPort
    int port;
    @Autowired
    Dispatcher dispatcher;

    Api api;
    Fixtures fixtures;
    Warehouse floor;
    String location;
    HttpServer gateway;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Answers to give, first first; empty: 202. */
    final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();

    @BeforeEach
    void setUp() throws IOException {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        floor = new Warehouse(api.withNewKey("WAREHOUSE"));
        location = fixtures.location(1);
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", GATEWAY_PORT), 0);
        gateway.createContext("/v1/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer answer = answers.poll();
            int status = answer == null ? 202 : answer;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    Api.JSON.readTree(new String(body, StandardCharsets.UTF_8)), status));
            byte[] reply = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void tearDown() {
        gateway.stop(0);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Places a paid order for a customer with this phone and consent, ships it; returns the shipment. */
    private JsonNode shippedTo(String phone, boolean consent, String locale) {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        Map<String, Object> customer = new HashMap<>();
        customer.put("email", Fixtures.unique("sms").toLowerCase() + "@example.com");
        customer.put("name", "Kim Muster");
        customer.put("locale", locale);
        customer.put("phone", phone);
        customer.put("smsConsent", consent);
        order.put("customer", customer);
        JsonNode placed = expect(api.placeOrder(order), 201).json();
        String id = placed.get("id").asString();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", placed.get("number").asString(),
                "amount", Map.of("amount", "11.90", "currency", "EUR"))), 201);
        floor.pickAll(floor.pickListAt(location));
        return floor.packAndShip(id, location, "DHL", Map.of(1, 1L));
    }

    private List<JsonNode> smsOf(String orderId) {
        List<JsonNode> sms = new ArrayList<>();
        expect(api.get("/api/v1/orders/" + orderId + "/messages"), 200).json().forEach(m -> {
            if (m.get("channel").asString().equals("SMS")) {
                sms.add(m);
            }
        });
        return sms;
    }

    private JsonNode message(String id) {
        return api.get("/api/v1/messages/" + id).json();
    }

    private List<Received> requestsFor(String messageId) {
        return received.stream().filter(r -> messageId.equals(r.idempotencyKey())).toList();
    }

    private void dispatchUntilNoneDue() {
        while (dispatcher.dispatchDue() > 0) {
            // next batch
        }
    }

    @Test
    void aCustomerWhoAgreedGetsTheShippingNoticeAsAnSmsWithTheTrackingLink() {
        JsonNode shipment = shippedTo("+491701234567", true, "de");
        String orderId = shipment.get("orderId").asString();

        List<JsonNode> sms = smsOf(orderId);
        assertThat(sms).singleElement().satisfies(m -> {
            assertThat(m.get("kind").asString()).isEqualTo("SHIPPING_NOTICE");
            assertThat(m.get("recipient").asString()).isEqualTo("+491701234567");
            assertThat(m.get("body").asString()).startsWith("Ihre Bestellung ")
                    .contains(shipment.get("trackingUrl").asString());
        });
        String smsId = sms.get(0).get("id").asString();

        dispatchUntilNoneDue();

        assertThat(requestsFor(smsId)).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer sms-secret-token");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.body().get("to").asString()).isEqualTo("+491701234567");
            assertThat(r.body().get("from").asString()).isEqualTo("OrdoShop");
            assertThat(r.body().get("text").asString()).isEqualTo(sms.get(0).get("body").asString())
                    .contains(shipment.get("trackingUrl").asString());
        });
        JsonNode sent = message(smsId);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        // The mail goes its own way: no SMTP server here, so it is kept.
        assertThat(expect(api.get("/api/v1/orders/" + orderId + "/messages"), 200).json())
                .filteredOn(m -> m.get("channel").asString().equals("EMAIL")
                        && m.get("kind").asString().equals("SHIPPING_NOTICE"))
                .singleElement().satisfies(m -> assertThat(message(m.get("id").asString()).get("status").asString())
                        .isEqualTo("KEPT"));
    }

    @Test
    void withoutConsentThereIsNoSms() {
        JsonNode shipment = shippedTo("+491709999999", false, "en");
        dispatchUntilNoneDue();
        assertThat(smsOf(shipment.get("orderId").asString())).isEmpty();
        assertThat(received).noneMatch(r -> r.body().get("to").asString().equals("+491709999999"));
    }

    @Test
    void whileTheGatewayAnswers500TheSmsIsTriedAgainAndSentOnceItIsBack() {
        JsonNode shipment = shippedTo("+821012345678", true, "ko");
        String smsId = smsOf(shipment.get("orderId").asString()).get(0).get("id").asString();
        answers.add(500);
        answers.add(503);

        dispatcher.dispatchDue();
        JsonNode first = message(smsId);
        assertThat(first.get("status").asString()).isEqualTo("QUEUED");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("lastError").asString()).startsWith("HTTP 500");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            dispatcher.dispatchDue();
            return message(smsId).get("status").asString().equals("SENT");
        });
        dispatchUntilNoneDue();

        List<Received> requests = requestsFor(smsId);
        assertThat(requests).extracting(Received::answer).containsExactly(500, 503, 202);
        assertThat(requests).allSatisfy(r -> assertThat(r.body().get("text").asString()).contains("배송 조회"));
        JsonNode sent = message(smsId);
        assertThat(sent.get("attempts").asInt()).isEqualTo(3);
        assertThat(sent.get("lastError").isNull()).isTrue();
    }

    @Test
    void aGatewayThatRefusesTheRequestFailsItAtOnce() {
        JsonNode shipment = shippedTo("+34600000000", true, "es");
        String smsId = smsOf(shipment.get("orderId").asString()).get(0).get("id").asString();
        answers.add(400);

        dispatchUntilNoneDue();

        JsonNode failed = message(smsId);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asString()).startsWith("HTTP 400");
        assertThat(requestsFor(smsId)).hasSize(1);
    }
}
