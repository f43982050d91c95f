package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.billing.DocumentArchive;
import org.ordo.inventory.InventoryManagement;
import org.ordo.purchasing.PurchasingManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Replenishment as a story: orders drain a SKU below its reorder point, the buyers are alerted once, the
 * suggestion becomes a purchase order mailed to the supplier with its PDF, a partial receipt fills the backorder,
 * the final receipt closes the order; the stock ledger equals the levels at every step (invariant 1).
 */
@IntegrationTest
class PurchasingFlowIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    PurchasingManagement purchasing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentArchive documents;

    Api api;

    private void booksStraight(String sku) {
        assertThat(inventory.ledgerDiscrepancies(sku)).as("ledger of " + sku).isEmpty();
        assertThat(purchasing.receivedBeyondTolerance()).isEmpty();
    }

    private JsonNode stock(String sku) {
        return expect(api.get("/api/v1/inventory/" + sku), 200).json();
    }

    private long alertMails(String sku) {
        return jdbc.sql("SELECT count(*) FROM message WHERE kind = 'REORDER_ALERT' AND subject LIKE :s")
                .param("s", "Reorder " + sku + " %").query(Long.class).single();
    }

    @Test
    void drainedStockIsAlertedOnceOrderedFromTheSupplierAndReceivedUntilTheOrderCloses() throws Exception {
        api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        Api warehouse = api.withNewKey("WAREHOUSE");
        String location = fixtures.location(1);
        String supplier = Fixtures.unique("CER");
        String supplierEmail = supplier.toLowerCase() + "@ceramica.example";
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Cerámica " + supplier, "email",
                supplierEmail, "leadTimeDays", 10, "currency", "EUR", "locale", "es")), 201);
        String sku = fixtures.article("PHYSICAL", "12.00", "EUR", "19", true, false);
        fixtures.receive(sku, location, 10);
        expect(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "reorderPoint", 6,
                "targetLevel", 30, "safetyStock", 2, "packSize", 10, "supplier", supplier, "supplierArticle",
                "TAZA-7", "purchasePrice", Map.of("amount", "3.10", "currency", "EUR"))), 200);
        booksStraight(sku);

        // Orders drain the stock: 7 left, then 4 (below the reorder point of 6), then 2 more than there are.
        expect(api.placeOrder(Fixtures.order("EUR", sku, 3)), 201);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 3)), 201);
        JsonNode backordered = expect(api.placeOrder(Fixtures.order("EUR", sku, 6)), 201).json();
        assertThat(backordered.get("lines").get(0).get("backordered").asLong()).isEqualTo(2);
        booksStraight(sku);

        // One alert, one mail to the buyers: not one per order.
        await().atMost(Duration.ofSeconds(20)).until(() -> alertMails(sku) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :sku
                """).param("sku", "%" + sku + "%").query(Long.class).single() == 0);
        assertThat(purchasing.alerts(true, sku, 10)).hasSize(1);
        assertThat(alertMails(sku)).isEqualTo(1);

        // The suggestion: position 0 available + 0 on order - 2 backordered = -2; up to 30 is 32, packs of 10: 40.
        JsonNode suggestion = expect(api.get("/api/v1/purchasing/suggestions?supplier=" + supplier + "&location="
                + location), 200).json().get(0);
        JsonNode line = suggestion.get("lines").get(0);
        assertThat(line.get("position").asLong()).isEqualTo(-2);
        assertThat(line.get("backordered").asLong()).isEqualTo(2);
        assertThat(line.get("quantity").asLong()).isEqualTo(40);

        // One click: the purchase order from the suggestion, mailed to the supplier in Spanish with its PDF.
        JsonNode po = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", location,
                "fromSuggestions", true), "Idempotency-Key", Fixtures.unique("po")), 201).json();
        String number = po.get("number").asString();
        String path = "/api/v1/purchase-orders/" + po.get("id").asString();
        assertThat(po.get("lines").get(0).get("ordered").asLong()).isEqualTo(40);
        assertThat(po.get("lines").get(0).get("supplierArticle").asString()).isEqualTo("TAZA-7");
        assertThat(po.get("total").get("amount").asString()).isEqualTo("124.00");
        assertThat(stock(sku).get("onOrder").asLong()).isEqualTo(40);
        assertThat(purchasing.alerts(true, sku, 10)).as("on order: back above the reorder point").isEmpty();
        UUID mail = jdbc.sql("SELECT id FROM message WHERE recipient = :r AND kind = 'PURCHASE_ORDER'")
                .param("r", supplierEmail).query(UUID.class).single();
        JsonNode message = expect(api.get("/api/v1/messages/" + mail), 200).json();
        assertThat(message.get("subject").asString()).startsWith("Pedido de compra " + number);
        JsonNode attachment = expect(api.get("/api/v1/messages/" + mail + "/attachments"), 200).json().get(0);
        byte[] pdf = documents.file(UUID.fromString(attachment.get("documentId").asString())).content();
        assertThat(Mails.pdfText(pdf)).contains("Pedido de compra " + number, "TAZA-7", "124,00");
        booksStraight(sku);

        // A partial receipt fills the backorder, earliest promise first, as every receipt does.
        JsonNode partly = expect(warehouse.post(path + "/receipts", Map.of("line", 1, "quantity", 15)), 201).json();
        assertThat(partly.get("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        String order = "/api/v1/orders/" + backordered.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(order).json().get("lines").get(0)
                .get("backordered").asLong() == 0);
        assertThat(api.get(order).json().get("lines").get(0).get("reserved").asLong()).isEqualTo(6);
        assertThat(stock(sku).get("onOrder").asLong()).isEqualTo(25);
        assertThat(stock(sku).get("available").asLong()).isEqualTo(13);
        booksStraight(sku);

        // The final receipt, two more than ordered within the tolerance: the order is closed.
        JsonNode done = expect(warehouse.post(path + "/receipts", Map.of("line", 1, "quantity", 27)), 201).json();
        assertThat(done.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(done.get("lines").get(0).get("received").asLong()).isEqualTo(42);
        assertThat(done.get("lines").get(0).get("open").asLong()).isZero();
        assertThat(stock(sku).get("onOrder").asLong()).isZero();
        assertThat(stock(sku).get("onHand").asLong()).isEqualTo(52);
        JsonNode receipts = api.get("/api/v1/inventory/" + sku + "/movements?limit=100").json().get("items");
        assertThat(receipts.valueStream().filter(m -> "PURCHASE_ORDER".equals(m.get("documentType").asString()))
                .map(m -> m.get("documentRef").asString()).toList()).containsExactly(number + "/1", number + "/1");
        assertThat(warehouse.post(path + "/receipts", Map.of("line", 1, "quantity", 1)).status())
                .as("a closed order takes no more").isEqualTo(409);
        booksStraight(sku);
        assertThat(alertMails(sku)).isEqualTo(1);
        assertThat(purchasing.availableToPromise(sku)).singleElement()
                .satisfies(today -> assertThat(today.quantity()).as("52 on hand, 12 reserved").isEqualTo(40));
    }
}
