package org.ordo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.PlaceOrder;
import org.ordo.platform.Address;
import org.ordo.platform.Json;
import org.ordo.webhooks.internal.SubscribedTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Public events are written only for the types some subscription wants, asked once per transaction
 * ({@link SubscribedTypes}), and a subscription created while a transaction that found no subscriber is still open
 * waits for it, so no event after the subscription's creation is missed (docs/webhooks.md).
 */
@IntegrationTest
@RecordApplicationEvents
class WebhookSubscribersIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubscribedTypes subscribed;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    OrderManagement orders;
    @Autowired
    Json json;
    @Autowired
    ApplicationEvents published;

    @Test
    void aPublicEventNoSubscriptionWantsIsNotEvenMadeAndOneThatIsWantedIsMadeAndWritten() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.inStock(location, 10, "5.00").get(0);
        UUID customer = UUID.fromString(expect(api.post("/api/v1/customers", Map.of("email",
                Fixtures.unique("made").toLowerCase() + "@example.com", "name", "Made Buyer")), 201).json()
                .get("id").asString());
        Address shipTo = json.read(json.write(Fixtures.address("Made Lager", "DE")), Address.class);
        // what the other subscriptions on this database want (other tests remove theirs after them); this
        // application runs without Kafka, so an event nobody wants has no use
        boolean placedWanted = jdbc.sql("""
                SELECT count(*) FROM webhook_subscription WHERE status = 'ACTIVE' AND 'order.placed' = ANY (events)
                """).query(Long.class).single() > 0;

        // placed in this thread, so that the events it publishes are recorded
        UUID unwanted = placeOne(customer, shipTo, sku);
        assertThat(publicEventsOf(unwanted)).as("public events made for an order nobody subscribed to")
                .isEqualTo(placedWanted ? 1 : 0);
        assertThat(eventsOf(unwanted.toString(), "order.placed")).isEqualTo(placedWanted ? 1 : 0);

        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            String subscription = subscribe(api, receiver, "order.placed");
            try {
                UUID wanted = placeOne(customer, shipTo, sku);
                assertThat(publicEventsOf(wanted)).as("public events made for a subscribed order").isEqualTo(1);
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                        WHERE d.subscription_id = CAST(:s AS uuid) AND e.ordering_key = :order
                          AND e.type = 'order.placed' AND e.body LIKE :number
                        """).param("s", subscription).param("order", wanted.toString())
                        .param("number", "%" + orders.require(wanted).number() + "%").query(Long.class).single())
                        .as("the delivery of the order's event, with its data").isEqualTo(1);
            } finally {
                api.send("DELETE", "/api/v1/webhooks/" + subscription, new byte[0], "application/json");
            }
        }
    }

    private UUID placeOne(UUID customer, Address shipTo, String sku) {
        return orders.place(new PlaceOrder("api", Fixtures.unique("MADE"), customer, null, shipTo, null, "EUR",
                "prepayment", null, null, List.of(new PlaceOrder.Line(sku, 1L))),
                new PlaceOrder.Source(null, "webhook-test")).id();
    }

    private long publicEventsOf(UUID orderId) {
        return published.stream(PublicEvent.class).filter(e -> orderId.toString().equals(e.orderingKey())).count();
    }

    @Test
    void anEventNoSubscriptionWantsIsNotWrittenAndOneThatIsWantedIs() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            String subscription = subscribe(api, receiver, "order.placed");
            try {
                // what the other subscriptions on this database want (other tests remove theirs after them)
                boolean cancelledWanted = jdbc.sql("""
                        SELECT count(*) FROM webhook_subscription
                        WHERE status = 'ACTIVE' AND 'order.cancelled' = ANY (events)
                        """).query(Long.class).single() > 0;
                String location = fixtures.location(1);
                String sku = fixtures.article("10.00", "EUR", "0.19");
                fixtures.receive(sku, location, 5);
                String orderId = expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json().get("id")
                        .asString();
                expect(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind")), 200);

                assertThat(eventsOf(orderId, "order.placed")).as("order.placed, wanted").isEqualTo(1);
                assertThat(eventsOf(orderId, "order.cancelled")).as("order.cancelled, wanted by no other test")
                        .isEqualTo(cancelledWanted ? 1 : 0);
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                        WHERE d.subscription_id = CAST(:s AS uuid) AND e.ordering_key = :order
                        """).param("s", subscription).param("order", orderId).query(Long.class).single())
                        .as("deliveries to this subscription").isEqualTo(1);
            } finally {
                api.send("DELETE", "/api/v1/webhooks/" + subscription, new byte[0], "application/json");
            }
        }
    }

    @Test
    void aSubscriptionCreatedWhileATransactionFoundNoSubscriberWaitsForItAndIsSeenByTheNext() throws Exception {
        Api api = Api.admin(port);
        // stock.low: wanted by no subscription of this test's own until it subscribes
        String type = "stock.low";
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            Set<String> before = Set.copyOf(jdbc.sql("""
                    SELECT id::text FROM webhook_subscription WHERE status = 'ACTIVE' AND :type = ANY (events)
                    """).param("type", type).query(String.class).list());
            // a transaction that asked which types are wanted (its events written or not by that answer)
            Future<Boolean> open = pool.submit(() -> inTransaction.execute(s -> {
                boolean wanted = subscribed.wanted(type);
                asked.countDown();
                try {
                    finish.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return wanted;
            }));
            assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();

            Future<String> subscribing = pool.submit(() -> subscribe(api, receiver, type));
            // the subscription waits while that transaction is open: an event it writes after this moment is one
            // from before the subscription existed
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> !subscribing.isDone());
            finish.countDown();
            assertThat(open.get(30, TimeUnit.SECONDS)).isEqualTo(!before.isEmpty());
            String subscription = subscribing.get(30, TimeUnit.SECONDS);
            try {
                // every transaction after it sees it
                Boolean wantedAfter = inTransaction.execute(s -> subscribed.wanted(type));
                assertThat(wantedAfter).isTrue();
            } finally {
                api.send("DELETE", "/api/v1/webhooks/" + subscription, new byte[0], "application/json");
            }
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    private long eventsOf(String orderId, String type) {
        return jdbc.sql("SELECT count(*) FROM webhook_event WHERE ordering_key = :order AND type = :type")
                .param("order", orderId).param("type", type).query(Long.class).single();
    }

    private static String subscribe(Api api, WebhookReceiver receiver, String... events) {
        JsonNode created = expect(api.post("/api/v1/webhooks", Map.of("url", receiver.url(), "events",
                List.of(events), "description", "test receiver")), 201).json();
        return created.get("subscription").get("id").asString();
    }
}
