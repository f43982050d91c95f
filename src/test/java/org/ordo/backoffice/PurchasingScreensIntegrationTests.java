package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.inventory.InventoryManagement;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.ordo.purchasing.PurchaseOrder;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.purchasing.PurchasingManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The purchasing screen without a browser: an agent orders the suggestions with one click, the warehouse
 * receives against the line (and may not order), an agent may not receive.
 */
@IntegrationTest
class PurchasingScreensIntegrationTests {

    private static final String PASSWORD = "purchasing-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    PurchasingManagement purchasing;
    @Autowired
    InventoryManagement inventory;

    private WebSession as(Role role) {
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, "en", "test");
        return WebSession.login(port, name, PASSWORD);
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

        WebSession agent = as(Role.AGENT);
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

        WebSession warehouse = as(Role.WAREHOUSE);
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
}
