package org.ordo.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.audit.InvariantChecker;
import org.ordo.audit.InvariantReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Stock kept bin by bin (docs/purchasing.md#bins): receipts put into the bin a person scans or the suggested one,
 * moves between bins, pick lists along the pick path, counting one bin; every booking a row of the bin ledger and
 * the bins adding up to the location's level.
 */
@IntegrationTest
class BinStockIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InvariantChecker checker;

    Api api;
    Fixtures fixtures;
    String location;
    String supplier;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lager " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR", "locale", "de")),
                201);
    }

    @Test
    void aPurchaseReceiptGoesIntoTheScannedBinOrTheSuggestedOneEachBookingNamingTheBin() {
        String sku = litreArticle();
        bin("A-01", 10, 1000); // 10 l
        bin("B-01", 20, 1000);
        JsonNode po = purchase(sku, 30);

        // no bin named: where putaway by space says (the nearest with room)
        expect(api.post(receipts(po), Map.of("line", 1, "quantity", 4)), 201);
        // the bin the person scanned, although A-01 has room
        expect(api.post(receipts(po), Map.of("line", 1, "quantity", 5, "bin", "B-01")), 201);
        assertThat(held("A-01")).containsEntry(sku, 4L);
        assertThat(held("B-01")).containsEntry(sku, 5L);

        JsonNode booking = contents("B-01").get("bookings").get(0);
        assertThat(booking.get("sku").asString()).isEqualTo(sku);
        assertThat(booking.get("quantity").asLong()).isEqualTo(5);
        assertThat(booking.get("kind").asString()).isEqualTo("RECEIPT");
        assertThat(booking.get("documentType").asString()).isEqualTo("PURCHASE_ORDER");
        assertThat(booking.get("documentRef").asString()).isEqualTo(po.get("number").asString() + "/1");

        // a bin the goods do not fit, and a bin that does not exist: refused, nothing booked
        Api.Response full = api.post(receipts(po), Map.of("line", 1, "quantity", 6, "bin", "B-01"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("type").asString()).isEqualTo("urn:ordo:problem:bin-full");
        Api.Response unknown = api.post(receipts(po), Map.of("line", 1, "quantity", 1, "bin", "NO-SUCH-BIN"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("bin");
        JsonNode now = expect(api.get("/api/v1/purchase-orders/" + po.get("id").asString()), 200).json();
        assertThat(now.get("lines").get(0).get("received").asLong()).as("refused receipts receive nothing")
                .isEqualTo(9);
        assertThat(held("B-01")).containsEntry(sku, 5L);
        assertThat(clean()).isEmpty();
    }

    @Test
    void concurrentReceiptsIntoOneScannedBinNeverOverfillIt() throws Exception {
        String sku = litreArticle();
        bin("C-01", 1, 1000); // room for 10 of the 16 that arrive at once, one by one
        JsonNode po = purchase(sku, 16);
        List<Integer> statuses = concurrently(16, i -> Api.admin(port).post(receipts(po), Map.of("line", 1,
                "quantity", 1, "bin", "C-01")).status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(6);
        assertThat(held("C-01")).containsEntry(sku, 10L);
        assertThat(expect(api.get("/api/v1/inventory/" + sku), 200).json().get("onHand").asLong()).isEqualTo(10);
        assertThat(clean()).isEmpty();
    }

    @Test
    void goodsMoveBetweenBinsNeverMoreThanTheSourceHoldsNorBeyondTheTargetOnceForAKey() {
        String sku = litreArticle();
        bin("M-01", 1, 1000);
        bin("M-02", 2, 500); // 5 l
        fixtures.receive(sku, location, 8); // into M-01, the nearest with room

        String key = Fixtures.unique("move");
        Api.Response moved = api.post(moves(), Map.of("sku", sku, "from", "M-01", "to", "M-02", "quantity", 3),
                "Idempotency-Key", key);
        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.json().get("fromHolds").asLong()).isEqualTo(5);
        assertThat(moved.json().get("toHolds").asLong()).isEqualTo(3);
        Api.Response again = api.post(moves(), Map.of("sku", sku, "from", "M-01", "to", "M-02", "quantity", 3),
                "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(held("M-01")).containsEntry(sku, 5L);
        assertThat(held("M-02")).containsEntry(sku, 3L);
        JsonNode in = contents("M-02").get("bookings").get(0);
        assertThat(in.get("kind").asString()).isEqualTo("MOVE");
        assertThat(in.get("documentRef").asString()).isEqualTo(moved.json().get("id").asString());

        Api.Response tooMany = api.post(moves(), Map.of("sku", sku, "from", "M-01", "to", "M-02", "quantity", 6),
                "Idempotency-Key", Fixtures.unique("move"));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("type").asString()).isEqualTo("urn:ordo:problem:not-in-bin");
        Api.Response noRoom = api.post(moves(), Map.of("sku", sku, "from", "M-01", "to", "M-02", "quantity", 3),
                "Idempotency-Key", Fixtures.unique("move"));
        assertThat(noRoom.status()).isEqualTo(409);
        assertThat(noRoom.json().get("type").asString()).isEqualTo("urn:ordo:problem:bin-full");
        Api.Response wrong = api.post(moves(), Map.of("sku", sku, "from", "M-01", "to", "NOPE", "quantity", 0),
                "Idempotency-Key", Fixtures.unique("move"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorFields()).containsExactlyInAnyOrder("to", "quantity");
        assertThat(api.post(moves(), Map.of("sku", sku, "from", "M-01", "to", "M-02", "quantity", 1)).status())
                .as("a move needs a key").isEqualTo(422);

        assertThat(held("M-01")).as("refused moves change nothing").containsEntry(sku, 5L);
        assertThat(held("M-02")).containsEntry(sku, 3L);
        assertThat(expect(api.get("/api/v1/inventory/" + sku), 200).json().get("onHand").asLong()).isEqualTo(8);
        assertThat(clean()).isEmpty();
    }

    @Test
    void concurrentMovesNeverTakeMoreThanTheSourceHolds() throws Exception {
        String sku = litreArticle();
        bin("R-01", 1, 1000);
        bin("R-02", 2, 1000);
        bin("R-03", 3, 1000);
        fixtures.receive(sku, location, 6); // into R-01

        // eight moves of 2 at once, to two targets: 6 units are there for three of them
        List<Integer> statuses = concurrently(8, i -> Api.admin(port).post(moves(), Map.of("sku", sku, "from", "R-01",
                "to", i % 2 == 0 ? "R-02" : "R-03", "quantity", 2), "Idempotency-Key", Fixtures.unique("move"))
                .status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        assertThat(held("R-01")).doesNotContainKey(sku);
        assertThat(held("R-02").getOrDefault(sku, 0L) + held("R-03").getOrDefault(sku, 0L)).isEqualTo(6);
        assertThat(clean()).isEmpty();
    }

    @Test
    void aPickListWalksTheBinsAlongThePickPathAndPickingTakesFromTheBinItNames() {
        String one = litreArticle();
        String two = litreArticle();
        String three = litreArticle();
        // the SKU that sorts first lies further along the path, so SKU order and path order differ
        String far = one.compareTo(two) < 0 ? one : two;
        String near = far.equals(one) ? two : one;
        bin("P-01", 1, 1000);
        bin("P-02", 2, 1000);
        fixtures.receive(far, location, 3);
        fixtures.receive(near, location, 4);
        fixtures.receive(three, location, 2);
        move(far, "P-01", "P-02", 3);
        move(near, "P-01", "OVERFLOW", 2); // near: 2 in P-01, 2 in the overflow bin
        move(three, "P-01", "OVERFLOW", 2); // three: only in the overflow bin, the end of the path
        var order = new HashMap<>(Fixtures.order("EUR", three, 1, far, 1, near, 2));
        order.put("paymentMethod", "marketplace");
        expect(api.placeOrder(order), 201);

        JsonNode list = new org.ordo.Warehouse(api).pickListAt(location);
        List<String> walk = new ArrayList<>();
        list.get("lines").forEach(l -> walk.add(l.get("lineNo").asInt() + ":" + l.get("bin").asString() + ":"
                + l.get("sku").asString()));
        assertThat(walk).containsExactly("1:P-01:" + near, "2:P-02:" + far, "3:OVERFLOW:" + three);

        new org.ordo.Warehouse(api).pickAll(list);
        assertThat(held("P-01")).as("picked out of the bin the list named").doesNotContainKey(near);
        assertThat(held("OVERFLOW")).containsEntry(near, 2L).containsEntry(three, 1L);
        assertThat(held("P-02")).containsEntry(far, 2L);
        JsonNode picked = contents("P-01").get("bookings").get(0);
        assertThat(picked.get("kind").asString()).isEqualTo("ISSUE");
        assertThat(picked.get("documentRef").asString()).isEqualTo(list.get("number").asString());
        assertThat(clean()).isEmpty();
    }

    @Test
    void countingOneBinBooksTheDifferenceInThatBinAndWaitsForApprovalAboveTheThreshold() {
        String sku = litreArticle();
        bin("K-01", 1, 1000);
        bin("K-02", 2, 4000); // 40 l
        fixtures.receive(sku, location, 5); // into K-01
        move(sku, "K-01", "K-02", 1);

        JsonNode less = count(sku, "K-01", 3);
        assertThat(less.get("status").asString()).isEqualTo("BOOKED");
        assertThat(less.get("bin").asString()).isEqualTo("K-01");
        assertThat(less.get("expected").asLong()).as("what the bin held").isEqualTo(4);
        assertThat(less.get("difference").asLong()).isEqualTo(-1);
        assertThat(held("K-01")).containsEntry(sku, 3L);
        assertThat(held("K-02")).as("the other bin is left alone").containsEntry(sku, 1L);
        JsonNode booking = contents("K-01").get("bookings").get(0);
        assertThat(booking.get("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(booking.get("documentType").asString()).isEqualTo("CYCLE_COUNT");
        assertThat(booking.get("documentRef").asString()).isEqualTo(less.get("number").asString());

        JsonNode more = count(sku, "K-02", 31); // 30 more than the books: above the threshold of 10
        assertThat(more.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(held("K-02")).as("nothing booked while it waits").containsEntry(sku, 1L);
        expect(api.withNewKey("ADMIN").post("/api/v1/cycle-counts/" + more.get("number").asString() + "/decision",
                Map.of("approve", true)), 200);
        assertThat(held("K-02")).containsEntry(sku, 31L);
        assertThat(expect(api.get("/api/v1/inventory/" + sku), 200).json().get("onHand").asLong()).isEqualTo(34);

        Api.Response unknown = api.post("/api/v1/cycle-counts", Map.of("sku", sku, "location", location, "counted",
                1, "bin", "NO-SUCH"), "Idempotency-Key", Fixtures.unique("count"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("bin");
        assertThat(clean()).isEmpty();
    }

    @Test
    void theSameMoveSentTenTimesAtOnceWithOneKeyMovesOnce() throws Exception {
        String sku = litreArticle();
        bin("Q-01", 1, 1000);
        bin("Q-02", 2, 1000);
        fixtures.receive(sku, location, 6); // into Q-01
        String key = Fixtures.unique("move");
        Map<String, Object> body = Map.of("sku", sku, "from", "Q-01", "to", "Q-02", "quantity", 2);

        List<Api.Response> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return api.post(moves(), body, "Idempotency-Key", key);
                }));
            }
            start.countDown();
            for (Future<Api.Response> f : sent) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).extracting(Api.Response::status).as("a retry sent at once gets the first answer")
                .containsOnly(201);
        assertThat(answers).extracting(Api.Response::replayed).containsOnlyOnce("false");
        assertThat(answers).extracting(a -> a.json().get("id").asString()).as("one move").containsOnly(
                answers.get(0).json().get("id").asString());
        assertThat(held("Q-01")).containsEntry(sku, 4L);
        assertThat(held("Q-02")).containsEntry(sku, 2L);
        assertThat(contents("Q-02").get("bookings")).filteredOn(b -> b.get("kind").asString().equals("MOVE"))
                .as("one MOVE into the target").hasSize(1);
        assertThat(clean()).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** An article of 10 × 10 × 10 cm: one litre. */
    String litreArticle() {
        String sku = fixtures.article("10.00", "EUR", "19");
        expect(api.put("/api/v1/articles/" + sku + "/dimensions", Map.of("lengthMm", 100, "widthMm", 100,
                "heightMm", 100)), 200);
        return sku;
    }

    /** A bin of {@code lengthMm} × 100 × 100 mm: a tenth of a litre per millimetre of length. */
    void bin(String code, int sequence, int lengthMm) {
        expect(api.put("/api/v1/locations/" + location + "/bins/" + code, Map.of("pickSequence", sequence,
                "lengthMm", lengthMm, "widthMm", 100, "heightMm", 100)), 200);
    }

    JsonNode purchase(String sku, long quantity) {
        return expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", location, "lines",
                List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", "4.20"))), "Idempotency-Key",
                Fixtures.unique("po-key")), 201).json();
    }

    static String receipts(JsonNode po) {
        return "/api/v1/purchase-orders/" + po.get("id").asString() + "/receipts";
    }

    String moves() {
        return "/api/v1/locations/" + location + "/bins/moves";
    }

    void move(String sku, String from, String to, long quantity) {
        expect(api.post(moves(), Map.of("sku", sku, "from", from, "to", to, "quantity", quantity), "Idempotency-Key",
                Fixtures.unique("move")), 201);
    }

    JsonNode count(String sku, String bin, long counted) {
        return expect(api.post("/api/v1/cycle-counts", Map.of("sku", sku, "location", location, "counted", counted,
                "bin", bin), "Idempotency-Key", Fixtures.unique("count")), 201).json();
    }

    JsonNode contents(String bin) {
        return expect(api.get("/api/v1/locations/" + location + "/bins/" + bin + "/contents"), 200).json();
    }

    Map<String, Long> held(String bin) {
        Map<String, Long> held = new HashMap<>();
        contents(bin).get("items").forEach(i -> held.put(i.get("sku").asString(), i.get("quantity").asLong()));
        return held;
    }

    /** The checker's findings about this test's location. */
    List<InvariantReport.Finding> clean() {
        return checker.check().findings().stream().filter(f -> f.message().contains(location)).toList();
    }

    interface Call {
        int status(int i) throws Exception;
    }

    static List<Integer> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int at = i;
                answers.add(pool.submit(() -> call.status(at)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
