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

        List<Api.Response> answers = concurrently(10, i -> api.post(moves(), body, "Idempotency-Key", key));

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

    @Test
    void theSameWholeBinCountSentTenTimesAtOnceWithOneKeyCountsOnce() throws Exception {
        String sku = litreArticle();
        bin("V-01", 1, 1000);
        fixtures.receive(sku, location, 5); // into V-01
        String key = Fixtures.unique("bin-count");
        Map<String, Object> body = Map.of("lines", List.of(Map.of("sku", sku, "counted", 3)));

        List<Api.Response> answers = concurrently(10, i -> api.post(binCounts("V-01"), body, "Idempotency-Key", key));

        assertThat(answers).extracting(Api.Response::status).as("a retry sent at once gets the first answer")
                .containsOnly(201);
        assertThat(answers).extracting(Api.Response::replayed).containsOnlyOnce("false");
        assertThat(answers).extracting(a -> a.json().get("id").asString()).as("one count").containsOnly(
                answers.get(0).json().get("id").asString());
        assertThat(held("V-01")).as("the difference booked once").containsOnly(Map.entry(sku, 3L));
        assertThat(onHand(sku)).isEqualTo(3);
        assertThat(clean()).isEmpty();
    }

    @Test
    void countingAWholeBinBooksEachDifferenceThereAndCountsWhatItDoesNotListAsZero() {
        String found = litreArticle();
        String gone = litreArticle();
        String stray = litreArticle();
        bin("W-01", 1, 1000); // 10 l
        bin("W-02", 2, 4000);
        fixtures.receive(found, location, 5); // into W-01
        fixtures.receive(gone, location, 3);  // into W-01: 8 l of 10
        fixtures.receive(stray, location, 4); // 4 l fit W-01 no more: into W-02

        String key = Fixtures.unique("bin-count");
        Map<String, Object> body = Map.of("lines", List.of(Map.of("sku", found, "counted", 4),
                Map.of("sku", stray, "counted", 1)), "note", "Monday's round");
        Api.Response answer = api.post(binCounts("W-01"), body, "Idempotency-Key", key);
        JsonNode counted = expect(answer, 201).json();
        assertThat(counted.get("bin").asString()).isEqualTo("W-01");
        Map<String, JsonNode> bySku = new HashMap<>();
        counted.get("counts").forEach(c -> bySku.put(c.get("sku").asString(), c));
        assertThat(bySku).containsOnlyKeys(found, gone, stray);
        assertThat(bySku.values()).allSatisfy(c -> {
            assertThat(c.get("status").asString()).isEqualTo("BOOKED");
            assertThat(c.get("bin").asString()).isEqualTo("W-01");
            assertThat(c.get("binCount").asString()).isEqualTo(counted.get("id").asString());
            assertThat(c.get("note").asString()).isEqualTo("Monday's round");
        });
        assertThat(bySku.get(found).get("expected").asLong()).isEqualTo(5);
        assertThat(bySku.get(found).get("difference").asLong()).isEqualTo(-1);
        assertThat(bySku.get(gone).get("counted").asLong()).as("not listed: not found").isZero();
        assertThat(bySku.get(gone).get("difference").asLong()).isEqualTo(-3);
        assertThat(bySku.get(stray).get("expected").asLong()).as("the bin held none by the books").isZero();
        assertThat(bySku.get(stray).get("difference").asLong()).isEqualTo(1);

        assertThat(held("W-01")).containsOnly(Map.entry(found, 4L), Map.entry(stray, 1L));
        assertThat(held("W-02")).as("the other bin is left alone").containsOnly(Map.entry(stray, 4L));
        assertThat(onHand(found)).isEqualTo(4);
        assertThat(onHand(gone)).isZero();
        assertThat(onHand(stray)).isEqualTo(5);
        List<String> refs = new ArrayList<>();
        contents("W-01").get("bookings").forEach(b -> {
            if ("CYCLE_COUNT".equals(b.get("documentType").asString(""))) {
                refs.add(b.get("kind").asString() + " " + b.get("sku").asString() + " " + b.get("quantity").asLong()
                        + " " + b.get("documentRef").asString());
            }
        });
        assertThat(refs).containsExactlyInAnyOrder(
                "ADJUSTMENT " + found + " -1 " + bySku.get(found).get("number").asString(),
                "ADJUSTMENT " + gone + " -3 " + bySku.get(gone).get("number").asString(),
                "ADJUSTMENT " + stray + " 1 " + bySku.get(stray).get("number").asString());

        Api.Response again = api.post(binCounts("W-01"), body, "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(counted.get("id").asString());
        assertThat(held("W-01")).as("a retry books nothing more").containsOnly(Map.entry(found, 4L),
                Map.entry(stray, 1L));

        // 26 more than the books in W-02: above the threshold of 10, it waits for a second person
        JsonNode big = expect(api.post(binCounts("W-02"), Map.of("lines", List.of(Map.of("sku", stray, "counted", 30))),
                "Idempotency-Key", Fixtures.unique("bin-count")), 201).json();
        assertThat(big.get("counts").get(0).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(held("W-02")).containsOnly(Map.entry(stray, 4L));
        expect(api.withNewKey("WAREHOUSE").post("/api/v1/cycle-counts/"
                + big.get("counts").get(0).get("number").asString() + "/decision", Map.of("approve", true)), 200);
        assertThat(held("W-02")).containsOnly(Map.entry(stray, 30L));
        assertThat(clean()).isEmpty();
    }

    @Test
    void aWholeBinCountWithBadLinesNamesEveryFieldAndBooksNothing() {
        String sku = litreArticle();
        bin("V-01", 1, 1000);
        fixtures.receive(sku, location, 5);

        Api.Response refused = api.post(binCounts("V-01"), Map.of("lines", List.of(
                Map.of("sku", "NO-SUCH-SKU", "counted", -1), Map.of("sku", sku, "counted", 1),
                Map.of("sku", sku, "counted", 2))), "Idempotency-Key", Fixtures.unique("bin-count"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("lines[0].sku", "lines[0].counted",
                "lines[2].sku");
        assertThat(api.post(binCounts("V-01"), Map.of("note", "no lines"), "Idempotency-Key",
                Fixtures.unique("bin-count")).errorFields()).containsExactly("lines");
        assertThat(api.post(binCounts("V-01"), Map.of("lines", List.of(Map.of("sku", sku, "counted", 1))))
                .errorFields()).as("a count needs a key").containsExactly("Idempotency-Key");
        assertThat(api.post(binCounts("NO-SUCH-BIN"), Map.of("lines", List.of()), "Idempotency-Key",
                Fixtures.unique("bin-count")).status()).isEqualTo(404);
        // 11 found where 10 l fit: the bin cannot hold them, and no line is booked
        Api.Response full = api.post(binCounts("V-01"), Map.of("lines", List.of(Map.of("sku", sku, "counted", 11))),
                "Idempotency-Key", Fixtures.unique("bin-count"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("type").asString()).isEqualTo("urn:ordo:problem:bin-full");
        assertThat(held("V-01")).containsOnly(Map.entry(sku, 5L));
        assertThat(onHand(sku)).isEqualTo(5);

        // an empty list: the bin was found empty
        JsonNode empty = expect(api.post(binCounts("V-01"), Map.of("lines", List.of()), "Idempotency-Key",
                Fixtures.unique("bin-count")), 201).json();
        assertThat(empty.get("counts").get(0).get("difference").asLong()).isEqualTo(-5);
        assertThat(held("V-01")).isEmpty();
        assertThat(clean()).isEmpty();
    }

    @Test
    void aWholeBinFoundWithLessThanItMustCoverOfTheReservationsWaitsAndCannotBeApprovedWhileReserved() {
        String sku = litreArticle();
        bin("U-01", 1, 1000);
        fixtures.receive(sku, location, 5); // into U-01, the only bin
        expect(api.placeOrder(Fixtures.order("EUR", sku, 4)), 201);

        JsonNode empty = expect(api.post(binCounts("U-01"), Map.of("lines", List.of()), "Idempotency-Key",
                Fixtures.unique("bin-count")), 201).json().get("counts").get(0);
        assertThat(empty.get("status").asString()).as("5 less is within the threshold, but 4 are reserved")
                .isEqualTo("AWAITING_APPROVAL");
        assertThat(empty.get("belowReserved").asBoolean()).isTrue();
        assertThat(empty.get("reserved").asLong()).isEqualTo(4);
        Api.Response refused = api.withNewKey("WAREHOUSE").post("/api/v1/cycle-counts/"
                + empty.get("number").asString() + "/decision", Map.of("approve", true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:ordo:problem:insufficient-stock");
        assertThat(held("U-01")).as("never less on hand than reserved").containsOnly(Map.entry(sku, 5L));
        assertThat(clean()).isEmpty();
    }

    @Test
    void aWholeBinCountAtTheSameTimeAsPicksAndMovesInThatBinKeepsLedgerLevelsAndBinsEqual() throws Exception {
        String picked = litreArticle();
        String other = litreArticle();
        bin("Y-01", 1, 4000); // 40 l
        bin("Y-02", 2, 4000);
        fixtures.receive(picked, location, 20); // into Y-01
        fixtures.receive(other, location, 10);  // into Y-01
        for (int i = 0; i < 4; i++) {
            var order = new HashMap<>(Fixtures.order("EUR", picked, 1));
            order.put("paymentMethod", "marketplace");
            expect(api.placeOrder(order), 201);
        }
        JsonNode list = new org.ordo.Warehouse(api).pickListAt(location);
        List<JsonNode> lines = new ArrayList<>();
        list.get("lines").forEach(lines::add);
        assertThat(lines).allSatisfy(l -> assertThat(l.get("bin").asString()).isEqualTo("Y-01"));

        // picks of each line, moves out of the bin and two counts of it, all at once
        int picks = lines.size();
        List<Integer> statuses = concurrently(picks + 6, i -> {
            Api caller = api;
            if (i < picks) {
                JsonNode line = lines.get(i);
                return caller.post("/api/v1/fulfillment/pick-lists/" + list.get("id").asString() + "/lines/"
                        + line.get("lineNo").asInt() + "/pick", Map.of("sku", line.get("sku").asString(),
                        "quantity", line.get("quantity").asLong())).status();
            }
            if (i < picks + 4) {
                return caller.post(moves(), Map.of("sku", picked, "from", "Y-01", "to", "Y-02", "quantity", 1),
                        "Idempotency-Key", Fixtures.unique("move")).status();
            }
            return caller.post(binCounts("Y-01"), Map.of("lines", List.of(Map.of("sku", picked, "counted", 12),
                    Map.of("sku", other, "counted", 9))), "Idempotency-Key", Fixtures.unique("bin-count")).status();
        });

        assertThat(statuses).as("each waits its turn: nothing fails on a lock").allSatisfy(s -> assertThat(s)
                .isIn(200, 201, 409));
        assertThat(statuses.subList(0, picks)).as("every pick is served").containsOnly(200);
        assertThat(statuses.subList(picks + 4, picks + 6)).as("both counts are recorded").containsOnly(201);
        assertThat(held("Y-01").getOrDefault(picked, 0L) + held("Y-02").getOrDefault(picked, 0L))
                .as("the bins add up to on hand").isEqualTo(onHand(picked));
        assertThat(held("Y-01")).containsEntry(other, 9L);
        assertThat(clean()).as("ledger = levels = bins = bin ledger").isEmpty();
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

    String binCounts(String bin) {
        return "/api/v1/locations/" + location + "/bins/" + bin + "/counts";
    }

    long onHand(String sku) {
        return expect(api.get("/api/v1/inventory/" + sku), 200).json().get("onHand").asLong();
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

    /** One of the calls sent at once: the {@code i}-th, and what it answered. */
    interface Call<T> {
        T answer(int i) throws Exception;
    }

    /** {@code n} calls started at the same moment, each on a thread of its own; the answers in call order. */
    static <T> List<T> concurrently(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int at = i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return call.answer(at);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
