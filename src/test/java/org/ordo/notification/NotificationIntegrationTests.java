package org.ordo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.notification.internal.Messages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Without an SMTP server (the embedded default) messages are written with the order and kept, readable through
 * the API; agents can page through them and send a copy.
 */
@IntegrationTest
class NotificationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Messages messages;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    private JsonNode placed(String locale) {
        String loc = fixtures.location(1);
        String sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("customer", Map.of("email", Fixtures.unique("m").toLowerCase() + "@example.com", "name",
                "Erika Muster", "locale", locale));
        return expect(api.placeOrder(order), 201).json();
    }

    private JsonNode messagesOf(String orderId) {
        return expect(api.get("/api/v1/orders/" + orderId + "/messages"), 200).json();
    }

    @Test
    void placingAnOrderKeepsItsConfirmationInTheApiWhenNoSmtpIsConfigured() {
        JsonNode order = placed("de");
        String id = order.get("id").asString();
        String number = order.get("number").asString();

        // Written in the order's transaction: there as soon as the order is.
        JsonNode confirmation = messagesOf(id).get(0);
        assertThat(confirmation.get("kind").asString()).isEqualTo("ORDER_CONFIRMATION");
        assertThat(confirmation.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(confirmation.get("recipient").asString()).endsWith("@example.com");
        assertThat(confirmation.get("locale").asString()).isEqualTo("de");
        assertThat(confirmation.get("subject").asString()).isEqualTo("Ihre Bestellung " + number);
        assertThat(confirmation.get("body").asString()).startsWith("Hallo Erika Muster,")
                .contains("Gesamt: 23,79\u00a0€");

        String messageId = confirmation.get("id").asString();
        JsonNode kept = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/messages/" + messageId).json(),
                        m -> m.get("status").asString().equals("KEPT"));
        assertThat(kept.get("attempts").asInt()).isZero();
        assertThat(kept.get("sentAt").isNull()).isTrue();

        JsonNode listed = expect(api.get("/api/v1/messages?status=kept&order=" + number), 200).json();
        assertThat(listed.get("items")).singleElement().satisfies(m -> {
            assertThat(m.get("id").asString()).isEqualTo(messageId);
            assertThat(m.get("body").isNull()).as("lists leave bodies out").isTrue();
        });
    }

    @Test
    void aRoundKeepsItsMessagesInOneStatementEachOnlyWhileItsClaimHolds() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(messagesOf(placed("en").get("id").asString()).get(0).get("id").asString());
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/messages/" + id).json()
                    .get("status").asString(), "KEPT"::equals);
        }

        // two of them claimed again (as a round does), the second by another dispatcher since
        java.util.UUID ours = java.util.UUID.randomUUID();
        java.util.UUID theirs = java.util.UUID.randomUUID();
        java.util.List<Messages.Claimed> claimed = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            java.util.UUID id = java.util.UUID.fromString(ids.get(i));
            jdbc.sql("UPDATE message SET status = 'SENDING', claim = :claim WHERE id = :id")
                    .param("claim", i == 0 ? ours : theirs).param("id", id).update();
            claimed.add(new Messages.Claimed(messages.find(id).orElseThrow(), ours));
        }
        try {
            assertThat(messages.kept(claimed)).as("only the message whose claim still holds").isEqualTo(1);
            assertThat(api.get("/api/v1/messages/" + ids.get(0)).json().get("status").asString()).isEqualTo("KEPT");
            assertThat(api.get("/api/v1/messages/" + ids.get(1)).json().get("status").asString())
                    .isEqualTo("SENDING");
        } finally {
            jdbc.sql("UPDATE message SET status = 'KEPT', claim = NULL WHERE id = :id")
                    .param("id", java.util.UUID.fromString(ids.get(1))).update();
        }
    }

    @Test
    void aCopyCanBeQueuedAgain() {
        String id = placed("en").get("id").asString();
        String original = messagesOf(id).get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/messages/" + original).json()
                .get("status").asString(), "KEPT"::equals);

        JsonNode copy = expect(api.post("/api/v1/messages/" + original + "/resend", "{}"), 201).json();
        assertThat(copy.get("resentFrom").asString()).isEqualTo(original);
        assertThat(copy.get("subject").asString()).startsWith("Your order ");
        assertThat(messagesOf(id)).hasSize(2);
        assertThat(api.post("/api/v1/messages/" + java.util.UUID.randomUUID() + "/resend", "{}").status()).isEqualTo(404);
    }

    @Test
    void pagesAreKeysetPagedNewestFirst() {
        placed("es");
        placed("ko");
        placed("en");
        JsonNode first = expect(api.get("/api/v1/messages?limit=2"), 200).json();
        assertThat(first.get("items")).hasSize(2);
        String next = first.get("next").asString();
        JsonNode second = expect(api.get("/api/v1/messages?limit=2&after=" + next), 200).json();
        assertThat(second.get("items").get(0).get("createdAt").asString())
                .isLessThanOrEqualTo(first.get("items").get(1).get("createdAt").asString());
        assertThat(second.get("items").get(0).get("id").asString())
                .isNotEqualTo(first.get("items").get(1).get("id").asString());

        assertThat(api.get("/api/v1/messages?status=LOST").errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/messages?limit=0").errorFields()).containsExactly("limit");
        assertThat(api.get("/api/v1/messages?after=nonsense").errorFields()).containsExactly("after");
    }

    @Test
    void onlyAdminsAndAgentsReadMessages() {
        String id = placed("de").get("id").asString();
        Api warehouse = api.withNewKey("WAREHOUSE");
        Api agent = api.withNewKey("AGENT");
        assertThat(warehouse.get("/api/v1/messages").status()).isEqualTo(403);
        assertThat(warehouse.get("/api/v1/orders/" + id + "/messages").status()).isEqualTo(403);
        assertThat(warehouse.get("/api/v1/orders/" + id).status()).isEqualTo(200);
        assertThat(agent.get("/api/v1/orders/" + id + "/messages").status()).isEqualTo(200);
        assertThat(api.as(null).get("/api/v1/messages").status()).isEqualTo(401);
    }
}
