package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent changes an order on its detail page and sees the change in its history (docs/order-changes.md). */
@IntegrationTest
class OrderChangeScreenIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    OrderManagement orders;

    @Test
    void anAgentChangesALineOnTheDetailPageAndASecondChangeFromTheSamePageIsRefused() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 20);
        String id = expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json().get("id").asString();
        OrderView order = orders.require(UUID.fromString(id));
        WebSession agent = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);

        String page = agent.get("/orders/" + order.number()).body();
        assertThat(page).contains("id=\"change-form\"", "Not changed since it was placed.");
        WebSession.Page changed = agent.post("/orders/" + order.number() + "/changes", Map.of("version", "1",
                "lineNo", "1", "quantity", "3", "reason", "customer called: one more"));
        page = agent.follow(changed).body();
        assertThat(page).contains("Order " + order.number() + " changed.", "customer called: one more",
                "Quantity", "2 x " + sku + " → 3 x " + sku);
        assertThat(orders.require(order.id()).lines().get(0).quantity()).isEqualTo(3);
        assertThat(page).contains("order changed (version 2): customer called: one more");

        // The timeline's reason is in the reader's language: the agent switches to Korean.
        agent.post("/language", Map.of("lang", "ko", "back", "/orders/" + order.number()));
        assertThat(agent.get("/orders/" + order.number()).body())
                .contains("주문 변경 (버전 2): customer called: one more");
        assertThat(orders.require(order.id()).timeline()).anySatisfy(t -> {
            assertThat(t.reasonCode()).isEqualTo("order-changed");
            assertThat(t.reasonArguments()).containsExactly("2", "customer called: one more");
        });
        agent.post("/language", Map.of("lang", "en", "back", "/orders/" + order.number()));
        agent.get("/orders/" + order.number());

        // A second agent still looking at version 1 is told, and nothing changes.
        WebSession.Page stale = agent.post("/orders/" + order.number() + "/changes", Map.of("version", "1",
                "lineNo", "1", "quantity", "5", "reason", "another agent"));
        assertThat(agent.follow(stale).body()).contains("is at version 2, not 1");
        assertThat(orders.require(order.id()).lines().get(0).quantity()).isEqualTo(3);
    }
}
