package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The packing slip read back as a customer gets it: text in their language, and a QR code that opens the return link;
 * rendered when first asked for, not when the shipment leaves, and the same bytes on every reprint.
 */
@IntegrationTest
class PackingSlipIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    PackingSlips slips;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aKoreanCustomersPackingSlipListsTheParcelAndCarriesTheReturnLinkAsTextAndQrCode() throws Exception {
        Api api = Api.admin(port);
        Api warehouse = api.withNewKey("WAREHOUSE");
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 3);
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", sku, 2));
        body.put("customer", Map.of("email", Fixtures.unique("minji").toLowerCase() + "@example.com", "name", "김민지",
                "locale", "ko"));
        JsonNode order = expect(api.placeOrder(body), 201).json();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                "amount", Map.of("amount", order.get("totals").get("gross").get("amount").asString(),
                        "currency", "EUR"))), 201);
        JsonNode shipment = new DeliveredOrders(api, warehouse).ship(order, location, Map.of(1, 2L));
        // Shipping renders no slip: once every listener has handled the shipment, the order has none yet.
        String orderId = order.get("id").asString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FILTER (WHERE completion_date IS NULL) = 0 AND count(*) > 0 FROM event_publication
                WHERE event_type LIKE '%ShipmentShipped' AND serialized_event LIKE '%' || :shipment || '%'
                """).param("shipment", shipment.get("id").asString()).query(Boolean.class).single());
        assertThat(api.get("/api/v1/orders/" + orderId + "/documents").json())
                .noneSatisfy(d -> assertThat(d.get("kind").asString()).isEqualTo("PACKING_SLIP"));

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/api/v1/shipments/" + shipment.get("id").asString() + "/packing-slip"))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");

        String link = slips.returnLink(UUID.fromString(order.get("id").asString()));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("납품서", order.get("number").asString(), "Article " + sku, "반품",
                    "/track/", "30일 이내");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)))).getText();
            assertThat(decoded).isEqualTo(link);
        }
        // Kept with the order's documents once it was printed: a reprint gives the same bytes.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/orders/" + orderId + "/documents").json()).anySatisfy(d -> {
                    assertThat(d.get("kind").asString()).isEqualTo("PACKING_SLIP");
                    assertThat(d.get("locale").asString()).isEqualTo("ko");
                }));
        HttpResponse<byte[]> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/shipments/" + shipment.get("id").asString() + "/packing-slip"))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.body()).isEqualTo(pdf.body());
        // The shipping mail links the return form behind the same token, in Korean.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/orders/" + orderId + "/messages").json()).anySatisfy(m -> {
                    assertThat(m.get("kind").asString()).isEqualTo("SHIPPING_NOTICE");
                    assertThat(m.get("body").asString()).contains("여기에서 반품하세요: " + link + "/return");
                }));
        assertThat(warehouse.get("/api/v1/shipments/" + UUID.randomUUID() + "/packing-slip").status())
                .isEqualTo(404);
        assertThat(api.withNewKey("INTEGRATION").get("/api/v1/shipments/" + shipment.get("id").asString()
                + "/packing-slip").status()).isEqualTo(403);
    }

    /**
     * Publications to the listener that rendered slips at shipment, still open at the upgrade, are completed by the
     * upgrade's migration (the listener is gone; nobody would ever handle them). Its statement, run here again on
     * such a publication.
     */
    @Test
    void theUpgradeCompletesPublicationsLeftForTheListenerThatRenderedSlipsAtShipment() throws Exception {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    status, completion_attempts)
                VALUES (:id, 'org.ordo.returns.PackingSlips.on(org.ordo.shipping.ShipmentShipped)',
                    'org.ordo.shipping.ShipmentShipped', '{}', now() - interval '1 day', 'PUBLISHED', 1)
                """).param("id", id).update();
        String migration;
        try (var in = getClass().getClassLoader().getResourceAsStream(
                "db/migration/V580__packing_slips_rendered_when_asked.sql")) {
            assertThat(in).as("the migration").isNotNull();
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        jdbc.sql(migration).update();
        assertThat(jdbc.sql("SELECT completion_date IS NOT NULL AND status = 'COMPLETED' FROM event_publication"
                + " WHERE id = :id").param("id", id).query(Boolean.class).single()).isTrue();
    }
}
