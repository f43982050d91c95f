package org.ordo.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The purchasing role (docs/purchasing.md#who-may-call-what): a buyer's key sets stock policies, places, confirms
 * and receives purchase orders and ships transfers, and is refused the admin's settings, keys and customers' orders.
 */
@IntegrationTest
class PurchasingRoleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    @Test
    void aBuyerBuysAndReceivesButChangesNoSettings() {
        Api admin = Api.admin(port);
        Fixtures fixtures = new Fixtures(admin);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        Api buyer = admin.withNewKey("PURCHASING");

        String supplier = Fixtures.unique("SUP");
        expect(buyer.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Textilwerk " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR")), 201);
        expect(buyer.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "supplier", supplier,
                "reorderPoint", 5, "targetLevel", 20, "purchasePrice", Map.of("amount", "4.20", "currency", "EUR"))),
                200);
        JsonNode po = expect(buyer.post("/api/v1/purchase-orders", Map.of("fromSuggestions", true, "supplier",
                supplier, "location", location), "Idempotency-Key", Fixtures.unique("po")), 201).json();
        assertThat(po.get("lines").get(0).get("ordered").asLong()).isEqualTo(20);
        String path = "/api/v1/purchase-orders/" + po.get("id").asString();
        expect(buyer.post(path + "/confirmation", Map.of("lines", List.of(Map.of("line", 1, "quantity", 20,
                "deliveryDate", LocalDate.now(clock).plusDays(9).toString())))), 200);
        JsonNode received = expect(buyer.post(path + "/receipts", Map.of("line", 1, "quantity", 20)), 201).json();
        assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(admin.get("/api/v1/inventory/" + sku).json().get("onHand").asLong()).isEqualTo(20);

        assertThat(buyer.post("/api/v1/api-keys", Map.of("name", Fixtures.unique("k"), "role", "ADMIN")).status())
                .as("keys are the admin's").isEqualTo(403);
        assertThat(buyer.post("/api/v1/locations", Map.of("code", "X", "name", "X")).status())
                .as("warehouses are set up by the admin").isEqualTo(403);
        assertThat(buyer.placeOrder(Fixtures.order("EUR", sku, 1)).status()).as("orders are the agents'")
                .isEqualTo(403);
        assertThat(buyer.post("/api/v1/cycle-counts", Map.of("sku", sku, "location", location, "counted", 1),
                "Idempotency-Key", Fixtures.unique("cc")).status()).as("counting is the warehouse's").isEqualTo(403);
        assertThat(admin.get("/api/v1/inventory/" + sku).json().get("onHand").asLong()).isEqualTo(20);
    }
}
