package org.ordo.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.inventory.InventoryManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A partner's report file that reached a person some other way is uploaded by the warehouse: booked as the same
 * file in the partner's folder would be (once per reference), kept in the folder's done/; a refused one changes
 * nothing and is not kept.
 */
@IntegrationTest
class PartnerReportUploadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PartnerReportFiles files;

    @Autowired
    InventoryManagement inventory;

    Api api;
    Api warehouse;
    Fixtures fixtures;
    DeliveredOrders customers;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        warehouse = api.withNewKey("WAREHOUSE");
        fixtures = new Fixtures(api);
        customers = new DeliveredOrders(api, warehouse);
    }

    @Test
    void theWarehouseUploadsAShipmentAndAStockFileWhichAreBookedOnceAndKept() throws Exception {
        String location = fixtures.location(1);
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil", "delivery", "HTTP", "url", "http://127.0.0.1:9/none", "secret", "upload-secret-0123456789")),
                200);
        String sku = fixtures.article("10.00", "EUR", "19");
        String counted = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 10);
        fixtures.receive(counted, location, 4);
        JsonNode order = customers.placedAndPaid(sku, 2);
        String orderId = order.get("id").asString();
        String tracking = Fixtures.unique("TRK").replace("-", "");
        byte[] shipment = """
                {"reference":"SHP-%s","order":"%s","carrier":"DHL","trackingNumber":"%s",
                 "lines":[{"sku":"%s","quantity":2}]}""".formatted(tracking, order.get("number").asString(), tracking,
                sku).getBytes(StandardCharsets.UTF_8);
        String shipments = "/api/v1/fulfilment-partners/" + location + "/report-files/shipments";

        JsonNode shipped = expect(warehouse.postBytes(shipments + "?fileName=mail-0001.json", shipment,
                "application/json"), 201).json();
        assertThat(shipped.get("outcome").asString()).isEqualTo("SHIPPED");
        JsonNode again = expect(warehouse.postBytes(shipments, shipment, "application/octet-stream"), 200).json();
        assertThat(again.get("outcome").asString()).isEqualTo("DUPLICATE");
        JsonNode all = expect(api.get("/api/v1/orders/" + orderId + "/shipments"), 200).json();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("trackingNumber").asString()).isEqualTo(tracking);
        Path done = files.folderOf(location, PartnerReportFiles.SHIPMENTS).resolve("done");
        assertThat(Files.readAllBytes(done.resolve("mail-0001.json"))).isEqualTo(shipment);

        String reference = Fixtures.unique("STOCK");
        String stock = "/api/v1/fulfilment-partners/" + location + "/report-files/stock";
        JsonNode reconciled = expect(warehouse.postBytes(stock + "?fileName=count.json", """
                {"reference":"%s","lines":[{"sku":"%s","onHand":3}]}""".formatted(reference, counted)
                .getBytes(StandardCharsets.UTF_8), "application/json"), 200).json();
        assertThat(reconciled.toString()).contains(counted);
        assertThat(inventory.stock(counted).onHand()).isEqualTo(3);
        assertThat(files.folderOf(location, PartnerReportFiles.STOCK).resolve("done/count.json")).exists();

        // refused: an unknown SKU, a name that would leave the folder; neither changes nor keeps anything
        Api.Response unknown = warehouse.postBytes(stock + "?fileName=bad.json", """
                {"reference":"%s","lines":[{"sku":"NO-SUCH-SKU","onHand":3}]}""".formatted(Fixtures.unique("STOCK"))
                .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(files.folderOf(location, PartnerReportFiles.STOCK).resolve("done/bad.json")).doesNotExist();
        Api.Response escaping = warehouse.postBytes(stock + "?fileName=..%2F..%2Fescape.json", """
                {"reference":"%s","lines":[{"sku":"%s","onHand":1}]}""".formatted(Fixtures.unique("STOCK"), counted)
                .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(escaping.status()).isEqualTo(422);
        assertThat(escaping.errorFields()).containsExactly("fileName");
        assertThat(inventory.stock(counted).onHand()).isEqualTo(3);
        assertThat(inventory.ledgerDiscrepancies(counted)).isEmpty();

        // a key without the warehouse's rights may not book reports
        assertThat(api.withNewKey("AGENT").postBytes(stock, new byte[] {'{', '}'}, "application/json").status())
                .isEqualTo(403);
    }
}
