package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SecurityIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.admin(port);
    }

    @Test
    void missingOrWrongKeysGet401Problems() {
        Api.Response none = admin.as(null).get("/api/v1/orders");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("type").asString()).isEqualTo("urn:ordo:problem:unauthorized");

        Api.Response wrong = admin.as("ordo_not-a-real-key").get("/api/v1/orders");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).contains("unknown or revoked");
        assertThat(admin.as(null).post("/api/v1/articles", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void rolesLimitWhatAKeyMayDo() {
        Api warehouse = admin.withNewKey("WAREHOUSE");
        Api integration = admin.withNewKey("INTEGRATION");
        Api agent = admin.withNewKey("AGENT");
        Fixtures fixtures = new Fixtures(admin);
        String loc = fixtures.location(1);
        String sku = fixtures.article("1.00", "EUR", "19");

        Api.Response denied = warehouse.post("/api/v1/articles", Map.of("sku", "X"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(warehouse.post("/api/v1/orders", Fixtures.order("EUR", sku, 1), "Idempotency-Key", "k1")
                .status()).isEqualTo(403);
        assertThat(warehouse.get("/api/v1/api-keys").status()).isEqualTo(403);
        expect(warehouse.post("/api/v1/inventory/receipts", Map.of("sku", sku, "location", loc, "quantity", 3)), 201);
        expect(warehouse.get("/api/v1/orders"), 200);

        assertThat(integration.post("/api/v1/locations", Map.of("code", "NOPE", "name", "n", "priority", 1))
                .status()).isEqualTo(403);
        expect(integration.placeOrder(Fixtures.order("EUR", sku, 1)), 201);

        assertThat(agent.post("/api/v1/inventory/receipts", Map.of("sku", sku, "location", loc, "quantity", 3))
                .status()).isEqualTo(403);
        expect(agent.get("/api/v1/inventory/" + sku), 200);
    }

    @Test
    void revokedKeysStopWorkingAtOnce() {
        var issued = expect(admin.post("/api/v1/api-keys", Map.of("name", Fixtures.unique("shop"),
                "role", "INTEGRATION")), 201).json();
        Api shop = admin.as(issued.get("key").asString());
        expect(shop.get("/api/v1/orders"), 200);

        expect(admin.post("/api/v1/api-keys/" + issued.get("info").get("id").asString() + "/revoke", Map.of()), 200);

        assertThat(shop.get("/api/v1/orders").status()).isEqualTo(401);
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        var issued = expect(admin.post("/api/v1/api-keys", Map.of("name", Fixtures.unique("erp"),
                "role", "INTEGRATION")), 201).json();
        String key = issued.get("key").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE key_hash = :k OR prefix = :k").param("k", key)
                .query(Long.class).single()).isZero();
        assertThat(admin.get("/api/v1/api-keys").body()).doesNotContain(key);
    }

    @Test
    void apiDocumentationIsPublic() {
        Api anonymous = admin.as(null);
        Api.Response docs = expect(anonymous.get("/v3/api-docs"), 200);
        assertThat(docs.json().get("paths").has("/api/v1/orders")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/inventory/receipts")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
    }
}
