package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Returns in the back office: the order queue's "open returns" view, and receiving a return on the scanner screen. */
@IntegrationTest
class ReturnScreensIntegrationTests {

    private static final String PASSWORD = "return-screens-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    Api api;
    Fixtures fixtures;
    DeliveredOrders orders;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        orders = new DeliveredOrders(api, api.withNewKey("WAREHOUSE"));
        location = fixtures.location(1);
    }

    private WebSession person(Role role) {
        return person(role, "en");
    }

    private WebSession person(Role role, String language) {
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, language, "test");
        return WebSession.login(port, name, PASSWORD);
    }

    private JsonNode returned(JsonNode order, long units) {
        return expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", Map.of("resolution",
                "REFUND", "lines", List.of(Map.of("lineNo", 1, "quantity", units, "reason", "DAMAGED"))),
                "Idempotency-Key", UUID.randomUUID().toString()), 201).json();
    }

    @Test
    void theQueuesOpenReturnsViewShowsOrdersWhoseReturnIsStillOpen() {
        String sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 5);
        JsonNode withReturn = orders.delivered(location, sku, 1);
        JsonNode without = orders.delivered(location, sku, 1);
        returned(withReturn, 1);
        WebSession agent = person(Role.AGENT);

        String number = withReturn.get("number").asString();
        WebSession.Page open = agent.get("/orders?view=returns&q=" + number);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains("Open returns", number);
        assertThat(agent.get("/orders?view=returns&q=" + without.get("number").asString()).body())
                .doesNotContain(without.get("number").asString() + "<");
        // Shipped orders are not "to do": the default view does not show it.
        assertThat(agent.get("/orders?q=" + number).body()).doesNotContain(">" + number + "<");
    }

    @Test
    void anAgentMarksTheOrdersCustomerTrustedOnTheOrderPage() {
        String sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 5);
        JsonNode order = orders.delivered(location, sku, 1);
        String number = order.get("number").asString();
        String customer = "/api/v1/customers/" + order.get("customer").get("id").asString();
        WebSession agent = person(Role.AGENT);
        assertThat(agent.get("/orders/" + number).body()).contains("id=\"customer-trusted\">not marked trusted<");

        WebSession.Page done = agent.follow(agent.post("/orders/" + number + "/customer-trust",
                Map.of("trusted", "true")));
        assertThat(done.body()).contains("is now trusted", "id=\"customer-trusted\">trusted customer<");
        assertThat(api.get(customer).json().get("trusted").asBoolean()).isTrue();

        agent.follow(agent.post("/orders/" + number + "/customer-trust", Map.of("trusted", "false")));
        assertThat(api.get(customer).json().get("trusted").asBoolean()).isFalse();
    }

    @Test
    void theWarehouseScansAnRmaAndBooksWhatArrivedOnce() {
        String sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 5);
        JsonNode order = orders.delivered(location, sku, 2);
        JsonNode ret = returned(order, 2);
        String rma = ret.get("number").asString();
        String id = ret.get("id").asString();

        WebSession warehouse = person(Role.WAREHOUSE);
        assertThat(warehouse.get("/returns").body()).contains("receive-return");
        WebSession.Page scanned = warehouse.get("/returns/receive?rma=" + rma + "&location=" + location);
        assertThat(scanned.status()).isEqualTo(200);
        assertThat(scanned.body()).contains("receipt-form", "receipt-line-1", sku);

        WebSession.Page booked = warehouse.post("/returns/" + id + "/receipt", Map.of("location", location,
                "resellable-1", "1", "damaged-1", "1", "incomplete-1", "0"));
        assertThat(booked.status()).isEqualTo(302);
        assertThat(warehouse.follow(booked).body()).contains("Return " + rma + " received at " + location);
        JsonNode received = api.get("/api/v1/returns/" + id).json();
        assertThat(received.get("status").asString()).isNotEqualTo("AUTHORIZED");
        assertThat(received.get("lines").get(0).get("resellable").asLong()).isEqualTo(1);
        assertThat(received.get("lines").get(0).get("quarantined").asLong()).isEqualTo(1);
        long onHand = api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong();

        // The same scan again books nothing and says why.
        assertThat(warehouse.get("/returns/receive?rma=" + rma + "&location=" + location).body())
                .contains("scan-problem").doesNotContain("receipt-form");
        WebSession.Page twice = warehouse.post("/returns/" + id + "/receipt", Map.of("location", location,
                "resellable-1", "2"));
        assertThat(warehouse.follow(twice).body()).contains(rma);
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong()).isEqualTo(onHand);

        // Agents see the returns but do not book receipts.
        WebSession agent = person(Role.AGENT);
        assertThat(agent.get("/returns").body()).doesNotContain("receive-return");
        assertThat(agent.get("/returns/receive").status()).isEqualTo(403);
    }

    @Test
    void aReceiptAtAnUnknownLocationIsRefusedInTheWarehousesLanguageAndBooksNothing() {
        String sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 5);
        JsonNode ret = returned(orders.delivered(location, sku, 2), 1);
        String id = ret.get("id").asString();
        Map<String, String> receipt = Map.of("location", "NOWHERE-1", "resellable-1", "1");

        WebSession korean = person(Role.WAREHOUSE, "ko");
        korean.get("/returns/receive?rma=" + ret.get("number").asString() + "&location=" + location);
        assertThat(korean.follow(korean.post("/returns/" + id + "/receipt", receipt)).body())
                .contains("알 수 없는 창고 위치: NOWHERE-1").doesNotContain("unknown location");
        WebSession english = person(Role.WAREHOUSE, "en");
        english.get("/returns/receive?rma=" + ret.get("number").asString() + "&location=" + location);
        assertThat(english.follow(english.post("/returns/" + id + "/receipt", receipt)).body())
                .contains("unknown location: NOWHERE-1");
        assertThat(api.get("/api/v1/returns/" + id).json().get("status").asString()).isEqualTo("AUTHORIZED");

        // booked once, a second receipt is refused with the return's status said as a word, not its code
        Map<String, String> arrived = Map.of("location", location, "resellable-1", "1");
        korean.get("/returns/receive?rma=" + ret.get("number").asString() + "&location=" + location);
        assertThat(korean.post("/returns/" + id + "/receipt", arrived).status()).isEqualTo(302);
        // (received, the refund follows on its own: the status may be any of the three after a receipt)
        korean.get("/returns/receive?rma=" + ret.get("number").asString() + "&location=" + location);
        assertThat(flash(korean.follow(korean.post("/returns/" + id + "/receipt", arrived))))
                .startsWith("불가능: 반품 " + ret.get("number").asString() + "의 상태는 ")
                .contains("상품을 이미 입고했거나 반품이 철회되었습니다")
                .doesNotContain("RECEIVED").doesNotContain("AWAITING_APPROVAL").doesNotContain("REFUNDED");
        english.get("/returns/receive?rma=" + ret.get("number").asString() + "&location=" + location);
        assertThat(flash(english.follow(english.post("/returns/" + id + "/receipt", arrived)))).matches(
                "Not possible: Return " + ret.get("number").asString() + " is (received|awaiting approval|refunded): "
                        + "its goods were taken in already .*");
    }

    private static String flash(WebSession.Page page) {
        java.util.regex.Matcher flash = java.util.regex.Pattern.compile("id=\"flash\"[^>]*>([^<]*)<")
                .matcher(page.body());
        assertThat(flash.find()).as(page.body()).isTrue();
        return flash.group(1);
    }

    @Test
    void theDashboardShowsTheReturnRatePerArticleAndReasonAndExportsThemAsCsv() {
        String sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 9);
        returned(orders.delivered(location, sku, 4), 1);
        orders.delivered(location, sku, 4);
        WebSession agent = person(Role.AGENT);

        WebSession.Page dashboard = agent.get("/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("returns-by-article", "reason-DAMAGED");
        // 8 units shipped on the window's orders, 1 on its way back.
        WebSession.Page articles = agent.get("/dashboard/returns-by-article.csv");
        assertThat(articles.status()).isEqualTo(200);
        assertThat(articles.body()).startsWith("since,sku,shipped,returned,return_rate")
                .containsPattern("\\n[0-9-]+," + sku + ",8,1,0\\.125");
        WebSession.Page reasons = agent.get("/dashboard/returns-by-reason.csv");
        assertThat(reasons.body()).startsWith("since,reason,units,returns,share_of_units").contains(",Arrived damaged,");
    }
}
