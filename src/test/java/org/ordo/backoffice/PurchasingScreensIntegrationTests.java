package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Money;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.ordo.inventory.InventoryManagement;
import org.ordo.purchasing.PurchaseOrder;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.purchasing.PurchasingManagement;
import org.ordo.purchasing.StockFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The purchasing screens without a browser: an agent orders the suggestions with one click and the warehouse
 * receives (and may not order); a purchase order's own page with its forms; the dashboard's stock figures.
 */
@IntegrationTest
class PurchasingScreensIntegrationTests {

    private static final String PASSWORD = "purchasing-screens-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    PurchasingManagement purchasing;
    @Autowired
    InventoryManagement inventory;

    Api api;
    Fixtures fixtures;
    String location;
    String supplier;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR", "locale", "de")),
                201);
    }

    private WebSession person(Role role) {
        return person(role, "en");
    }

    private WebSession person(Role role, String language) {
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, language, "test");
        return WebSession.login(port, name, PASSWORD);
    }

    private static BigDecimal euros(StockFigures figures) {
        return figures.value().stream().filter(m -> m.currency().equals("EUR")).map(Money::amount).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    @Test
    void theDashboardShowsStockValueAtPurchasePriceDaysOfCoverAndSkusBelowTheReorderPoint() {
        String sku = fixtures.article("10.00", "EUR", "19");
        expect(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "supplier", supplier,
                "purchasePrice", Map.of("amount", "4.20", "currency", "EUR"), "reorderPoint", 20, "targetLevel", 50)),
                200);
        BigDecimal before = euros(purchasing.stockFigures(10));

        fixtures.receive(sku, location, 30);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 14)), 201);

        StockFigures figures = purchasing.stockFigures(Integer.MAX_VALUE);
        assertThat(euros(figures).subtract(before)).as("30 on hand at 4.20").isEqualByComparingTo("126.00");
        assertThat(figures.lowestCover()).filteredOn(c -> c.sku().equals(sku)).singleElement().satisfies(c -> {
            assertThat(c.location()).isEqualTo(location);
            assertThat(c.available()).isEqualTo(16);
            assertThat(c.demand()).isEqualTo(14);
            assertThat(c.dailyDemand()).as("14 in 28 days").isEqualTo("0.50");
            assertThat(c.days()).as("16 / 0.5").isEqualTo(32);
        });
        // the reorder alert is raised by a listener after the placement's commit
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/v1/purchasing/alerts?open=true&sku=" + sku).json()).hasSize(1));
        assertThat(purchasing.stockFigures(Integer.MAX_VALUE).belowReorderPoint()).as("16 available is below 20")
                .isPositive();

        WebSession.Page dashboard = person(Role.AGENT).get("/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).as("the ten lowest covers of the whole database are listed")
                .contains("figure-stock", "stock-value", "stock-below", "dashboard-cover");
    }
    @Test
    void aBuyerConfirmsChangesAndClosesAPurchaseOrderOnItsOwnPageAndTheWarehouseCannot() {
        String sku = fixtures.article("10.00", "EUR", "19");
        tools.jackson.databind.JsonNode po = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier,
                "location", location, "lines", java.util.List.of(Map.of("sku", sku, "quantity", 40, "unitPrice",
                        "4.20"))), "Idempotency-Key", Fixtures.unique("po")), 201).json();
        String id = po.get("id").asString();
        String number = po.get("number").asString();
        String api_ = "/api/v1/purchase-orders/" + id;
        WebSession buyer = person(Role.AGENT);

        WebSession.Page page = buyer.get("/purchasing/orders/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(number, "po-line-1", "confirm-line", "po-cancel", "po-close");

        assertThat(buyer.post("/purchasing/orders/" + id + "/confirmation", Map.of("line", "1", "quantity", "36",
                "deliveryDate", "2027-01-15")).status()).isEqualTo(302);
        tools.jackson.databind.JsonNode confirmed = api.get(api_).json();
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("lines").get(0).get("confirmed").asLong()).isEqualTo(36);
        assertThat(confirmed.get("lines").get(0).get("expectedOn").asString()).isEqualTo("2027-01-15");

        buyer.post("/purchasing/orders/" + id + "/confirmation", Map.of("line", "1", "quantity", "30",
                "deliveryDate", "2027-02-30"));
        assertThat(api.get(api_).json().get("lines").get(0).get("confirmed").asLong()).as("no such day: nothing")
                .isEqualTo(36);

        buyer.post("/purchasing/orders/" + id + "/change", Map.of("line", "1", "quantity", "30", "reason",
                "less needed"));
        tools.jackson.databind.JsonNode changed = api.get(api_).json();
        assertThat(changed.get("lines").get(0).get("ordered").asLong()).isEqualTo(30);
        assertThat(changed.get("revision").asInt()).isEqualTo(2);

        WebSession warehouse = person(Role.WAREHOUSE);
        assertThat(warehouse.get("/purchasing/orders/" + id).body()).doesNotContain("confirm-line", "po-cancel");
        assertThat(warehouse.post("/purchasing/orders/" + id + "/cancel", Map.of("reason", "not mine")).status())
                .isEqualTo(403);

        expect(api.post(api_ + "/receipts", Map.of("line", 1, "quantity", 10)), 201);
        buyer.post("/purchasing/orders/" + id + "/close", Map.of("reason", "the rest is not needed"));
        tools.jackson.databind.JsonNode closed = api.get(api_).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED_SHORT");
        assertThat(closed.get("reason").asString()).isEqualTo("the rest is not needed");
        assertThat(buyer.get("/purchasing/orders/" + id).body()).contains("po-status").doesNotContain("po-cancel");
    }

    @Test
    void anAgentOrdersTheSuggestionsWithOneClickAndTheWarehouseReceivesThem() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String supplier = Fixtures.unique("SCR");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Screen " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "currency", "EUR")), 201);
        String sku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(sku, location, 2);
        expect(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "reorderPoint", 5,
                "reorderQuantity", 12, "supplier", supplier, "purchasePrice", Map.of("amount", "1.50",
                        "currency", "EUR"))), 200);

        WebSession agent = person(Role.AGENT);
        String page = agent.get("/purchasing").body();
        assertThat(page).contains("id=\"suggestion-" + supplier + "-" + location + "\"", "Order these from the supplier");
        WebSession.Page ordered = agent.post("/purchasing/orders", Map.of("supplier", supplier, "location", location));
        String after = agent.follow(ordered).body();
        assertThat(after).contains("placed and mailed to " + supplier);
        PurchaseOrder po = purchasing.list(null, supplier, null, 10).items().get(0);
        assertThat(po.lines().get(0).ordered()).isEqualTo(12);
        assertThat(after).contains("id=\"po-" + po.number() + "\"").doesNotContain("/purchasing/receipts");
        assertThat(agent.post("/purchasing/receipts", Map.of("order", po.id().toString(), "line", "1",
                "quantity", "12")).status()).as("agents do not receive").isEqualTo(403);

        WebSession warehouse = person(Role.WAREHOUSE);
        assertThat(warehouse.get("/purchasing").body()).contains("/purchasing/receipts")
                .doesNotContain("Order these from the supplier");
        assertThat(warehouse.post("/purchasing/orders", Map.of("supplier", supplier, "location", location))
                .status()).as("the warehouse does not order").isEqualTo(403);
        WebSession.Page tooMany = warehouse.post("/purchasing/receipts", Map.of("order", po.id().toString(),
                "line", "1", "quantity", "20"));
        assertThat(warehouse.follow(tooMany).body()).contains("may receive at most 13 more");
        WebSession.Page received = warehouse.post("/purchasing/receipts", Map.of("order", po.id().toString(),
                "line", "1", "quantity", "12"));
        assertThat(warehouse.follow(received).body()).contains("Received 12 against " + po.number() + "/1");
        assertThat(purchasing.require(po.id()).status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(inventory.stock(sku).onHand()).isEqualTo(14);
    }

    @Test
    void aCancelledPurchaseOrderIsRefusedInTheReadersLanguageAndTheStateIsSaidAsAPersonWould() {
        String sku = fixtures.article("10.00", "EUR", "19");
        tools.jackson.databind.JsonNode po = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier,
                "location", location, "lines", List.of(Map.of("sku", sku, "quantity", 40, "unitPrice", "4.20"))),
                "Idempotency-Key", Fixtures.unique("po")), 201).json();
        UUID id = UUID.fromString(po.get("id").asString());
        String number = po.get("number").asString();
        purchasing.cancel(id, "ordered twice");

        WebSession buyer = person(Role.AGENT, "de");
        buyer.get("/purchasing/orders/" + id);
        WebSession.Page change = buyer.post("/purchasing/orders/" + id + "/change", Map.of("line", "1",
                "quantity", "30", "reason", "weniger gebraucht"));
        assertThat(buyer.follow(change).body()).contains("Nicht möglich: Einkaufsbestellung " + number
                + " ist storniert und kann nicht mehr geändert werden");

        WebSession warehouse = person(Role.WAREHOUSE, "ko");
        warehouse.get("/purchasing");
        WebSession.Page receipt = warehouse.post("/purchasing/receipts", Map.of("order", id.toString(), "line", "1",
                "quantity", "5"));
        assertThat(warehouse.follow(receipt).body()).contains("구매 주문 " + number
                + "은(는) 취소됨 상태이므로 더 이상 입고할 수 없습니다");
        assertThat(inventory.stock(sku).onHand()).as("nothing received").isZero();

        WebSession english = person(Role.AGENT);
        english.get("/purchasing");
        WebSession.Page placed = english.post("/purchasing/orders", Map.of("supplier", "NO-SUCH-SUPPLIER",
                "location", location));
        assertThat(english.follow(placed).body()).contains("Not saved: " + FieldLabels.of("supplier", Locale.ENGLISH)
                + ": is not a known supplier code: NO-SUCH-SUPPLIER");
        WebSession german = person(Role.AGENT, "de");
        german.get("/purchasing");
        placed = german.post("/purchasing/orders", Map.of("supplier", "NO-SUCH-SUPPLIER", "location", location));
        assertThat(german.follow(placed).body()).contains("Nicht gespeichert: " + FieldLabels.of("supplier",
                Locale.GERMAN) + ": ist kein bekannter Lieferanten-Code: NO-SUCH-SUPPLIER");
    }
}
