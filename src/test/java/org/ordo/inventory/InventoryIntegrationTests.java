package org.ordo.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class InventoryIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void receiptsAndAdjustmentsMoveStockAndLeaveALedger() {
        String ber = fixtures.location(1);
        String ham = fixtures.location(2);
        String sku = fixtures.article("19.99", "EUR", "19");

        JsonNode receipt = expect(api.post("/api/v1/inventory/receipts",
                Map.of("sku", sku, "location", ber, "quantity", 10, "reference", "PO-1")), 201).json();
        assertThat(receipt.get("kind").asString()).isEqualTo("RECEIPT");
        assertThat(receipt.get("onHandDelta").asLong()).isEqualTo(10);
        assertThat(receipt.get("documentRef").asString()).isEqualTo("PO-1");
        fixtures.receive(sku, ham, 5);
        expect(api.post("/api/v1/inventory/adjustments",
                Map.of("sku", sku, "location", ber, "quantity", -2, "reason", "damaged")), 201);

        JsonNode stock = expect(api.get("/api/v1/inventory/" + sku), 200).json();
        assertThat(stock.get("available").asLong()).isEqualTo(13);
        assertThat(stock.get("locations").get(0).get("location").asString()).isEqualTo(ber);
        assertThat(stock.get("locations").get(0).get("onHand").asLong()).isEqualTo(8);
        assertThat(stock.get("locations").get(1).get("onHand").asLong()).isEqualTo(5);

        JsonNode movements = expect(api.get("/api/v1/inventory/" + sku + "/movements"), 200).json();
        assertThat(movements.get("items")).hasSize(3);
        assertThat(movements.get("items").get(2).get("reason").asString()).isEqualTo("damaged");
        assertThat(movements.get("items").get(2).get("onHandDelta").asLong()).isEqualTo(-2);
        assertThat(movements.get("items").get(2).get("actor").asString()).startsWith("api-key:");
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void ledgerPagesWithKeysetCursor() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("1.00", "EUR", "19");
        for (int i = 0; i < 5; i++) {
            fixtures.receive(sku, loc, i + 1);
        }
        JsonNode first = api.get("/api/v1/inventory/" + sku + "/movements?limit=2").json();
        JsonNode second = api.get("/api/v1/inventory/" + sku + "/movements?limit=2&after="
                + first.get("next").asString()).json();
        JsonNode third = api.get("/api/v1/inventory/" + sku + "/movements?limit=2&after="
                + second.get("next").asString()).json();
        assertThat(first.get("items").get(0).get("onHandDelta").asLong()).isEqualTo(1);
        assertThat(second.get("items").get(0).get("onHandDelta").asLong()).isEqualTo(3);
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("next").isNull()).isTrue();
    }

    @Test
    void reservedStockCannotBeAdjustedAway() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(sku, loc, 3);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201);

        Api.Response refused = api.post("/api/v1/inventory/adjustments",
                Map.of("sku", sku, "location", loc, "quantity", -2, "reason", "count"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        expect(api.post("/api/v1/inventory/adjustments",
                Map.of("sku", sku, "location", loc, "quantity", -1, "reason", "count")), 201);
        JsonNode stock = api.get("/api/v1/inventory/" + sku).json();
        assertThat(stock.get("onHand").asLong()).isEqualTo(2);
        assertThat(stock.get("reserved").asLong()).isEqualTo(2);
        assertThat(stock.get("available").asLong()).isZero();
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void theDatabaseRefusesNegativeStockAndOverReservation() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(sku, loc, 1);
        // Even SQL that skips the service's conditional updates is stopped by the CHECK constraints.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "UPDATE stock_level SET reserved = on_hand + 1 WHERE sku = :sku").param("sku", sku).update())
                .hasMessageContaining("stock_reserved_within_on_hand");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "UPDATE stock_level SET on_hand = -1, reserved = 0 WHERE sku = :sku").param("sku", sku).update())
                .hasMessageContaining("stock_on_hand_not_negative");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "DELETE FROM stock_movement WHERE sku = :sku").param("sku", sku).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void refusesInvalidMovementsNamingTheField() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("5.00", "EUR", "19");
        String ebook = fixtures.article("DIGITAL", "9.00", "EUR", "7", false, false);
        assertThat(api.post("/api/v1/inventory/receipts", Map.of("sku", sku, "location", loc, "quantity", 0))
                .errorFields()).containsExactly("quantity");
        assertThat(api.post("/api/v1/inventory/receipts", Map.of("sku", sku, "location", loc, "quantity", -3))
                .errorFields()).containsExactly("quantity");
        assertThat(api.post("/api/v1/inventory/receipts", Map.of("sku", "NOPE-" + sku, "location", loc,
                "quantity", 3)).errorFields()).containsExactly("sku");
        assertThat(api.post("/api/v1/inventory/receipts", Map.of("sku", sku, "location", "NOWHERE",
                "quantity", 3)).errorFields()).containsExactly("location");
        assertThat(api.post("/api/v1/inventory/receipts", Map.of("sku", ebook, "location", loc, "quantity", 3))
                .errorFields()).containsExactly("sku");
        assertThat(api.post("/api/v1/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 3))
                .errorFields()).containsExactly("reason");
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong()).isZero();
        assertThat(api.get("/api/v1/inventory/" + sku + "/movements").json().get("items")).isEmpty();
    }

    @Test
    void locationsAreManagedAndDuplicatesRefused() {
        String code = fixtures.location(7);
        JsonNode location = expect(api.get("/api/v1/locations/" + code), 200).json();
        assertThat(location.get("priority").asInt()).isEqualTo(7);
        assertThat(api.post("/api/v1/locations", Map.of("code", code, "name", "again", "priority", 1)).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/locations", Map.of("code", "X Y", "name", "", "priority", -1)).errorFields())
                .containsExactlyInAnyOrder("code", "name", "priority");
        expect(api.put("/api/v1/locations/" + code, Map.of("name", "Renamed", "priority", 3, "active", false)), 200);
        assertThat(api.get("/api/v1/locations/" + code).json().get("active").asBoolean()).isFalse();
    }
}
