package org.ordo.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Mails;
import org.ordo.audit.InvariantChecker;
import org.ordo.audit.InvariantReport;
import org.ordo.inventory.InventoryManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Stock policies, suggestions, purchase orders and receiving through the API, against a real PostgreSQL: the
 * numbers, the supplier's mail with its PDF, the tolerance on receipts (also under concurrent receipts), what is
 * on order and available to promise, and the checker's rule.
 */
@IntegrationTest
class PurchasingIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    PurchasingManagement purchasing;
    @Autowired
    InvariantChecker checker;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    org.ordo.billing.DocumentArchive documents;

    Api api;
    Fixtures fixtures;
    String location;
    String supplier;
    String supplierEmail;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        supplier = Fixtures.unique("SUP");
        supplierEmail = supplier.toLowerCase() + "@supplier.example";
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Textilwerk " + supplier, "email",
                supplierEmail, "leadTimeDays", 5, "currency", "EUR", "locale", "de")), 201);
    }

    private JsonNode policy(String sku, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("location", location, "supplier", supplier,
                "supplierArticle", "A-" + sku, "purchasePrice", Map.of("amount", "4.20", "currency", "EUR")));
        body.putAll(fields);
        return expect(api.put("/api/v1/inventory/" + sku + "/policy", body), 200).json();
    }

    private JsonNode placeByHand(String sku, long quantity) {
        return expect(place(Map.of("supplier", supplier, "location", location, "lines", List.of(Map.of("sku", sku,
                "quantity", quantity, "unitPrice", "4.20"))), Fixtures.unique("po-key")), 201).json();
    }

    private Api.Response place(Map<String, Object> body, String key) {
        return api.post("/api/v1/purchase-orders", body, "Idempotency-Key", key);
    }

    private String path(JsonNode po) {
        return "/api/v1/purchase-orders/" + po.get("id").asString();
    }

    @Test
    void aPolicyIsStoredWithTheSuppliersLeadTimeAndBadInputNamesEveryField() {
        String sku = fixtures.article("10.00", "EUR", "19");
        JsonNode stored = policy(sku, Map.of("reorderPoint", 20, "targetLevel", 100, "safetyStock", 5,
                "packSize", 12, "minimumOrder", 24));

        assertThat(stored.get("supplier").asString()).isEqualTo(supplier);
        assertThat(stored.get("leadTimeDays").isNull()).isTrue();
        assertThat(stored.get("effectiveLeadTimeDays").asInt()).as("the supplier's default").isEqualTo(5);
        assertThat(stored.get("purchasePrice").get("amount").asString()).isEqualTo("4.20");
        JsonNode overridden = policy(sku, Map.of("reorderPoint", 20, "reorderQuantity", 48, "leadTimeDays", 2));
        assertThat(overridden.get("effectiveLeadTimeDays").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/inventory/" + sku + "/policy").json()).singleElement()
                .satisfies(p -> assertThat(p.get("reorderQuantity").asLong()).isEqualTo(48));

        Api.Response refused = api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", "NOWHERE",
                "reorderPoint", -1, "targetLevel", 10, "reorderQuantity", 5, "packSize", 0, "supplier", "NOBODY"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).contains("location", "reorderPoint", "reorderQuantity", "packSize",
                "supplier");
        assertThat(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location,
                "reorderPoint", "20", "targetLevel", 100)).errorFields()).as("a number as text")
                .containsExactly("reorderPoint");
        assertThat(api.get("/api/v1/inventory/" + sku + "/policy").json().get(0).get("reorderQuantity").asLong())
                .as("nothing changed").isEqualTo(48);
    }

    @Test
    void suggestionsRoundToPacksAndMinimumsByTheirInputs() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 8);
        policy(sku, Map.of("reorderPoint", 20, "targetLevel", 100, "safetyStock", 10, "packSize", 12,
                "minimumOrder", 24));

        JsonNode group = suggestionFor(sku);
        assertThat(group.get("supplier").asString()).isEqualTo(supplier);
        assertThat(group.get("location").asString()).isEqualTo(location);
        JsonNode line = group.get("lines").get(0);
        assertThat(line.get("position").asLong()).isEqualTo(8);
        assertThat(line.get("quantity").asLong()).as("100 - 8 = 92, packs of 12").isEqualTo(96);
        assertThat(line.get("urgent").asBoolean()).as("below the safety stock").isTrue();
        assertThat(line.get("unitPrice").get("amount").asString()).isEqualTo("4.20");
        assertThat(line.get("expectedOn").asString()).isEqualTo(LocalDate.now(clock).plusDays(5).toString());

        placeByHand(sku, 96);
        assertThat(suggestionFor(sku)).as("on order counts: nothing to suggest").isNull();
    }

    private JsonNode suggestionFor(String sku) {
        for (JsonNode group : expect(api.get("/api/v1/purchasing/suggestions?supplier=" + supplier), 200).json()) {
            for (JsonNode line : group.get("lines")) {
                if (line.get("sku").asString().equals(sku)) {
                    return group;
                }
            }
        }
        return null;
    }

    @Test
    void aPurchaseOrderIsNumberedGapFreeAndMailedToTheSupplierWithItsPdfInItsLanguage() throws Exception {
        String sku = fixtures.article("10.00", "EUR", "19");
        policy(sku, Map.of("reorderPoint", 5, "targetLevel", 50));
        JsonNode first = placeByHand(sku, 30);
        JsonNode second = placeByHand(sku, 10);

        String number = first.get("number").asString();
        int year = LocalDate.now(clock).getYear();
        assertThat(number).matches("PO-" + year + "-\\d{6}");
        assertThat(Long.parseLong(second.get("number").asString().substring(8)))
                .isEqualTo(Long.parseLong(number.substring(8)) + 1);
        JsonNode line = first.get("lines").get(0);
        assertThat(line.get("supplierArticle").asString()).as("from the policy").isEqualTo("A-" + sku);
        assertThat(line.get("open").asLong()).isEqualTo(30);
        assertThat(line.get("tolerance").asLong()).as("10 %").isEqualTo(3);
        assertThat(first.get("total").get("amount").asString()).isEqualTo("126.00");

        List<String> messages = jdbc.sql("SELECT id::text FROM message WHERE recipient = :r AND kind = 'PURCHASE_ORDER' ORDER BY created_at")
                .param("r", supplierEmail).query(String.class).list();
        assertThat(messages).hasSize(2);
        JsonNode mail = expect(api.get("/api/v1/messages/" + messages.get(0)), 200).json();
        assertThat(mail.get("locale").asString()).isEqualTo("de");
        assertThat(mail.get("subject").asString()).isEqualTo("Bestellung " + number + " von Ordo Demo GmbH");
        assertThat(mail.get("body").asString()).contains("30 × Artikel " + sku, "A-" + sku,
                "Lieferanschrift: Warehouse " + location + ", Hauptstr. 1, 10115 Berlin, DE");
        JsonNode attachment = expect(api.get("/api/v1/messages/" + messages.get(0) + "/attachments"), 200).json()
                .get(0);
        assertThat(attachment.get("document").get("fileName").asString())
                .isEqualTo("purchase-order-" + number + ".pdf");
        expect(api.get(attachment.get("download").asString()), 200);
        byte[] pdf = documents.file(java.util.UUID.fromString(attachment.get("documentId").asString())).content();
        assertThat(Mails.pdfText(pdf)).contains("Bestellung " + number, "126,00");
        assertThat(Mails.pdfText(pdf).replaceAll("\\s", "")).as("the supplier's article number, however wrapped")
                .contains("A-" + sku);
    }

    @Test
    void aRetriedPlacementWithTheSameKeyPlacesAndMailsNothingMore() {
        String sku = fixtures.article("10.00", "EUR", "19");
        Map<String, Object> body = Map.of("supplier", supplier, "location", location, "lines",
                List.of(Map.of("sku", sku, "quantity", 12, "unitPrice", "4.20")));
        String key = Fixtures.unique("po-key");

        Api.Response first = expect(place(body, key), 201);
        Api.Response again = expect(place(body, key), 201);

        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.json().get("number").asString()).isEqualTo(first.json().get("number").asString());
        assertThat(place(Map.of("supplier", supplier, "location", location, "lines", List.of(Map.of("sku", sku,
                "quantity", 13, "unitPrice", "4.20"))), key).errorFields()).containsExactly("Idempotency-Key");
        assertThat(place(body, " ").errorFields()).as("a key is required").containsExactly("Idempotency-Key");
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onOrder").asLong()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE recipient = :r").param("r", supplierEmail)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void confirmedDatesBecomeExpectedAndAChangeOrCancellationGoesToTheSupplierWithItsReason() {
        String sku = fixtures.article("10.00", "EUR", "19");
        JsonNode po = placeByHand(sku, 20);
        LocalDate promised = LocalDate.now(clock).plusDays(9);

        JsonNode confirmed = expect(api.post(path(po) + "/confirmation", Map.of("lines", List.of(Map.of("line", 1,
                "quantity", 18, "deliveryDate", promised.toString())))), 200).json();
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("lines").get(0).get("confirmed").asLong()).isEqualTo(18);
        assertThat(confirmed.get("lines").get(0).get("expectedOn").asString()).isEqualTo(promised.toString());
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("incoming").get(0).get("expectedOn").asString())
                .isEqualTo(promised.toString());

        assertThat(api.post(path(po) + "/change", Map.of("lines", List.of(Map.of("line", 1, "quantity", 18))))
                .errorFields()).containsExactly("reason");
        JsonNode changed = expect(api.post(path(po) + "/change", Map.of("reason", "the supplier has only 18",
                "lines", List.of(Map.of("line", 1, "quantity", 18)))), 200).json();
        assertThat(changed.get("revision").asInt()).isEqualTo(2);
        assertThat(changed.get("lines").get(0).get("ordered").asLong()).isEqualTo(18);

        assertThat(api.post(path(po) + "/cancel", Map.of()).errorFields()).containsExactly("reason");
        JsonNode cancelled = expect(api.post(path(po) + "/cancel", Map.of("reason", "found a cheaper one")), 200)
                .json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("lines").get(0).get("open").asLong()).isZero();
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onOrder").asLong()).isZero();
        assertThat(api.post(path(po) + "/receipts", Map.of("line", 1, "quantity", 1)).status()).isEqualTo(409);

        List<String> bodies = jdbc.sql("SELECT body FROM message WHERE recipient = :r ORDER BY created_at")
                .param("r", supplierEmail).query(String.class).list();
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(1)).startsWith("Geändert: the supplier has only 18.");
        assertThat(bodies.get(2)).startsWith("Storniert: found a cheaper one.");
    }

    @Test
    void receiptsArePartialOrOverWithinTheToleranceAndBookedAgainstTheLine() {
        String sku = fixtures.article("10.00", "EUR", "19");
        JsonNode po = placeByHand(sku, 20); // tolerance 2
        String number = po.get("number").asString();

        JsonNode partly = expect(api.post(path(po) + "/receipts", Map.of("line", 1, "quantity", 15,
                "note", "delivery note 1")), 201).json();
        assertThat(partly.get("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(partly.get("lines").get(0).get("open").asLong()).isEqualTo(5);
        JsonNode movement = api.get("/api/v1/inventory/" + sku + "/movements").json().get("items").get(0);
        assertThat(movement.get("kind").asString()).isEqualTo("RECEIPT");
        assertThat(movement.get("documentType").asString()).isEqualTo("PURCHASE_ORDER");
        assertThat(movement.get("documentRef").asString()).isEqualTo(number + "/1");

        Api.Response over = api.post(path(po) + "/receipts", Map.of("line", 1, "quantity", 8));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("type").asString()).isEqualTo("urn:ordo:problem:over-delivery");
        assertThat(over.json().get("allowed").asLong()).isEqualTo(7);
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong()).as("nothing booked")
                .isEqualTo(15);
        assertThat(api.post(path(po) + "/receipts", Map.of("line", 2, "quantity", 1)).errorFields())
                .containsExactly("line");

        JsonNode done = expect(api.post(path(po) + "/receipts", Map.of("line", 1, "quantity", 7)), 201).json();
        assertThat(done.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(done.get("lines").get(0).get("received").asLong()).isEqualTo(22);
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong()).isEqualTo(22);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void aPartlyReceivedOrderIsClosedShortWithAReasonAndNothingStaysOnOrder() {
        String sku = fixtures.article("10.00", "EUR", "19");
        JsonNode po = placeByHand(sku, 20);
        assertThat(api.post(path(po) + "/close", Map.of("reason", "no")).status()).as("nothing received yet")
                .isEqualTo(409);
        expect(api.post(path(po) + "/receipts", Map.of("line", 1, "quantity", 12)), 201);
        assertThat(api.post(path(po) + "/cancel", Map.of("reason", "late")).status()).isEqualTo(409);

        JsonNode closed = expect(api.post(path(po) + "/close", Map.of("reason", "the rest is discontinued")), 200)
                .json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED_SHORT");
        assertThat(closed.get("reason").asString()).isEqualTo("the rest is discontinued");
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onOrder").asLong()).isZero();
    }

    @Test
    void concurrentReceiptsAgainstOneLineNeverExceedTheTolerance() throws Exception {
        String sku = fixtures.article("10.00", "EUR", "19");
        JsonNode po = placeByHand(sku, 50); // tolerance 5: at most 55
        Api warehouse = api.withNewKey("WAREHOUSE");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads * 2; i++) {
                Callable<Integer> receipt = () -> {
                    start.await();
                    return warehouse.post(path(po) + "/receipts", Map.of("line", 1, "quantity", 7)).status();
                };
                answers.add(pool.submit(receipt));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            long accepted = statuses.stream().filter(s -> s == 201).count();
            assertThat(accepted).as("7 units each, at most 55").isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
        JsonNode after = api.get(path(po)).json();
        assertThat(after.get("lines").get(0).get("received").asLong()).isEqualTo(49);
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong()).isEqualTo(49);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
        assertThat(purchasing.receivedBeyondTolerance()).isEmpty();
    }

    @Test
    void incomingStockIsOnOrderWithItsDatesAndPromisableByThen() {
        String sku = fixtures.article("PHYSICAL", "10.00", "EUR", "19", true, false);
        fixtures.receive(sku, location, 4);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 6)), 201); // 4 reserved, 2 backordered
        LocalDate today = LocalDate.now(clock);
        LocalDate soon = today.plusDays(3);
        LocalDate later = today.plusDays(10);
        expect(place(Map.of("supplier", supplier, "location", location, "lines",
                List.of(Map.of("sku", sku, "quantity", 10, "unitPrice", "4.20", "expectedOn", later.toString()),
                        Map.of("sku", sku, "quantity", 5, "unitPrice", "4.20", "expectedOn", soon.toString()))),
                Fixtures.unique("po-key")), 201);

        JsonNode stock = api.get("/api/v1/inventory/" + sku).json();
        assertThat(stock.get("onOrder").asLong()).isEqualTo(15);
        assertThat(stock.get("incoming").get(0).get("expectedOn").asString()).isEqualTo(soon.toString());
        assertThat(stock.get("incoming").get(0).get("quantity").asLong()).isEqualTo(5);
        assertThat(stock.get("incoming").get(1).get("quantity").asLong()).isEqualTo(10);

        assertThat(purchasing.availableToPromise(sku)).containsExactly(new PromisableStock(today, 0),
                new PromisableStock(soon, 3), new PromisableStock(later, 13));
        assertThat(purchasing.availableToPromise(sku, today.plusDays(5))).isEqualTo(3);
    }

    @Test
    void anOverDeliveryBeyondTheToleranceIsRecordedOnTheOrderWhenThePolicySaysSo() {
        String sku = fixtures.article("10.00", "EUR", "19");
        assertThat(policy(sku, Map.of("reorderPoint", 0, "targetLevel", 100, "overDelivery", "RECORD"))
                .get("overDelivery").asString()).isEqualTo("RECORD");
        JsonNode po = placeByHand(sku, 10);

        JsonNode received = expect(api.post(path(po) + "/receipts", Map.of("line", 1, "quantity", 14,
                "note", "four cartons too many")), 201).json();

        JsonNode line = received.get("lines").get(0);
        assertThat(line.get("received").asLong()).as("ordered 10 + tolerance 1").isEqualTo(11);
        assertThat(line.get("overDelivered").asLong()).isEqualTo(3);
        assertThat(line.get("open").asLong()).isZero();
        assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong())
                .as("the goods are all in the warehouse").isEqualTo(14);
        assertThat(api.get(path(po)).json().get("lines").get(0).get("overDelivered").asLong()).isEqualTo(3);
        assertThat(checker.check().findings()).filteredOn(f -> f.message().contains(sku)
                || f.message().contains(po.get("number").asString())).isEmpty();

        String refusing = fixtures.article("10.00", "EUR", "19");
        policy(refusing, Map.of("reorderPoint", 0, "targetLevel", 100));
        JsonNode other = placeByHand(refusing, 10);
        assertThat(api.post(path(other) + "/receipts", Map.of("line", 1, "quantity", 14)).status())
                .as("REFUSE, the default").isEqualTo(409);
        assertThat(api.get(path(other)).json().get("lines").get(0).get("overDelivered").asLong()).isZero();
    }

    @Test
    void aDemandBasedReorderPointComesFromTheLastWeeksAndShowsItsInputs() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 12);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 6)), 201);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 4)), 201);
        JsonNode fixed = policy(sku, Map.of("reorderPoint", 1, "targetLevel", 40, "safetyStock", 1,
                "leadTimeDays", 7));
        assertThat(fixed.get("demand").isNull()).isTrue();
        assertThat(suggested(sku)).as("position 2 is not below 1").isNull();

        JsonNode stored = policy(sku, Map.of("reorderPoint", 1, "targetLevel", 40, "safetyStock", 1,
                "leadTimeDays", 7, "demandWeeks", 4));

        JsonNode demand = stored.get("demand");
        assertThat(demand.get("weeks").asInt()).isEqualTo(4);
        assertThat(demand.get("demand").asLong()).as("10 reserved there in the last 4 weeks").isEqualTo(10);
        assertThat(demand.get("dailyDemand").asString()).isEqualTo("0.36");
        assertThat(demand.get("leadTimeDays").asInt()).isEqualTo(7);
        assertThat(demand.get("fromDemand").asLong()).as("ceil(10 x 7 / 28) + 1").isEqualTo(4);
        assertThat(demand.get("given").asLong()).isEqualTo(1);
        assertThat(demand.get("reorderPoint").asLong()).isEqualTo(4);
        JsonNode line = suggested(sku);
        assertThat(line).as("position 2 is below 4").isNotNull();
        assertThat(line.get("reorderPoint").asLong()).isEqualTo(4);
        assertThat(line.get("quantity").asLong()).as("up to the target level 40").isEqualTo(38);
        assertThat(line.get("demand").get("fromDemand").asLong()).isEqualTo(4);
        assertThat(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "reorderPoint", 1,
                "targetLevel", 40, "demandWeeks", 53)).errorFields()).containsExactly("demandWeeks");
    }

    /** The suggestion line of a SKU from this test's supplier and location, or null. */
    private JsonNode suggested(String sku) {
        for (JsonNode s : expect(api.get("/api/v1/purchasing/suggestions?supplier=" + supplier + "&location="
                + location), 200).json()) {
            for (JsonNode l : s.get("lines")) {
                if (l.get("sku").asString().equals(sku)) {
                    return l;
                }
            }
        }
        return null;
    }

    @Test
    void theCheckerFindsALineThatReceivedBeyondItsTolerance() {
        String sku = fixtures.article("10.00", "EUR", "19");
        JsonNode po = placeByHand(sku, 10);
        String number = po.get("number").asString();

        InvariantReport report = transaction.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("ALTER TABLE purchase_order_line DROP CONSTRAINT purchase_line_received_within_tolerance")
                    .update();
            jdbc.sql("UPDATE purchase_order_line SET received = 12 WHERE purchase_order_id = :id")
                    .param("id", java.util.UUID.fromString(po.get("id").asString())).update();
            return checker.check();
        });

        assertThat(report.findings()).filteredOn(f -> f.message().contains(number)).singleElement()
                .satisfies(f -> {
                    assertThat(f.invariant()).isEqualTo(InvariantChecker.PURCHASE_RECEIVED_WITHIN_TOLERANCE);
                    assertThat(f.message()).contains("received 12 of 10 ordered, tolerance 1");
                });
    }

    @Test
    void aSkuBelowItsReorderPointIsAlertedOnceNotOnEveryOrder() {
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 12);
        policy(sku, Map.of("reorderPoint", 10, "targetLevel", 30));

        expect(api.placeOrder(Fixtures.order("EUR", sku, 3)), 201); // 9 left
        await().atMost(Duration.ofSeconds(20)).until(() -> !purchasing.alerts(true, sku, 10).isEmpty());
        expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL
                  AND serialized_event LIKE :sku""").param("sku", "%" + sku + "%").query(Long.class).single() == 0);

        assertThat(purchasing.alerts(false, sku, 10)).singleElement()
                .satisfies(a -> assertThat(a.position()).isEqualTo(9));
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE kind = 'REORDER_ALERT' AND subject LIKE :s")
                .param("s", "Reorder " + sku + " %").query(Long.class).single()).isEqualTo(1);
    }
}
