package org.ordo.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.audit.InvariantChecker;
import org.ordo.backoffice.WebSession;
import org.ordo.platform.security.TrackingTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The promise API, the calendars behind it, and the promise every order gets when it is placed. */
@IntegrationTest
class PromiseIntegrationTests {

    /** A Wednesday, 11:00 in Berlin: before every cut-off. */
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2027-03-03T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InvariantChecker checker;
    @Autowired
    TrackingTokens tokens;
    @Autowired
    PromiseWatch watch;
    Api api;
    Fixtures fixtures;
    String carrier;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        carrier = Fixtures.unique("C").replace("-", "_");
        carrierService(1);
    }

    /** The test's carrier: Monday to Friday, cut-off 14:00, so many days to Germany and three elsewhere. */
    private void carrierService(int daysToGermany) {
        expect(api.put("/api/v1/promise/carrier-services/" + carrier + "/STANDARD", Map.of(
                "deliveryDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "cutOff", "14:00",
                "active", true, "transit", List.of(Map.of("zone", "DE", "days", daysToGermany),
                        Map.of("zone", "*", "days", 3)))), 200);
    }

    /** A warehouse in Berlin working Monday to Friday with this capacity, cut-off 14:00 for the test's carrier. */
    private String warehouse(int capacity) {
        String location = fixtures.location(0);
        calendar(location, capacity, "14:00");
        return location;
    }

    private void calendar(String location, int capacity, String cutOff) {
        expect(api.put("/api/v1/promise/warehouses/" + location, Map.of("timeZone", "Europe/Berlin", "country", "DE",
                "region", "BE", "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "handlingDays", 0, "dailyCapacity", capacity,
                "cutOffs", List.of(Map.of("carrier", carrier, "service", "STANDARD", "cutOff", cutOff)))), 200);
    }

    private static void at(Instant instant, Runnable work) {
        TestClock.movedBy(Duration.between(Instant.now(), instant), work);
    }

    private JsonNode promise(String query) {
        return expect(api.get("/api/v1/promise?" + query + "&carrier=" + carrier), 200).json();
    }

    @Test
    void aSkuInStockShipsTodayBeforeTheCutOffAndArrivesTheNextWorkingDay() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);

        at(WEDNESDAY_MORNING, () -> {
            JsonNode answer = promise("sku=" + sku + "&quantity=2&country=DE&postalCode=10115");
            assertThat(answer.get("unavailable")).isEmpty();
            JsonNode option = answer.get("options").get(0);
            assertThat(option.get("carrier").asString()).isEqualTo(carrier);
            assertThat(option.get("shipBy").asString()).isEqualTo("2027-03-03");
            assertThat(option.get("deliverBy").asString()).isEqualTo("2027-03-04");
            JsonNode shipment = option.get("shipments").get(0);
            assertThat(shipment.get("warehouse").asString()).isEqualTo(location);
            assertThat(shipment.get("source").asString()).isEqualTo("STOCK");
            assertThat(shipment.get("shipByCutOff").asString()).isEqualTo("2027-03-03T13:00:00Z");
        });
        // one minute after the cut-off (14:01 in Berlin) it ships the next day
        at(Instant.parse("2027-03-03T13:01:00Z"), () -> assertThat(
                promise("sku=" + sku + "&quantity=2&country=DE").get("options").get(0).get("shipBy").asString())
                .isEqualTo("2027-03-04"));
    }

    @Test
    void epiphanyDelaysADeliveryToBavariaButNotToBerlin() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);

        at(Instant.parse("2027-01-05T09:00:00Z"), () -> { // a Tuesday
            assertThat(promise("sku=" + sku + "&quantity=1&country=DE&postalCode=80331").get("options").get(0)
                    .get("deliverBy").asString()).isEqualTo("2027-01-07");
            assertThat(promise("sku=" + sku + "&quantity=1&country=DE&postalCode=10115").get("options").get(0)
                    .get("deliverBy").asString()).isEqualTo("2027-01-06");
            assertThat(promise("sku=" + sku + "&quantity=1&country=DE&region=BY").get("options").get(0)
                    .get("deliverBy").asString()).isEqualTo("2027-01-07");
        });
    }

    @Test
    void aBackorderableSkuWithoutStockIsPromisedAfterTheLeadTimeAndTwoWarehousesShipApart() {
        String berlin = warehouse(500);
        String other = warehouse(500);
        String inStock = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(inStock, other, 3);
        String backorderable = fixtures.article("PHYSICAL", "5.00", "EUR", "19", true, false);
        // its supplier delivers to Berlin in 14 days: without a policy it would come to whichever warehouse is first
        // of all in the database, perhaps the one the other line ships from, and then the two ship together
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 14, "currency", "EUR")), 201);
        expect(api.put("/api/v1/inventory/" + backorderable + "/policy", Map.of("location", berlin, "supplier",
                supplier, "reorderPoint", 0, "targetLevel", 10)), 200);

        at(WEDNESDAY_MORNING, () -> {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("country", "DE");
            query.put("carrier", carrier);
            query.put("lines", List.of(Map.of("sku", inStock, "quantity", 2), Map.of("sku", backorderable, "quantity", 1)));
            JsonNode option = expect(api.post("/api/v1/promise", query), 200).json().get("options").get(0);
            Map<String, JsonNode> bySource = new HashMap<>();
            option.get("shipments").forEach(s -> bySource.put(s.get("source").asString(), s));
            assertThat(bySource).as("the shipments of %s", option).containsKeys("STOCK", "BACKORDER");
            assertThat(bySource.get("STOCK").get("warehouse").asString()).isEqualTo(other);
            assertThat(bySource.get("STOCK").get("shipBy").asString()).isEqualTo("2027-03-03");
            // the supplier's 14 days: ready Wednesday 17 March, from Berlin
            assertThat(bySource.get("BACKORDER").get("warehouse").asString()).isEqualTo(berlin);
            assertThat(bySource.get("BACKORDER").get("leadTimeDays").asInt()).isEqualTo(14);
            assertThat(bySource.get("BACKORDER").get("shipBy").asString()).isEqualTo("2027-03-17");
            assertThat(option.get("deliverBy").asString()).isEqualTo("2027-03-18");
        });
    }

    @Test
    void goodsNotInStockArePromisedFromThePurchaseOrderComingInUntilWaitingBackordersTakeItThenFromTheSupplier() {
        String location = warehouse(500);
        String sku = fixtures.article("PHYSICAL", "5.00", "EUR", "19", true, false);
        fixtures.receive(sku, location, 1);
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 14, "currency", "EUR")), 201);
        expect(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "supplier",
                supplier, "reorderPoint", 0, "targetLevel", 10)), 200);

        at(WEDNESDAY_MORNING, () -> {
            expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", location,
                    "lines", List.of(Map.of("sku", sku, "quantity", 10, "unitPrice", "2.00",
                            "expectedOn", "2027-03-10"))), "Idempotency-Key", Fixtures.unique("po")), 201);
            // 1 in stock and 10 coming next Wednesday: 4 can be promised from the purchase order
            JsonNode incoming = promise("sku=" + sku + "&quantity=4&country=DE").get("options").get(0)
                    .get("shipments").get(0);
            assertThat(incoming.get("source").asString()).isEqualTo("INCOMING");
            assertThat(incoming.get("warehouse").asString()).isEqualTo(location);
            assertThat(incoming.get("expectedOn").asString()).isEqualTo("2027-03-10");
            assertThat(incoming.get("shipBy").asString()).isEqualTo("2027-03-10");

            // an order of 9 takes the unit in stock and waits for 8 of the 10: 2 are left to promise on the 10th
            expect(api.placeOrder(Fixtures.order("EUR", sku, 9)), 201);
            assertThat(promise("sku=" + sku + "&quantity=2&country=DE").get("options").get(0).get("shipments")
                    .get(0).get("source").asString()).isEqualTo("INCOMING");
            // 3 come from the supplier, whose 14 days (the policy has none of its own) end on Wednesday the 17th
            JsonNode backorder = promise("sku=" + sku + "&quantity=3&country=DE").get("options").get(0)
                    .get("shipments").get(0);
            assertThat(backorder.get("source").asString()).isEqualTo("BACKORDER");
            assertThat(backorder.get("warehouse").asString()).isEqualTo(location);
            assertThat(backorder.get("leadTimeDays").asInt()).isEqualTo(14);
            assertThat(backorder.get("shipBy").asString()).isEqualTo("2027-03-17");
        });
    }

    @Test
    void aQuarantinedUnitIsNotPromisedFromStock() {
        String location = fixtures.location(0);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 1);
        Api warehouseStaff = api.withNewKey("WAREHOUSE");
        JsonNode order = new org.ordo.DeliveredOrders(api, warehouseStaff).delivered(location, sku, 1);
        JsonNode ret = expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", Map.of(
                "resolution", "REFUND", "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "DAMAGED"))),
                "Idempotency-Key", Fixtures.unique("ret")), 201).json();
        expect(warehouseStaff.post("/api/v1/returns/" + ret.get("id").asString() + "/receipts", Map.of("location",
                location, "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "condition", "DAMAGED")))), 201);
        assertThat(api.get("/api/v1/inventory/" + sku + "/quarantine").json().get(location).asLong()).isEqualTo(1);

        // the damaged unit is on hand but no order can have it, so the checkout is not promised it either
        JsonNode answer = promise("sku=" + sku + "&quantity=1&country=DE");
        assertThat(answer.get("options")).isEmpty();
        assertThat(answer.get("unavailable").get(0).asString()).isEqualTo(sku);
    }

    @Test
    void anUnknownOrNonPromisableSkuAndBadInputAreRefusedOrNamed() {
        Api.Response bad = api.get("/api/v1/promise?sku=X&quantity=1.5&country=de");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).contains("quantity");
        Api.Response unknown = api.get("/api/v1/promise?sku=NO-SUCH-SKU&quantity=1&country=DE");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("lines[0].sku");
        Api.Response missing = api.get("/api/v1/promise?country=DE");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorFields()).containsExactlyInAnyOrder("sku", "quantity");
        Api.Response body = api.post("/api/v1/promise", Map.of("country", "DEU", "lines", List.of(Map.of("sku", "", "quantity", 0))));
        assertThat(body.status()).isEqualTo(422);
        assertThat(body.errorFields()).contains("country", "lines[0].sku", "lines[0].quantity");

        String notBackorderable = fixtures.article("10.00", "EUR", "19");
        JsonNode none = expect(api.get("/api/v1/promise?sku=" + notBackorderable + "&quantity=1&country=DE"), 200).json();
        assertThat(none.get("options")).isEmpty();
        assertThat(none.get("unavailable").get(0).asString()).isEqualTo(notBackorderable);

        Api.Response calendar = api.put("/api/v1/promise/warehouses/" + fixtures.location(3), Map.of("timeZone",
                "Mars/Olympus", "country", "DE", "workingDays", List.of(), "handlingDays", 31, "dailyCapacity", 0));
        assertThat(calendar.status()).isEqualTo(422);
        assertThat(calendar.errorFields()).contains("timeZone", "workingDays", "handlingDays", "dailyCapacity");
    }

    @Test
    void everyOrderGetsItsPromiseAtPlacementAndTheThirdOrderOfADayWithCapacityTwoShipsTheNextDay() {
        String location = warehouse(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 10);

        at(WEDNESDAY_MORNING, () -> {
            List<JsonNode> orders = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                orders.add(expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json());
            }
            assertThat(orders.get(0).get("shipBy").asString()).isEqualTo("2027-03-03");
            assertThat(orders.get(0).get("deliverBy").asString()).isEqualTo("2027-03-04");
            assertThat(orders.get(1).get("shipBy").asString()).isEqualTo("2027-03-03");
            assertThat(orders.get(2).get("shipBy").asString()).isEqualTo("2027-03-04");
            assertThat(orders.get(2).get("deliverBy").asString()).isEqualTo("2027-03-05");
            // promisedAt keeps meaning "must ship by": the cut-off on the ship-by day
            assertThat(Instant.parse(orders.get(0).get("promisedAt").asString()))
                    .isBeforeOrEqualTo(Instant.parse("2027-03-03T23:00:00Z"))
                    .isAfter(Instant.parse("2027-03-03T00:00:00Z"));
            // and the checkout now sees the day as full
            assertThat(promise("sku=" + sku + "&quantity=1&country=DE").get("options").get(0).get("shipBy")
                    .asString()).isEqualTo("2027-03-04");
        });
    }

    @Test
    void theOrderDetailAndTheTrackingPageShowTheDeliverByDayInTheCustomersLanguage() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 1);
        JsonNode[] placed = new JsonNode[1];
        at(WEDNESDAY_MORNING, () -> placed[0] = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json());
        String id = placed[0].get("id").asString();
        assertThat(placed[0].get("deliverBy").asString()).isEqualTo("2027-03-04");

        WebSession.Page tracking = new WebSession(port).get("/track/" + tokens.token(java.util.UUID.fromString(id)));
        assertThat(tracking.body()).contains("Voraussichtliche Zustellung bis 4. März 2027");
        WebSession.Page detail = WebSession.login(port, "admin", Api.ADMIN_PASSWORD)
                .get("/orders/" + placed[0].get("number").asString());
        assertThat(detail.body()).contains("id=\"deliver-by\"").contains("2027");
    }

    @Test
    void aPromiseTheCallerAgreedStands() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 1);
        Map<String, Object> order = Fixtures.order("EUR", sku, 1);
        order.put("promisedAt", "2027-04-01T12:00:00Z");
        JsonNode placed = expect(api.placeOrder(order), 201).json();
        assertThat(placed.get("promisedAt").asString()).isEqualTo("2027-04-01T12:00:00Z");
        assertThat(placed.get("shipBy").asString()).isEqualTo("2027-04-01");
        assertThat(placed.get("deliverBy").isNull()).isTrue();
    }

    @Test
    void concurrentPlacementsNeverBookADayBeyondItsCapacity() throws Exception {
        String location = warehouse(5);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 15);
        Map<String, Integer> perDay = new HashMap<>();
        at(WEDNESDAY_MORNING, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Callable<Api.Response>> placements = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    placements.add(() -> api.placeOrder(Fixtures.order("EUR", sku, 1)));
                }
                for (Future<Api.Response> f : pool.invokeAll(placements)) {
                    perDay.merge(expect(f.get(), 201).json().get("shipBy").asString(), 1, Integer::sum);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
        });
        assertThat(perDay).containsExactlyInAnyOrderEntriesOf(Map.of("2027-03-03", 5, "2027-03-04", 5, "2027-03-05", 5));
        assertThat(jdbc.sql("SELECT booked FROM promise_booking WHERE location = :l ORDER BY day")
                .param("l", location).query(Integer.class).list()).containsExactly(5, 5, 5);
        assertThat(checker.check().findings()).noneMatch(f -> f.invariant().equals(InvariantChecker.CAPACITY_NOT_OVERBOOKED));
    }

    @Test
    void aCancelledOrderGivesItsShipDayBackToTheNextOrder() {
        String location = warehouse(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        at(WEDNESDAY_MORNING, () -> {
            JsonNode first = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json();
            assertThat(first.get("shipBy").asString()).isEqualTo("2027-03-03");

            expect(api.post("/api/v1/orders/" + first.get("id").asString() + "/cancel",
                    Map.of("reason", "customer changed their mind")), 200);

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT booked FROM promise_booking WHERE location = :l AND day = DATE '2027-03-03'")
                    .param("l", location).query(Integer.class).single() == 0);
            assertThat(expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json().get("shipBy").asString())
                    .as("the day the cancelled order held").isEqualTo("2027-03-03");
        });
        assertThat(jdbc.sql("SELECT booked FROM promise_booking WHERE location = :l ORDER BY day")
                .param("l", location).query(Integer.class).list()).containsExactly(1);
    }

    @Test
    void aClosingDayIsNoShipDay() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 1);
        expect(api.post("/api/v1/promise/closing-days", Map.of("location", location, "day", "2027-03-03",
                "reason", "Inventory count")), 200);
        at(WEDNESDAY_MORNING, () -> assertThat(promise("sku=" + sku + "&quantity=1&country=DE").get("options")
                .get(0).get("shipBy").asString()).isEqualTo("2027-03-04"));
    }

    @Test
    void workLeftOverFromYesterdayPutsTodaysShipmentsAtRiskAndStaffAreToldOnce() {
        String location = warehouse(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 10);
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        // Wednesday 07:30 in Berlin, before the shift: two orders fill Wednesday, two more Thursday
        Instant beforeTheShift = Instant.parse("2027-03-03T06:30:00Z");
        at(beforeTheShift, () -> {
            for (int i = 0; i < 4; i++) {
                JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json();
                ids.add(order.get("id").asString());
                numbers.add(order.get("number").asString());
            }
            watch.checkRisks();
        });
        assertThat(atRisk(ids)).as("the whole of both days is still ahead").isEmpty();

        // Thursday 10:00 in Berlin and nothing has shipped: Wednesday's two are late and come first; of Thursday's
        // capacity of 2 only the part left before the cut-off (1) remains, so both of Thursday's are at risk
        at(Instant.parse("2027-03-04T09:00:00Z"), () -> {
            watch.checkRisks();
            watch.checkRisks();
        });
        assertThat(atRisk(ids)).containsExactlyInAnyOrder(ids.get(2), ids.get(3));
        for (String id : List.of(ids.get(2), ids.get(3))) {
            assertThat(jdbc.sql("SELECT count(*) FROM message WHERE kind = 'SHIPMENT_AT_RISK' AND dedupe_key = :key")
                    .param("key", "SHIPMENT_AT_RISK:" + id + ":" + location).query(Long.class).single())
                    .as("one alert for %s", id).isEqualTo(1L);
        }
        WebSession.Page dashboard = WebSession.login(port, "admin", Api.ADMIN_PASSWORD).get("/dashboard");
        assertThat(dashboard.body()).contains("id=\"at-risk-" + numbers.get(2) + "\"")
                .contains("id=\"at-risk-" + numbers.get(3) + "\"").doesNotContain("id=\"at-risk-" + numbers.get(0) + "\"");
        // and in the order queue itself: the flag, not the nearness of the date (all four are months away now)
        WebSession queue = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        assertThat(queue.get("/orders?q=" + numbers.get(2)).body()).contains("id=\"at-risk-mark-" + numbers.get(2) + "\"");
        assertThat(queue.get("/orders?q=" + numbers.get(1)).body()).contains("id=\"order-" + numbers.get(1) + "\"")
                .doesNotContain("id=\"at-risk-mark-" + numbers.get(1) + "\"");
        assertThat(queue.get("/orders?sort=newest&q=" + numbers.get(3)).body())
                .contains("id=\"at-risk-mark-" + numbers.get(3) + "\"");
    }

    private List<String> atRisk(List<String> orderIds) {
        return jdbc.sql("""
                SELECT order_id::text FROM promised_shipment
                WHERE order_id = ANY(CAST(:ids AS uuid[])) AND at_risk_since IS NOT NULL
                """).param("ids", orderIds.toArray(String[]::new)).query(String.class).list();
    }

    @Test
    void aSplitOrderShowsOnePromisePerShipmentWhenPlacedAndWhenRead() {
        String berlin = warehouse(500);
        String other = warehouse(500);
        String inStock = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(inStock, other, 3);
        String backorderable = fixtures.article("PHYSICAL", "5.00", "EUR", "19", true, false);
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 14, "currency", "EUR")), 201);
        expect(api.put("/api/v1/inventory/" + backorderable + "/policy", Map.of("location", berlin, "supplier",
                supplier, "reorderPoint", 0, "targetLevel", 10)), 200);

        at(WEDNESDAY_MORNING, () -> {
            JsonNode placed = expect(api.placeOrder(Fixtures.order("EUR", inStock, 2, backorderable, 1)), 201).json();
            JsonNode read = expect(api.get("/api/v1/orders/" + placed.get("id").asString()), 200).json();
            for (JsonNode order : List.of(placed, read)) {
                JsonNode promises = order.get("promises");
                assertThat(promises).as("the promises of %s", order).hasSize(2);
                // earliest first: the stock ships today from the other warehouse, the backorder after the supplier's
                // 14 days from Berlin; the order's own ship-by is the later one
                assertThat(promises.get(0).get("warehouse").asString()).isEqualTo(other);
                assertThat(promises.get(0).get("source").asString()).isEqualTo("STOCK");
                assertThat(promises.get(0).get("shipBy").asString()).isEqualTo("2027-03-03");
                assertThat(promises.get(1).get("warehouse").asString()).isEqualTo(berlin);
                assertThat(promises.get(1).get("source").asString()).isEqualTo("BACKORDER");
                assertThat(promises.get(1).get("shipBy").asString()).isEqualTo("2027-03-17");
                assertThat(promises.get(1).get("deliverBy").asString()).isEqualTo(order.get("deliverBy").asString());
                assertThat(order.get("shipBy").asString()).isEqualTo("2027-03-17");
            }
        });
        // an order with a date the caller agreed has none
        JsonNode agreed = expect(api.placeOrder(withPromisedAt(Fixtures.order("EUR", inStock, 1))), 201).json();
        assertThat(agreed.get("promises")).isEmpty();
    }

    private static Map<String, Object> withPromisedAt(Map<String, Object> order) {
        order.put("promisedAt", "2027-06-01T12:00:00Z");
        return order;
    }

    /**
     * What a carrier service means from a warehouse to a country is worked out once per copy of the calendars and
     * kept for the promises after it; a changed transit time or cut-off is promised with at once.
     */
    @Test
    void aChangedTransitTimeAndCutOffArePromisedWithAtOnce() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        java.util.function.Supplier<JsonNode> first = () -> promise("sku=" + sku + "&quantity=1&country=DE")
                .get("options").get(0);
        at(WEDNESDAY_MORNING, () -> assertThat(first.get().get("deliverBy").asString()).isEqualTo("2027-03-04"));
        carrierService(2);
        at(WEDNESDAY_MORNING, () -> assertThat(first.get().get("deliverBy").asString()).isEqualTo("2027-03-05"));
        at(WEDNESDAY_MORNING, () -> assertThat(first.get().get("shipments").get(0).get("shipByCutOff").asString())
                .isEqualTo("2027-03-03T13:00:00Z"));
        calendar(location, 500, "12:00");
        at(WEDNESDAY_MORNING, () -> assertThat(first.get().get("shipments").get(0).get("shipByCutOff").asString())
                .isEqualTo("2027-03-03T11:00:00Z"));
    }

    @Test
    void aCalendarChangedOnAnotherNodeIsPromisedWithWithinSeconds() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        at(WEDNESDAY_MORNING, () -> assertThat(promise("sku=" + sku + "&quantity=1&country=DE").get("options")
                .get(0).get("shipBy").asString()).isEqualTo("2027-03-03"));
        // written past this node (as another node, or a person with SQL, would): the trigger counts the version up
        jdbc.sql("INSERT INTO promise_closing_day (location, day, reason) VALUES (:location, '2027-03-03', 'Flood')")
                .param("location", location).update();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> at(WEDNESDAY_MORNING,
                () -> assertThat(promise("sku=" + sku + "&quantity=1&country=DE").get("options").get(0)
                        .get("shipBy").asString()).isEqualTo("2027-03-04")));
    }

    @Test
    void theDashboardShowsBookedOrdersAgainstCapacityForTheNextDays() {
        String location = warehouse(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 10);
        at(WEDNESDAY_MORNING, () -> {
            for (int i = 0; i < 3; i++) {
                expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201);
            }
            String page = WebSession.login(port, "admin", Api.ADMIN_PASSWORD).get("/dashboard").body();
            // Wednesday full, the third order on Thursday, the weekend closed
            assertThat(cell(page, location, "2027-03-03")).isEqualTo("2 / 2");
            assertThat(cell(page, location, "2027-03-04")).isEqualTo("1 / 2");
            assertThat(cell(page, location, "2027-03-05")).isEqualTo("0 / 2");
            assertThat(cell(page, location, "2027-03-06")).isEqualTo("–");
            assertThat(page).doesNotContain("id=\"booked-" + location + "-2027-03-17\"");
        });
    }

    private static String cell(String page, String location, String day) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"booked-" + location + "-" + day
                + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as("the cell of %s on %s", location, day).isTrue();
        return m.group(1).trim();
    }

    @Test
    void theShareShippedByShipByAndDeliveredByDeliverByShowsPerWarehouseAndCarrierWithCsv() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        org.ordo.DeliveredOrders floor = new org.ordo.DeliveredOrders(api, api.withNewKey("WAREHOUSE"));
        JsonNode order = floor.delivered(location, sku, 1);
        String id = order.get("id").asString();
        // shipped and delivered today: before its ship-by day's cut-off and its deliver-by day, so both kept
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM promised_shipment
                WHERE order_id = CAST(:id AS uuid) AND shipped_at IS NOT NULL AND delivered_at IS NOT NULL
                """).param("id", id).query(Long.class).single() == 1);
        JsonNode promise = order.get("promises").get(0);
        String row = location + "," + promise.get("carrier").asString() + "," + promise.get("service").asString()
                + ",1,1,1.0000,1,1,1.0000";
        WebSession session = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        assertThat(session.get("/dashboard/promises-kept.csv").body()).contains(row);
        assertThat(session.get("/dashboard").body()).contains("id=\"kept-" + location + "-");
    }

    // --- promises moved, and the customer told (docs/promise.md, "Delay notice") -------------------------------

    private void pay(JsonNode order) {
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                "amount", Map.of("amount", order.get("totals").get("gross").get("amount").asString(),
                        "currency", "EUR"))), 201);
    }

    private List<String> delayNotices(String orderId) {
        return jdbc.sql("""
                SELECT body FROM message WHERE order_id = CAST(:id AS uuid) AND kind = 'DELAY_NOTICE'
                  AND channel = 'EMAIL' ORDER BY created_at
                """).param("id", orderId).query(String.class).list();
    }

    private List<Integer> booked(String location) {
        return jdbc.sql("SELECT booked FROM promise_booking WHERE location = :l ORDER BY day")
                .param("l", location).query(Integer.class).list();
    }

    @Test
    void aMissedShipByMovesThePromiseAndTheCustomerIsToldEachNewDateOnce() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        JsonNode[] placed = new JsonNode[1];
        at(WEDNESDAY_MORNING, () -> placed[0] = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json());
        pay(placed[0]);
        String id = placed[0].get("id").asString();
        String path = "/api/v1/orders/" + id;
        assertThat(placed[0].get("deliverBy").asString()).isEqualTo("2027-03-04");

        // Wednesday 14:30 in Berlin: the cut-off passed and the parcel has not left. It ships Thursday instead.
        // (the watch looks at every open promise of the shared test database: other tests' orders may move too)
        at(Instant.parse("2027-03-03T13:30:00Z"), () -> {
            assertThat(watch.movePromises()).isPositive();
            watch.movePromises(); // the same date again: nothing more for this order
        });
        JsonNode order = api.get(path).json();
        assertThat(order.get("shipBy").asString()).isEqualTo("2027-03-04");
        assertThat(order.get("deliverBy").asString()).isEqualTo("2027-03-05");
        assertThat(order.get("promises").get(0).get("shipBy").asString()).isEqualTo("2027-03-04");
        assertThat(Instant.parse(order.get("promisedAt").asString())).isEqualTo("2027-03-04T13:00:00Z");
        assertThat(delayNotices(id)).singleElement().asString()
                .contains("Wir versprechen Ihnen jetzt die Lieferung bis 05.03.2027.");
        assertThat(booked(location)).as("Wednesday given back, Thursday booked").containsExactly(0, 1);

        // Missed again on Thursday: Friday, delivered on Tuesday (Monday 8 March is a holiday in Berlin), and a
        // second notice with that date
        at(Instant.parse("2027-03-04T13:30:00Z"), () -> assertThat(watch.movePromises()).isPositive());
        assertThat(api.get(path).json().get("deliverBy").asString()).isEqualTo("2027-03-09");
        assertThat(delayNotices(id)).hasSize(2).last().asString().contains("09.03.2027");
        assertThat(booked(location)).containsExactly(0, 0, 1);
        assertThat(api.get(path).json().get("timeline").toString())
                .contains("promise moved: ships by 2027-03-05, arrives by 2027-03-09");
        assertThat(checker.check().findings()).noneMatch(f -> f.invariant().equals(InvariantChecker.CAPACITY_NOT_OVERBOOKED));
    }

    @Test
    void aPurchaseOrderThatComesLaterMovesTheBackordersItFillsAndEachCustomerIsToldOnce() {
        String location = warehouse(500);
        String sku = fixtures.article("PHYSICAL", "5.00", "EUR", "19", true, false);
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 14, "currency", "EUR")), 201);
        expect(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "supplier",
                supplier, "reorderPoint", 0, "targetLevel", 10)), 200);
        List<JsonNode> orders = new ArrayList<>();
        String[] po = new String[1];
        at(WEDNESDAY_MORNING, () -> {
            po[0] = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", location,
                    "lines", List.of(Map.of("sku", sku, "quantity", 10, "unitPrice", "2.00",
                            "expectedOn", "2027-03-08"))), "Idempotency-Key", Fixtures.unique("po")), 201)
                    .json().get("id").asString();
            for (int i = 0; i < 2; i++) {
                orders.add(expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json());
            }
        });
        for (JsonNode order : orders) {
            pay(order);
            assertThat(order.get("promises").get(0).get("source").asString()).isEqualTo("INCOMING");
            assertThat(order.get("deliverBy").asString()).as("%s", order.get("promises")).isLessThan("2027-03-15");
        }

        // The supplier will deliver a week later: both backorders move to that Monday, each customer told once
        at(WEDNESDAY_MORNING.plusSeconds(3600), () -> {
            expect(api.post("/api/v1/purchase-orders/" + po[0] + "/change", Map.of("reason", "supplier is late",
                    "lines", List.of(Map.of("line", 1, "expectedOn", "2027-03-15")))), 200);
            assertThat(watch.movePromises()).isGreaterThanOrEqualTo(2);
            watch.movePromises();
        });
        for (JsonNode order : orders) {
            String id = order.get("id").asString();
            JsonNode now = api.get("/api/v1/orders/" + id).json();
            assertThat(now.get("shipBy").asString()).isEqualTo("2027-03-15");
            assertThat(now.get("deliverBy").asString()).isEqualTo("2027-03-16");
            assertThat(delayNotices(id)).singleElement().asString().contains("16.03.2027")
                    .contains("Einige Artikel sind noch nicht auf Lager");
        }

        // Tuesday 16 March and nothing came: the date passed, so the supplier's 14 days count again from today
        at(Instant.parse("2027-03-16T08:00:00Z"), () -> assertThat(watch.movePromises()).isGreaterThanOrEqualTo(2));
        for (JsonNode order : orders) {
            String id = order.get("id").asString();
            assertThat(api.get("/api/v1/orders/" + id).json().get("shipBy").asString()).isEqualTo("2027-03-30");
            assertThat(delayNotices(id)).hasSize(2);
        }
    }

    @Test
    void aShipmentIsShippedAndDeliveredWithItsLastParcelNotItsFirst() {
        String location = warehouse(500);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        org.ordo.DeliveredOrders floor = new org.ordo.DeliveredOrders(api, api.withNewKey("WAREHOUSE"));
        JsonNode order = floor.placedAndPaid(sku, 2);
        String id = order.get("id").asString();
        JsonNode first = floor.ship(order, location, Map.of(1, 1L));
        floor.delivered(first);
        // the listeners run after each commit: wait until the first parcel's delivery was handled
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND serialized_event LIKE '%' || :id || '%'
                """).param("id", id).query(Long.class).single() == 0);
        assertThat(shippedAndDelivered(id)).as("one of two units left").containsExactly(false, false);

        JsonNode second = floor.shipPicked(order, location, Map.of(1, 1L));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> shippedAndDelivered(id).equals(List.of(true, false)));
        floor.delivered(second);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> shippedAndDelivered(id).equals(List.of(true, true)));
    }

    private List<Boolean> shippedAndDelivered(String orderId) {
        return jdbc.sql("""
                SELECT shipped_at IS NOT NULL AS shipped, delivered_at IS NOT NULL AS delivered
                FROM promised_shipment WHERE order_id = CAST(:id AS uuid)
                """).param("id", orderId).query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2))).single();
    }

    @Test
    void aChangedOrderMovesItsBookedDay() {
        String location = warehouse(1);
        String inStock = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(inStock, location, 5);
        String backorderable = fixtures.article("PHYSICAL", "5.00", "EUR", "19", true, false);
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 14, "currency", "EUR")), 201);
        expect(api.put("/api/v1/inventory/" + backorderable + "/policy", Map.of("location", location, "supplier",
                supplier, "reorderPoint", 0, "targetLevel", 10)), 200);
        at(WEDNESDAY_MORNING, () -> {
            JsonNode placed = expect(api.placeOrder(Fixtures.order("EUR", inStock, 1)), 201).json();
            pay(placed);
            String id = placed.get("id").asString();
            assertThat(placed.get("shipBy").asString()).isEqualTo("2027-03-03");
            assertThat(booked(location)).containsExactly(1);

            // the customer adds an article the supplier brings in 14 days: the order ships then, and Wednesday's
            // place (the warehouse's only one that day) is free again
            expect(api.post("/api/v1/orders/" + id + "/changes", Map.of("reason", "one more",
                    "lines", List.of(Map.of("sku", backorderable, "quantity", 1))), "Idempotency-Key",
                    Fixtures.unique("chg"), "If-Match", "\"" + placed.get("version").asInt() + "\""), 201);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    "2027-03-18".equals(api.get("/api/v1/orders/" + id).json().get("deliverBy").asString()));
            JsonNode changed = api.get("/api/v1/orders/" + id).json();
            assertThat(changed.get("shipBy").asString()).isEqualTo("2027-03-17");
            assertThat(changed.get("promises").get(0).get("source").asString()).isEqualTo("BACKORDER");
            assertThat(booked(location)).as("Wednesday given back, the 17th booked").containsExactly(0, 1);
            assertThat(changed.get("timeline").toString())
                    .contains("promise moved: ships by 2027-03-17, arrives by 2027-03-18");
            // the added article is still to be paid, which takes the order back from the warehouse: it waits for
            // the customer, so no delay notice (the change's own mail went out)
            assertThat(delayNotices(id)).isEmpty();
            assertThat(promise("sku=" + inStock + "&quantity=1&country=DE").get("options").get(0).get("shipBy")
                    .asString()).isEqualTo("2027-03-03");
        });
    }
}
