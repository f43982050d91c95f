package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The stock policy form (docs/purchasing.md#in-the-back-office): a buyer sets a SKU's policy per warehouse, refused
 * input changes nothing, and the warehouse sees the policies without the form and may not post it.
 */
@IntegrationTest
class StockPolicyScreenIntegrationTests {

    private static final String PASSWORD = "policy-screen-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    private WebSession person(Role role) {
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, "en", "test");
        return WebSession.login(port, name, PASSWORD);
    }

    /** A SKU of 10,000 characters (the hostile run's) is refused on the page, not with a 500 from its redirect. */
    @Test
    void aSkuLongerThanAnySkuIsRefusedOnThePage() {
        WebSession buyer = person(Role.PURCHASING);
        buyer.get("/purchasing/policies");
        WebSession.Page answer = buyer.post("/purchasing/policies", Map.of("sku", "A".repeat(10_000), "location",
                "BER", "reorderPoint", "5"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/purchasing/policies?sku=");
        assertThat(buyer.follow(answer).body()).contains("class=\"flash error\"");
    }

    @Test
    void aBuyerSetsAPolicyPerWarehouseOnTheForm() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR")), 201);

        WebSession buyer = person(Role.PURCHASING);
        assertThat(buyer.get("/purchasing/policies?sku=" + sku).body()).contains("policy-form");
        assertThat(buyer.post("/purchasing/policies", Map.of("sku", sku, "location", location, "reorderPoint", "20",
                "targetLevel", "100", "safetyStock", "5", "supplier", supplier, "purchasePrice", "4.20", "currency",
                "EUR", "packSize", "12", "leadTimeDays", "7")).status()).isEqualTo(302);
        JsonNode stored = api.get("/api/v1/inventory/" + sku + "/policy").json().get(0);
        assertThat(stored.get("reorderPoint").asLong()).isEqualTo(20);
        assertThat(stored.get("targetLevel").asLong()).isEqualTo(100);
        assertThat(stored.get("supplier").asString()).isEqualTo(supplier);
        assertThat(stored.get("purchasePrice").get("amount").asString()).isEqualTo("4.20");
        assertThat(stored.get("packSize").asLong()).isEqualTo(12);
        assertThat(stored.get("effectiveLeadTimeDays").asInt()).isEqualTo(7);

        buyer.post("/purchasing/policies", Map.of("sku", sku, "location", location, "reorderPoint", "30",
                "targetLevel", "10"));
        assertThat(api.get("/api/v1/inventory/" + sku + "/policy").json().get(0).get("reorderPoint").asLong())
                .as("a target below the reorder point is refused: nothing changes").isEqualTo(20);

        WebSession warehouse = person(Role.WAREHOUSE);
        assertThat(warehouse.get("/purchasing/policies?sku=" + sku).body()).contains("policy-" + location)
                .doesNotContain("policy-form");
        assertThat(warehouse.post("/purchasing/policies", Map.of("sku", sku, "location", location,
                "reorderPoint", "1", "targetLevel", "2")).status()).isEqualTo(403);
    }
}
