package org.ordo.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.backoffice.WebSession;
import org.ordo.inventory.InventoryManagement;
import org.ordo.platform.WebhookSignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Orders fulfilled by partners: a 3PL warehouse gets a signed request for what is reserved there (retried while it
 * answers 500), reports the shipment with tracking back (once, however often it repeats the report), and the
 * customer gets the tracking mail and the invoice; a 3PL's stock report books each difference as an adjustment
 * naming the report; a dropship supplier gets the customer's address and its shipment notice reaches the customer.
 */
@IntegrationTest
class OutsourcedFulfilmentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OutsourcingManagement outsourcing;

    @Autowired
    InventoryManagement inventory;

    @Autowired
    PartnerReportFiles files;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.ordo.outsourcing.internal.Partners partners;

    Api api;
    Fixtures fixtures;
    DeliveredOrders customers;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        customers = new DeliveredOrders(api, api.withNewKey("WAREHOUSE"));
    }

    @Test
    void aThirdPartyWarehouseGetsTheRequestShipsWithTrackingAndTheCustomerIsToldAndInvoiced() {
        String location = fixtures.location(1);
        String secret = "3pl-secret-" + UUID.randomUUID();
        String sku = fixtures.article("24.00", "EUR", "19");
        try (PartnerStandIn threePl = new PartnerStandIn()) {
            JsonNode partner = expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind",
                    "THIRD_PARTY_WAREHOUSE", "name", "Fulfil GmbH", "delivery", "HTTP", "url", threePl.url(),
                    "secret", secret)), 200).json();
            assertThat(partner.toString()).doesNotContain(secret);
            assertThat(expect(api.get("/api/v1/locations/" + location), 200).json().get("external").asBoolean())
                    .isTrue();
            fixtures.receive(sku, location, 10);
            threePl.failNext(2);

            JsonNode order = customers.placedAndPaid(sku, 3);
            String orderId = order.get("id").asString();
            String number = order.get("number").asString();
            Api warehouse = api.withNewKey("WAREHOUSE");
            assertThat(warehouse.post("/api/v1/fulfillment/pick-lists", Map.of("location", location)).json()
                    .get("type").asString()).as("nobody of ours picks at a 3PL").endsWith("external-location");

            // the 3PL answers 500 twice: the request is tried again after a minute, then after two more
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                outsourcing.sendRequests();
                JsonNode r = request(orderId);
                return r.get("attempts").asInt() == 1 && r.get("status").asString().equals("PENDING");
            });
            assertThat(request(orderId).get("lastError").asString()).contains("500");
            TestClock.movedBy(Duration.ofMinutes(2), () -> await().atMost(Duration.ofSeconds(30)).until(() -> {
                outsourcing.sendRequests();
                return request(orderId).get("attempts").asInt() == 2;
            }));
            TestClock.movedBy(Duration.ofMinutes(10), () -> await().atMost(Duration.ofSeconds(30)).until(() -> {
                outsourcing.sendRequests();
                return request(orderId).get("status").asString().equals("SENT");
            }));
            List<PartnerStandIn.Received> calls = threePl.received();
            assertThat(calls).hasSize(3);
            assertThat(calls).extracting(PartnerStandIn.Received::idempotencyKey).as("one request, three attempts")
                    .containsOnly(request(orderId).get("id").asString());
            PartnerStandIn.Received sent = calls.get(2);
            assertThat(signedBy(secret, sent)).as("signed with the partner's secret").isTrue();
            JsonNode body = Api.JSON.readTree(sent.body());
            assertThat(body.get("order").asString()).isEqualTo(number);
            assertThat(body.get("shipTo").get("street").asString()).isEqualTo("Hauptstr. 1");
            assertThat(body.get("lines").get(0).get("sku").asString()).isEqualTo(sku);
            assertThat(body.get("lines").get(0).get("quantity").asLong()).isEqualTo(3);

            // the 3PL reports the shipment, and repeats the report: one shipment
            String tracking = Fixtures.unique("TRK").replace("-", "");
            String report = """
                    {"reference":"SHP-%s","order":"%s","carrier":"DHL","service":"Paket","trackingNumber":"%s",
                     "lines":[{"sku":"%s","quantity":3}]}""".formatted(tracking, number, tracking, sku);
            JsonNode shipped = expect(signed(location, "shipments", secret, report), 201).json();
            assertThat(shipped.get("outcome").asString()).isEqualTo("SHIPPED");
            JsonNode again = expect(signed(location, "shipments", secret, report), 200).json();
            assertThat(again.get("outcome").asString()).isEqualTo("DUPLICATE");
            assertThat(again.get("shipmentId").asString()).isEqualTo(shipped.get("shipmentId").asString());
            JsonNode shipments = expect(api.get("/api/v1/orders/" + orderId + "/shipments"), 200).json();
            assertThat(shipments).hasSize(1);
            assertThat(shipments.get(0).get("trackingNumber").asString()).isEqualTo(tracking);
            assertThat(order(orderId).get("fulfillmentStatus").asString()).isEqualTo("SHIPPED");
            assertThat(request(orderId).get("status").asString()).isEqualTo("SHIPPED");
            assertThat(inventory.stock(sku).onHand()).as("the goods left the 3PL's stock").isEqualTo(7);
            assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();

            customers.delivered(shipments.get(0));
            assertThat(order(orderId).get("fulfillmentStatus").asString()).isEqualTo("DELIVERED");
            JsonNode messages = await().atMost(Duration.ofSeconds(20)).until(
                    () -> api.get("/api/v1/orders/" + orderId + "/messages").json(),
                    all -> kinds(all).containsAll(List.of("SHIPPING_NOTICE", "INVOICE")));
            JsonNode notice = StreamSupport.stream(messages.spliterator(), false)
                    .filter(m -> m.get("kind").asString().equals("SHIPPING_NOTICE")).findFirst().orElseThrow();
            assertThat(notice.get("body").asString()).contains(tracking);
            assertThat(expect(api.get("/api/v1/orders/" + orderId + "/invoices"), 200).json()).hasSize(1);
        }
    }

    @Test
    void aForgedOrUnknownShipmentReportChangesNothing() {
        String location = fixtures.location(1);
        String secret = "3pl-secret-" + UUID.randomUUID();
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil", "delivery", "FOLDER", "secret", secret)), 200);
        String report = """
                {"reference":"X","order":"SO-0","carrier":"DHL","trackingNumber":"ABCD1234","lines":[{"sku":"A","quantity":1}]}""";
        assertThat(signed(location, "shipments", "another-secret-0123", report).status()).isEqualTo(400);
        assertThat(signed(location, "shipments", secret, report).status()).as("no such order").isEqualTo(404);
        assertThat(signed("NOPE", "shipments", secret, report).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE",
                "name", "", "delivery", "HTTP", "secret", "short")).errorFields())
                .containsExactlyInAnyOrder("name", "url", "secret");
    }

    @Test
    void thePartnersSecretIsStoredSealedAndOneKeptInClearByAnEarlierVersionIsSealedAtStart() {
        String location = fixtures.location(1);
        String secret = "3pl-secret-" + UUID.randomUUID();
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil", "delivery", "FOLDER", "secret", secret)), 200);
        Map<String, Object> row = jdbc.sql("SELECT secret, secret_sealed FROM fulfilment_partner WHERE location_code = :l")
                .param("l", location).query().singleRow();
        assertThat(row.get("secret")).as("no secret in clear").isNull();
        assertThat(new String((byte[]) row.get("secret_sealed"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
        String report = """
                {"reference":"X","order":"SO-0","carrier":"DHL","trackingNumber":"ABCD1234","lines":[{"sku":"A","quantity":1}]}""";
        assertThat(signed(location, "shipments", secret, report).status()).as("checked with the opened secret")
                .isEqualTo(404);

        // a row as an earlier version wrote it: the secret in clear
        String older = "3pl-older-secret-" + UUID.randomUUID();
        jdbc.sql("UPDATE fulfilment_partner SET secret = :s, secret_sealed = NULL WHERE location_code = :l")
                .param("s", older).param("l", location).update();
        partners.sealClearSecrets();
        assertThat(jdbc.sql("SELECT count(*) FROM fulfilment_partner WHERE secret IS NOT NULL").query(Long.class)
                .single()).isZero();
        assertThat(signed(location, "shipments", "another-secret-0123", report).status()).isEqualTo(400);
        assertThat(signed(location, "shipments", older, report).status()).isEqualTo(404);
    }

    @Test
    void aStockReportBooksEveryDifferenceAsAnAdjustmentNamingTheReport() throws Exception {
        String location = fixtures.location(1);
        String secret = "3pl-secret-" + UUID.randomUUID();
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil", "delivery", "FOLDER", "secret", secret)), 200);
        String counted = fixtures.article("10.00", "EUR", "19");
        String held = fixtures.article("10.00", "EUR", "19");
        String fresh = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(counted, location, 10);
        fixtures.receive(held, location, 5);
        JsonNode order = customers.placedAndPaid(held, 4);

        // the request is written to the exchange folder: one file per order
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            outsourcing.sendRequests();
            return request(order.get("id").asString()).get("status").asString().equals("SENT");
        });
        Path file = Path.of(request(order.get("id").asString()).get("deliveredTo").asString());
        assertThat(file.getFileName().toString()).isEqualTo(order.get("number").asString() + ".json");
        assertThat(Files.readString(file)).contains(held).contains("Hauptstr. 1");

        String reference = Fixtures.unique("STOCK");
        String report = """
                {"reference":"%s","lines":[{"sku":"%s","onHand":7},{"sku":"%s","onHand":2},{"sku":"%s","onHand":6}]}"""
                .formatted(reference, counted, held, fresh);
        assertThat(signed(location, "stock-reports", "forged-secret-0123456", report).status()).isEqualTo(400);
        assertThat(inventory.stock(counted).onHand()).as("a forged report changes nothing").isEqualTo(10);

        JsonNode reconciled = expect(signed(location, "stock-reports", secret, report), 200).json();
        assertThat(reconciled.get("duplicate").asBoolean()).isFalse();
        assertThat(inventory.stock(counted).onHand()).isEqualTo(7);
        assertThat(inventory.stock(fresh).onHand()).isEqualTo(6);
        assertThat(inventory.stock(held).onHand()).as("the 4 reserved for the order stay").isEqualTo(4);
        JsonNode heldLine = StreamSupport.stream(reconciled.get("lines").spliterator(), false)
                .filter(l -> l.get("sku").asString().equals(held)).findFirst().orElseThrow();
        assertThat(heldLine.get("adjusted").asLong()).isEqualTo(-1);
        assertThat(heldLine.get("unresolved").asLong()).isEqualTo(2);
        for (String sku : List.of(counted, held, fresh)) {
            JsonNode last = lastMovement(sku);
            assertThat(last.get("kind").asString()).isEqualTo("ADJUSTMENT");
            assertThat(last.get("documentType").asString()).isEqualTo("STOCK_REPORT");
            assertThat(last.get("documentRef").asString()).isEqualTo(reference);
            assertThat(inventory.ledgerDiscrepancies(sku)).as("ledger = levels").isEmpty();
        }

        JsonNode repeated = expect(signed(location, "stock-reports", secret, report), 200).json();
        assertThat(repeated.get("duplicate").asBoolean()).isTrue();
        assertThat(inventory.stock(counted).onHand()).isEqualTo(7);
        assertThat(expect(api.get("/api/v1/fulfilment-partners/" + location), 200).json().get("stockReportedAt")
                .isNull()).as("the age of the stock is shown").isFalse();
    }

    @Test
    void aPartnerShipsAnOrderInTwoPartsAndTheRestStaysReservedUntilTheSecond() {
        String location = fixtures.location(1);
        String secret = "3pl-secret-" + UUID.randomUUID();
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil", "delivery", "FOLDER", "secret", secret)), 200);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 10);
        JsonNode order = customers.placedAndPaid(sku, 5);
        String orderId = order.get("id").asString();
        String number = order.get("number").asString();

        JsonNode first = expect(signed(location, "shipments", secret, shipmentReport(number, sku, 2)), 201).json();
        assertThat(first.get("outcome").asString()).isEqualTo("SHIPPED");
        assertThat(order(orderId).get("fulfillmentStatus").asString()).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(request(orderId).get("status").asString()).as("3 still to ship").isNotEqualTo("SHIPPED");
        var level = inventory.stock(sku).locations().stream().filter(l -> l.location().equals(location)).findFirst()
                .orElseThrow();
        assertThat(level.onHand()).isEqualTo(8);
        assertThat(level.reserved()).as("the rest stays reserved for the order").isEqualTo(3);

        Api.Response tooMany = signed(location, "shipments", secret, shipmentReport(number, sku, 4));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.errorFields()).containsExactly("lines[0].quantity");

        expect(signed(location, "shipments", secret, shipmentReport(number, sku, 3)), 201);
        assertThat(order(orderId).get("fulfillmentStatus").asString()).isEqualTo("SHIPPED");
        assertThat(request(orderId).get("status").asString()).isEqualTo("SHIPPED");
        assertThat(expect(api.get("/api/v1/orders/" + orderId + "/shipments"), 200).json()).hasSize(2);
        assertThat(inventory.stock(sku).onHand()).isEqualTo(5);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    private static String shipmentReport(String order, String sku, long quantity) {
        String tracking = Fixtures.unique("TRK").replace("-", "");
        return """
                {"reference":"SHP-%s","order":"%s","carrier":"DHL","trackingNumber":"%s",
                 "lines":[{"sku":"%s","quantity":%d}]}""".formatted(tracking, order, tracking, sku, quantity);
    }

    @Test
    void reportsLeftAsFilesAreBookedOnceAndARefusedOneIsSetAsideWithItsReason() throws Exception {
        String location = fixtures.location(1);
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil", "delivery", "FOLDER", "secret", "file-secret-0123456789")), 200);
        String sku = fixtures.article("10.00", "EUR", "19");
        String counted = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 10);
        fixtures.receive(counted, location, 4);
        JsonNode order = customers.placedAndPaid(sku, 2);
        String orderId = order.get("id").asString();

        Path shipments = Files.createDirectories(files.folderOf(location, PartnerReportFiles.SHIPMENTS));
        Path stock = Files.createDirectories(files.folderOf(location, PartnerReportFiles.STOCK));
        String tracking = Fixtures.unique("TRK").replace("-", "");
        String shipment = """
                {"reference":"SHP-%s","order":"%s","carrier":"DHL","trackingNumber":"%s",
                 "lines":[{"sku":"%s","quantity":2}]}""".formatted(tracking, order.get("number").asString(), tracking,
                sku);
        Files.writeString(shipments.resolve("0001.json"), shipment);
        String reference = Fixtures.unique("STOCK");
        Files.writeString(stock.resolve("0002.json"), """
                {"reference":"%s","lines":[{"sku":"%s","onHand":3}]}""".formatted(reference, counted));
        Files.writeString(stock.resolve("0003.json"), """
                {"reference":"%s","lines":[{"sku":"NO-SUCH-SKU","onHand":3}]}""".formatted(Fixtures.unique("STOCK")));
        Files.writeString(stock.resolve(".0004.json"), "{"); // still being written by the partner

        files.read();

        JsonNode shipped = expect(api.get("/api/v1/orders/" + orderId + "/shipments"), 200).json();
        assertThat(shipped).hasSize(1);
        assertThat(shipped.get(0).get("trackingNumber").asString()).isEqualTo(tracking);
        assertThat(order(orderId).get("fulfillmentStatus").asString()).isEqualTo("SHIPPED");
        assertThat(inventory.stock(counted).onHand()).isEqualTo(3);
        assertThat(lastMovement(counted).get("documentRef").asString()).isEqualTo(reference);
        assertThat(shipments.resolve("done/0001.json")).exists();
        assertThat(stock.resolve("done/0002.json")).exists();
        assertThat(stock.resolve("failed/0003.json")).exists();
        assertThat(Files.readString(stock.resolve("failed/0003.json.error.txt"))).contains("unknown SKU: NO-SUCH-SKU");
        assertThat(stock.resolve(".0004.json")).as("a file being written is left alone").exists();

        // the partner drops the same report again: it is kept, and makes no second shipment
        Files.writeString(shipments.resolve("0005.json"), shipment);
        files.read();
        assertThat(shipments.resolve("done/0005.json")).exists();
        assertThat(expect(api.get("/api/v1/orders/" + orderId + "/shipments"), 200).json()).hasSize(1);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void theSameReportSentTwiceAtOnceBooksOnce() throws Exception {
        String location = fixtures.location(1);
        String secret = "3pl-secret-" + UUID.randomUUID();
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil", "delivery", "FOLDER", "secret", secret)), 200);
        String sku = fixtures.article("10.00", "EUR", "19");
        String counted = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 10);
        fixtures.receive(counted, location, 10);
        JsonNode order = customers.placedAndPaid(sku, 3);
        String orderId = order.get("id").asString();

        String tracking = Fixtures.unique("TRK").replace("-", "");
        String shipment = """
                {"reference":"SHP-%s","order":"%s","carrier":"DHL","trackingNumber":"%s",
                 "lines":[{"sku":"%s","quantity":3}]}""".formatted(tracking, order.get("number").asString(), tracking,
                sku);
        List<JsonNode> shipped = twiceAtOnce(() -> signed(location, "shipments", secret, shipment));
        assertThat(shipped).extracting(a -> a.get("outcome").asString())
                .containsExactlyInAnyOrder("SHIPPED", "DUPLICATE");
        assertThat(shipped.get(0).get("shipmentId").asString()).isEqualTo(shipped.get(1).get("shipmentId").asString());
        assertThat(expect(api.get("/api/v1/orders/" + orderId + "/shipments"), 200).json()).hasSize(1);
        assertThat(inventory.stock(sku).onHand()).as("issued once").isEqualTo(7);

        String reference = Fixtures.unique("STOCK");
        String stock = """
                {"reference":"%s","lines":[{"sku":"%s","onHand":6}]}""".formatted(reference, counted);
        List<JsonNode> reconciled = twiceAtOnce(() -> signed(location, "stock-reports", secret, stock));
        assertThat(reconciled).extracting(a -> a.get("duplicate").asBoolean()).containsExactlyInAnyOrder(false, true);
        assertThat(reconciled).allSatisfy(a -> assertThat(a.get("lines").get(0).get("adjusted").asLong()).isEqualTo(-4));
        assertThat(inventory.stock(counted).onHand()).as("adjusted once").isEqualTo(6);
        JsonNode page = expect(api.get("/api/v1/inventory/" + counted + "/movements?limit=100"), 200).json();
        assertThat(StreamSupport.stream((page.has("items") ? page.get("items") : page).spliterator(), false)
                .filter(m -> m.hasNonNull("documentRef") && reference.equals(m.get("documentRef").asString()))).hasSize(1);
        assertThat(inventory.ledgerDiscrepancies(counted)).isEmpty();
    }

    /** Sends the same request from two threads released together; the answers, each 200 or 201. */
    private static List<JsonNode> twiceAtOnce(java.util.concurrent.Callable<Api.Response> send) throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send.call();
                }));
            }
            start.countDown();
            List<JsonNode> bodies = new ArrayList<>();
            for (var answer : answers) {
                Api.Response r = answer.get();
                assertThat(r.status()).as(r.toString()).isIn(200, 201);
                bodies.add(r.json());
            }
            return bodies;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDropshipOrderGoesToTheSupplierWithTheCustomersAddressAndItsTrackingReachesTheCustomer() {
        String supplierLocation = fixtures.location(900);
        String secret = "supplier-secret-" + UUID.randomUUID();
        String sku = fixtures.article("20.00", "EUR", "19");
        try (PartnerStandIn supplier = new PartnerStandIn()) {
            expect(api.put("/api/v1/fulfilment-partners/" + supplierLocation, Map.of("kind", "DROPSHIP_SUPPLIER",
                    "name", "Direct Supplies", "delivery", "HTTP", "url", supplier.url(), "secret", secret)), 200);
            // the supplier's stock feed: what it can ship, and what it charges us
            expect(signed(supplierLocation, "stock-reports", secret, """
                    {"reference":"FEED-%s","lines":[{"sku":"%s","onHand":3,"unitCost":"7.40","currency":"EUR"}]}"""
                    .formatted(UUID.randomUUID(), sku)), 200);

            JsonNode order = customers.placedAndPaid(sku, 2);
            String orderId = order.get("id").asString();
            assertThat(api.placeOrder(Fixtures.order("EUR", sku, 2)).status())
                    .as("no more than the feed holds is sold").isEqualTo(409);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                outsourcing.sendRequests();
                return request(orderId).get("status").asString().equals("SENT");
            });
            JsonNode purchase = Api.JSON.readTree(supplier.received().get(0).body());
            assertThat(purchase.get("kind").asString()).isEqualTo("DROPSHIP_SUPPLIER");
            assertThat(purchase.get("shipTo").get("name").asString()).isEqualTo("Erika Muster");
            assertThat(purchase.get("shipTo").get("city").asString()).isEqualTo("Berlin");
            assertThat(purchase.get("lines").get(0).get("unitCost").asString()).isEqualTo("7.4");
            JsonNode request = request(orderId);
            // 2 x 20.00 net (price without tax) against 2 x 7.40 charged by the supplier
            assertThat(request.get("revenue").asString()).isEqualTo("40.00");
            assertThat(request.get("cost").asString()).isEqualTo("14.80");
            assertThat(request.get("margin").asString()).isEqualTo("25.20");
            // the back office shows the supplier, the age of its feed, and the order's margin
            WebSession person = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
            assertThat(person.get("/partners").body()).contains("partner-" + supplierLocation)
                    .contains("Direct Supplies").doesNotContain(secret);
            assertThat(person.get("/partners?location=" + supplierLocation).body())
                    .contains(order.get("number").asString()).contains("25.20 EUR");

            String tracking = Fixtures.unique("DS").replace("-", "");
            expect(signed(supplierLocation, "shipments", secret, """
                    {"reference":"ASN-%s","order":"%s","carrier":"DHL","trackingNumber":"%s","lines":[{"sku":"%s","quantity":2}]}"""
                    .formatted(tracking, order.get("number").asString(), tracking, sku)), 201);
            JsonNode messages = await().atMost(Duration.ofSeconds(20)).until(
                    () -> api.get("/api/v1/orders/" + orderId + "/messages").json(),
                    all -> kinds(all).contains("SHIPPING_NOTICE"));
            assertThat(messages.toString()).contains(tracking);
            assertThat(inventory.stock(sku).onHand()).as("the supplier's stock as Ordo knows it").isEqualTo(1);
        }
    }

    private JsonNode request(String orderId) {
        JsonNode all = expect(api.get("/api/v1/orders/" + orderId + "/fulfilment-requests"), 200).json();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private JsonNode order(String id) {
        return expect(api.get("/api/v1/orders/" + id), 200).json();
    }

    private JsonNode lastMovement(String sku) {
        JsonNode page = expect(api.get("/api/v1/inventory/" + sku + "/movements?limit=100"), 200).json();
        JsonNode items = page.has("items") ? page.get("items") : page;
        return items.get(items.size() - 1);
    }

    private Api.Response signed(String location, String what, String secret, String body) {
        return api.webhook("/api/v1/fulfilment-partners/" + location + "/" + what, "X-Ordo-Signature", secret,
                Instant.now().getEpochSecond(), body);
    }

    private static boolean signedBy(String secret, PartnerStandIn.Received received) {
        String[] parts = received.signature().split(",");
        long t = Long.parseLong(parts[0].substring(2));
        return parts[1].equals("v1=" + WebhookSignature.sign(secret, t, received.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> kinds(JsonNode messages) {
        List<String> kinds = new ArrayList<>();
        messages.forEach(m -> kinds.add(m.get("kind").asString()));
        return kinds;
    }
}
