package org.ordo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.backoffice.WebSession;
import org.ordo.webhooks.internal.WebhookDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Outgoing webhooks against receivers on this machine: signatures a receiver checks with the published algorithm,
 * retries until the receiver takes the event (once, no more), an order's events in order while deliveries fail and
 * several dispatchers run at once, and subscriptions disabled by a person and after a day of failures. The tests
 * run the dispatcher themselves, with the clock moved past the back-off.
 */
@IntegrationTest
class WebhooksIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private Api api;
    private Fixtures fixtures;
    private final List<String> subscriptions = new ArrayList<>();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    @AfterEach
    void removeSubscriptions() {
        // other tests' orders must not be queued for receivers that are gone
        subscriptions.forEach(id -> api.send("DELETE", "/api/v1/webhooks/" + id, new byte[0], "application/json"));
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aReceiverVerifiesEachEventWithTheStandardWebhooksAlgorithm() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(204));
        JsonNode created = subscribe(receiver, "order.placed", "order.cancelled");
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        receiver.secret(secret);
        String subscription = created.get("subscription").get("id").asString();
        assertThat(expect(api.get("/api/v1/webhooks/" + subscription), 200).json().has("secret")).isFalse();

        String orderId = placedOrder();
        expect(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind")), 200);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.deliverDue();
            return receiver.of(orderId).size() == 2;
        });
        List<WebhookReceiver.Received> got = receiver.of(orderId);
        assertThat(got).extracting(WebhookReceiver.Received::type).containsExactly("order.placed", "order.cancelled");
        for (WebhookReceiver.Received r : got) {
            assertThat(WebhookReceiver.verify(secret, r.id(), r.timestamp(), r.body(), r.signature(), Instant.now()))
                    .as("signature of %s", r.type()).isTrue();
            // a changed body, another id or another secret does not verify
            assertThat(WebhookReceiver.verify(secret, r.id(), r.timestamp(), r.body().replace("1", "2"),
                    r.signature(), Instant.now())).isFalse();
            assertThat(WebhookReceiver.verify(secret, "other", r.timestamp(), r.body(), r.signature(),
                    Instant.now())).isFalse();
            assertThat(WebhookReceiver.verify("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    r.id(), r.timestamp(), r.body(), r.signature(), Instant.now())).isFalse();
            JsonNode body = r.json();
            assertThat(body.get("id").asString()).isEqualTo(r.id());
            assertThat(body.get("version").asInt()).isEqualTo(1);
            assertThat(body.get("timestamp").asString()).endsWith("Z");
        }
        JsonNode placed = got.get(0).json().get("data");
        assertThat(placed.get("orderId").asString()).isEqualTo(orderId);
        assertThat(placed.get("number").asString()).isNotBlank();
        assertThat(placed.get("total").get("amount").asString()).isEqualTo("20.04");
        assertThat(placed.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(got.get(1).json().get("data").get("reason").asString()).isEqualTo("changed my mind");

        JsonNode deliveries = expect(api.get("/api/v1/webhooks/" + subscription + "/deliveries"), 200).json();
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(deliveries.get(0).get("lastStatus").asInt()).isEqualTo(204);
    }

    @Test
    void signingSecretsAreStoredSealedAndOnesKeptInClearByAnEarlierVersionAreSealedAtStart() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(204));
        JsonNode created = subscribe(receiver, "order.placed");
        UUID subscription = UUID.fromString(created.get("subscription").get("id").asString());
        String secret = created.get("secret").asString();
        Map<String, Object> row = jdbc.sql("SELECT secret, secret_sealed FROM webhook_subscription WHERE id = :id")
                .param("id", subscription).query().singleRow();
        assertThat(row.get("secret")).as("no secret in clear").isNull();
        String stored = new String((byte[]) row.get("secret_sealed"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));

        // a row as an earlier version wrote it: the secret in clear
        String older = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        jdbc.sql("UPDATE webhook_subscription SET secret = :s, secret_sealed = NULL WHERE id = :id")
                .param("s", older).param("id", subscription).update();
        context.getBean(org.ordo.webhooks.internal.Subscriptions.class).sealClearSecrets();
        assertThat(jdbc.sql("SELECT secret FROM webhook_subscription WHERE id = :id").param("id", subscription)
                .query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_subscription WHERE secret IS NOT NULL").query(Long.class)
                .single()).isZero();

        receiver.secret(older);
        String orderId = placedOrder();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.deliverDue();
            return receiver.of(orderId).size() == 1;
        });
        WebhookReceiver.Received r = receiver.of(orderId).get(0);
        assertThat(WebhookReceiver.verify(older, r.id(), r.timestamp(), r.body(), r.signature(), Instant.now()))
                .as("signed with the secret the receiver was given, opened from its sealed copy").isTrue();
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventOnceMoreAndNoMore() {
        WebhookReceiver receiver = receiver(new WebhookReceiver(before -> before.size() < 3 ? 500 : 200));
        JsonNode created = subscribe(receiver, "order.placed");
        receiver.secret(created.get("secret").asString());
        String subscription = created.get("subscription").get("id").asString();

        String orderId = placedOrder();
        // each round an hour later: the wait after each failure (30 s, doubling) has passed
        AtomicInteger hours = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            TestClock.movedBy(Duration.ofHours(hours.incrementAndGet()), dispatcher::deliverDue);
            return receiver.of(orderId).size() >= 4;
        });
        for (int i = 0; i < 3; i++) {
            TestClock.movedBy(Duration.ofHours(hours.incrementAndGet()), dispatcher::deliverDue);
        }

        List<WebhookReceiver.Received> got = receiver.of(orderId);
        assertThat(got).extracting(WebhookReceiver.Received::answered).containsExactly(500, 500, 500, 200);
        assertThat(got).extracting(WebhookReceiver.Received::id).containsOnly(got.get(0).id());
        assertThat(got).allMatch(WebhookReceiver.Received::verified);
        assertThat(got).extracting(WebhookReceiver.Received::body).containsOnly(got.get(0).body());

        JsonNode delivery = expect(api.get("/api/v1/webhooks/" + subscription + "/deliveries"), 200).json().get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        JsonNode log = expect(api.get("/api/v1/webhooks/" + subscription + "/deliveries/"
                + delivery.get("id").asString()), 200).json().get("log");
        assertThat(log).extracting(a -> a.get("statusCode").asInt()).containsExactly(500, 500, 500, 200);
        assertThat(expect(api.get("/api/v1/webhooks/" + subscription), 200).json().get("failingSince").isNull())
                .isTrue();

        // a person asks for it again: the same event, once more
        expect(api.post("/api/v1/webhooks/" + subscription + "/deliveries/" + delivery.get("id").asString()
                + "/redeliver", ""), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.deliverDue();
            return receiver.of(orderId).size() == 5;
        });
        assertThat(receiver.of(orderId).get(4).id()).isEqualTo(got.get(0).id());
    }

    @Test
    void anOrdersEventsArriveInOrderWhileDeliveriesFailAndDispatchersRace() throws Exception {
        // every event is refused once: without the ordering, an order.cancelled would overtake its order.placed
        WebhookReceiver failingFirst = receiver(new WebhookReceiver(before -> before.isEmpty() ? 503 : 200));
        JsonNode created = subscribe(failingFirst, "order.placed", "order.paid", "order.cancelled");
        failingFirst.secret(created.get("secret").asString());

        int orders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> placing = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                placing.add(pool.submit(() -> {
                    String id = placedOrder();
                    expect(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "race")), 200);
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : placing) {
                ids.add(f.get());
            }
            // rounds an hour apart, three dispatchers at once in each
            AtomicInteger hours = new AtomicInteger();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                TestClock.movedBy(Duration.ofHours(hours.incrementAndGet()), () -> {
                    List<Future<Integer>> rounds = new ArrayList<>();
                    for (int d = 0; d < 3; d++) {
                        rounds.add(pool.submit(dispatcher::deliverDue));
                    }
                    for (Future<Integer> round : rounds) {
                        try {
                            round.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                return ids.stream().allMatch(id -> failingFirst.of(id).stream()
                        .filter(r -> r.answered() == 200).count() == 2);
            });
            for (String id : ids) {
                List<WebhookReceiver.Received> got = failingFirst.of(id);
                // the cancellation is first sent after the placement was taken
                assertThat(got).extracting(WebhookReceiver.Received::type).as("order %s", id)
                        .containsExactly("order.placed", "order.placed", "order.cancelled", "order.cancelled");
                assertThat(got).extracting(WebhookReceiver.Received::answered).containsExactly(503, 200, 503, 200);
                assertThat(got).allMatch(WebhookReceiver.Received::verified);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDisabledSubscriptionGetsNothingUntilEnabledAndADayOfFailuresDisablesItAndMailsTheAdmin() {
        WebhookReceiver receiver = receiver(new WebhookReceiver(before -> 500));
        JsonNode created = subscribe(receiver, "order.placed");
        String subscription = created.get("subscription").get("id").asString();

        // disabled by a person: nothing is queued
        assertThat(expect(api.post("/api/v1/webhooks/" + subscription + "/disable", ""), 200).json().get("status")
                .asString()).isEqualTo("DISABLED");
        expect(api.post("/api/v1/webhooks/" + subscription + "/disable", ""), 409);
        String whileDisabled = placedOrder();
        assertThat(expect(api.get("/api/v1/webhooks/" + subscription + "/deliveries"), 200).json()).isEmpty();
        expect(api.post("/api/v1/webhooks/" + subscription + "/enable", ""), 200);

        // a receiver that fails for a day: disabled, the admin is mailed, the event waits
        String orderId = placedOrder();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.deliverDue();
            return !receiver.of(orderId).isEmpty();
        });
        assertThat(expect(api.get("/api/v1/webhooks/" + subscription), 200).json().get("status").asString())
                .isEqualTo("ACTIVE");
        TestClock.movedBy(Duration.ofHours(25), () -> dispatcher.deliverDue());
        JsonNode disabled = expect(api.get("/api/v1/webhooks/" + subscription), 200).json();
        assertThat(disabled.get("status").asString()).isEqualTo("DISABLED");
        assertThat(disabled.get("disabledReason").asString()).contains("answered 500");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM message WHERE kind = 'WEBHOOK_DISABLED' AND body LIKE :id
                """).param("id", "%" + subscription + "%").query(Long.class).single()).isEqualTo(1);
        int attempts = receiver.of(orderId).size();
        TestClock.movedBy(Duration.ofHours(30), () -> dispatcher.deliverDue());
        assertThat(receiver.of(orderId)).hasSize(attempts);
        assertThat(receiver.of(whileDisabled)).isEmpty();
    }

    @Test
    void aReceiverMustBeHttpsOnAPublicAddressAndTheEventTypesKnown() {
        for (String url : List.of("http://erp.example.com/hooks", "ftp://erp.example.com/", "https://10.1.2.3/hooks",
                "https://192.168.0.10/", "https://[fd12::1]:8443/", "https://169.254.169.254/latest/meta-data",
                "https://user:pw@erp.example.com/", "erp.example.com")) {
            JsonNode problem = expect(api.post("/api/v1/webhooks", Map.of("url", url, "events",
                    List.of("order.placed"))), 422).json();
            assertThat(problem.get("errors").get(0).get("field").asString()).as(url).isEqualTo("url");
        }
        JsonNode problem = expect(api.post("/api/v1/webhooks", Map.of("url", "https://erp.example.com/hooks",
                "events", List.of("order.placed", "order.exploded", "order.placed"))), 422).json();
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("events[1]", "events[2]");
        JsonNode created = expect(api.post("/api/v1/webhooks", Map.of("url", "https://erp.example.com/hooks",
                "events", List.of("stock.low"), "description", "ERP")), 201).json();
        String id = created.get("subscription").get("id").asString();
        subscriptions.add(id);
        assertThat(expect(api.get("/api/v1/webhooks"), 200).json()).anyMatch(s -> s.get("id").asString().equals(id));
        expect(api.withNewKey("AGENT").get("/api/v1/webhooks"), 403);
        assertThat(api.send("DELETE", "/api/v1/webhooks/" + id, new byte[0], "application/json").status())
                .isEqualTo(204);
        expect(api.get("/api/v1/webhooks/" + id), 404);
    }

    @Test
    void theBackOfficeShowsAdminsTheDeliveriesWithTheReceiversAnswers() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(202));
        String subscription = subscribe(receiver, "order.placed").get("subscription").get("id").asString();
        String orderId = placedOrder();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.deliverDue();
            return receiver.of(orderId).size() == 1;
        });
        String delivery = expect(api.get("/api/v1/webhooks/" + subscription + "/deliveries"), 200).json().get(0)
                .get("id").asString();

        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        WebSession.Page list = admin.get("/webhooks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(receiver.url());
        WebSession.Page page = admin.get("/webhooks/" + subscription);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("delivery-" + delivery).contains(orderId).contains(">202<");
        assertThat(admin.post("/webhooks/" + subscription + "/deliveries/" + delivery + "/redeliver", Map.of())
                .status()).isBetween(300, 399);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.deliverDue();
            return receiver.of(orderId).size() == 2;
        });
    }

    /** A subscription deleted while its page was open: its buttons lead to the list, which says so. */
    @Test
    void anActionOnASubscriptionThatDoesNotExistLandsOnTheListSayingSo() {
        String gone = UUID.randomUUID().toString();
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        for (String action : List.of("/enable", "/disable", "/deliveries/" + UUID.randomUUID() + "/redeliver")) {
            admin.get("/webhooks");
            WebSession.Page answer = admin.post("/webhooks/" + gone + action, Map.of());
            assertThat(answer.status()).as(action).isEqualTo(302);
            assertThat(answer.location()).as(action).endsWith("/webhooks");
            WebSession.Page list = admin.follow(answer);
            assertThat(list.status()).as(action).isEqualTo(200);
            assertThat(list.body()).as(action).contains("class=\"flash error\"")
                    .contains("There is no webhook subscription " + gone + "; nothing was changed.");
        }
    }

    @Test
    void withoutKafkaConfiguredOrdoHasNoKafkaClient() {
        assertThat(context.getBeanNamesForType(KafkaOperations.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ProducerFactory.class)).isEmpty();
        assertThat(context.getBeansOfType(EventExternalizationConfiguration.class).values())
                .noneMatch(c -> c.supports(new PublicEvent(UUID.randomUUID(), "order.paid", 1, Instant.now(),
                        Map.of("orderId", "x"))));
    }

    private WebhookReceiver receiver(WebhookReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode subscribe(WebhookReceiver receiver, String... events) {
        JsonNode created = expect(api.post("/api/v1/webhooks", Map.of("url", receiver.url(), "events",
                List.of(events), "description", "test receiver")), 201).json();
        subscriptions.add(created.get("subscription").get("id").asString());
        return created;
    }

    /** An order of two articles at 10.00 + 0.19 % tax (20.04), in stock. */
    private String placedOrder() {
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "0.19");
        fixtures.receive(sku, location, 5);
        return expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json().get("id").asString();
    }
}
