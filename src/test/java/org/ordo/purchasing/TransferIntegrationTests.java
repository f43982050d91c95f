package org.ordo.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.ordo.audit.InvariantChecker;
import org.ordo.audit.InvariantReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Transfers between two locations through the API: only unreserved stock leaves, the goods are in transit on no
 * location, they fill backorders where they arrive, a transfer is received in parts but never more than was shipped
 * (also when receipts race or one is retried after a crash), a transfer shipped twice at once leaves once, and the
 * checker's ledger rules hold at every step.
 */
@IntegrationTest
class TransferIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Transfers transfers;
    @Autowired
    InvariantChecker checker;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    String from;
    String to;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        from = fixtures.location(1);
        to = fixtures.location(2);
        sku = fixtures.article("PHYSICAL", "10.00", "EUR", "19", true, false);
    }

    private Api.Response ship(long quantity, String key) {
        return api.post("/api/v1/transfers", Map.of("from", from, "to", to, "lines",
                List.of(Map.of("sku", sku, "quantity", quantity)), "note", "for the sale"), "Idempotency-Key", key);
    }

    /** On hand and reserved of the SKU at a location ({0, 0} where it has no level). */
    private long[] at(String location) {
        for (JsonNode l : api.get("/api/v1/inventory/" + sku).json().get("locations")) {
            if (l.get("location").asString().equals(location)) {
                return new long[] {l.get("onHand").asLong(), l.get("reserved").asLong()};
            }
        }
        return new long[] {0, 0};
    }

    private void assertBooksStraight() {
        InvariantReport report = checker.check();
        assertThat(report.findings()).filteredOn(f -> f.message().contains(sku)).isEmpty();
    }

    @Test
    void onlyUnreservedStockLeavesAndItFillsBackordersWhereItArrives() {
        fixtures.receive(sku, from, 10);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 4)), 201);
        assertThat(at(from)).containsExactly(10, 4);

        Api.Response refused = ship(7, Fixtures.unique("tr"));
        assertThat(refused.status()).as("only 6 are not reserved").isEqualTo(409);
        assertThat(refused.body()).contains("insufficient-stock");
        assertThat(at(from)).as("nothing left").containsExactly(10, 4);

        String key = Fixtures.unique("tr");
        JsonNode shipped = expect(ship(6, key), 201).json();
        assertThat(shipped.get("number").asString()).matches("TR-\\d{4}-\\d{6}");
        assertThat(shipped.get("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(at(from)).as("the reservation stays covered").containsExactly(4, 4);
        assertThat(at(to)).as("in transit: on no location").containsExactly(0, 0);
        assertBooksStraight();

        Api.Response again = ship(6, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(shipped.get("id").asString());
        assertThat(at(from)).as("a retry ships nothing more").containsExactly(4, 4);

        JsonNode backordered = expect(api.placeOrder(Fixtures.order("EUR", sku, 3)), 201).json();
        assertThat(backordered.get("fulfillmentStatus").asString()).isEqualTo("BACKORDERED");

        String path = "/api/v1/transfers/" + shipped.get("number").asString();
        JsonNode received = expect(api.post(path + "/receipt", Map.of()), 200).json();
        assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(received.get("receivedAt").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(at(to))
                .as("the backorder is filled from what arrived").containsExactly(6, 3));
        assertBooksStraight();

        assertThat(api.post(path + "/receipt", Map.of()).status()).as("received once").isEqualTo(409);
        assertThat(at(to)).containsExactly(6, 3);
        JsonNode movements = api.get("/api/v1/inventory/" + sku + "/movements").json().get("items");
        List<String> kinds = new ArrayList<>();
        movements.forEach(m -> {
            if (shipped.get("number").asString().equals(m.get("documentRef").asString(""))) {
                kinds.add(m.get("kind").asString() + " " + m.get("onHandDelta").asLong());
            }
        });
        assertThat(kinds).containsExactly("TRANSFER_OUT -6", "TRANSFER_IN 6");
    }

    @Test
    void aCrashBetweenShipAndReceiveLosesNothingAndRacingReceiptsTakeTheGoodsInOnce() throws Exception {
        fixtures.receive(sku, from, 5);
        JsonNode shipped = expect(ship(5, Fixtures.unique("tr")), 201).json();
        UUID id = UUID.fromString(shipped.get("id").asString());

        // The receiving node dies after marking the transfer received and booking the goods, before it commits.
        try {
            transaction.executeWithoutResult(tx -> {
                transfers.receive(id);
                throw new IllegalStateException("the node died");
            });
        } catch (IllegalStateException expected) {
            // rolled back whole
        }
        assertThat(transfers.require(id).status()).isEqualTo(Transfer.Status.IN_TRANSIT);
        assertThat(at(from)).containsExactly(0, 0);
        assertThat(at(to)).containsExactly(0, 0);
        assertBooksStraight();

        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Callable<Integer> receipt = () -> {
                start.await();
                return api.post("/api/v1/transfers/" + id + "/receipt", Map.of()).status();
            };
            results.add(pool.submit(receipt));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409);
        assertThat(at(to)).containsExactly(5, 0);
        assertBooksStraight();
    }

    @Test
    void theCheckerFindsStockInTransitThatNoOpenTransferCarries() {
        fixtures.receive(sku, from, 5);
        JsonNode shipped = expect(ship(2, Fixtures.unique("tr")), 201).json();

        InvariantReport report = transaction.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("UPDATE stock_transfer SET status = 'RECEIVED', received_at = now() WHERE id = :id")
                    .param("id", UUID.fromString(shipped.get("id").asString())).update();
            return checker.check();
        });

        assertThat(report.findings()).filteredOn(f -> f.message().contains(sku)).singleElement().satisfies(f -> {
            assertThat(f.invariant()).isEqualTo(InvariantChecker.IN_TRANSIT_EQUALS_OPEN_TRANSFERS);
            assertThat(f.message()).isEqualTo(sku + ": the ledger has 2 in transit, open transfers carry 0");
        });
    }

    @Test
    void badInputNamesEveryFieldAndShipsNothing() {
        fixtures.receive(sku, from, 5);
        Api.Response refused = api.post("/api/v1/transfers", Map.of("from", from, "to", from, "lines",
                List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 0), Map.of("sku", sku, "quantity", 1),
                        Map.of("sku", sku, "quantity", 1))), "Idempotency-Key", Fixtures.unique("tr"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("to", "lines[0].sku", "lines[0].quantity",
                "lines[2].sku");
        assertThat(api.post("/api/v1/transfers", Map.of("from", from, "to", to, "lines",
                List.of(Map.of("sku", sku, "quantity", 1.5))), "Idempotency-Key", Fixtures.unique("tr")).status())
                .isIn(400, 422);
        assertThat(at(from)).containsExactly(5, 0);
    }

    private JsonNode line(JsonNode transfer) {
        return transfer.get("lines").get(0);
    }

    @Test
    void aTransferIsReceivedInPartsAndTheRestStaysInTransitUntilItArrives() {
        fixtures.receive(sku, from, 10);
        JsonNode shipped = expect(ship(10, Fixtures.unique("tr")), 201).json();
        String path = "/api/v1/transfers/" + shipped.get("number").asString() + "/receipt";

        JsonNode first = expect(api.post(path, Map.of("lines", List.of(Map.of("sku", sku, "quantity", 6)))), 200)
                .json();
        assertThat(first.get("status").asString()).as("4 are still on the way").isEqualTo("IN_TRANSIT");
        assertThat(line(first).get("received").asLong()).isEqualTo(6);
        assertThat(at(to)).containsExactly(6, 0);
        assertBooksStraight();

        Api.Response tooMany = api.post(path, Map.of("lines", List.of(Map.of("sku", sku, "quantity", 5))));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body()).contains("over-receipt");
        Api.Response unknown = api.post(path, Map.of("lines", List.of(Map.of("sku", "NOT-ON-IT", "quantity", 1),
                Map.of("sku", sku, "quantity", 0))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactlyInAnyOrder("lines[0].sku", "lines[1].quantity");
        assertThat(at(to)).as("refused receipts take nothing in").containsExactly(6, 0);

        JsonNode rest = expect(api.post(path, Map.of()), 200).json();
        assertThat(rest.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(line(rest).get("received").asLong()).isEqualTo(10);
        assertThat(at(to)).containsExactly(10, 0);
        assertThat(api.post(path, Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)))).status())
                .as("nothing in transit any more").isEqualTo(409);
        assertBooksStraight();
        List<String> kinds = new ArrayList<>();
        api.get("/api/v1/inventory/" + sku + "/movements").json().get("items").forEach(m -> {
            if (shipped.get("number").asString().equals(m.get("documentRef").asString(""))) {
                kinds.add(m.get("kind").asString() + " " + m.get("onHandDelta").asLong());
            }
        });
        assertThat(kinds).containsExactlyInAnyOrder("TRANSFER_OUT -10", "TRANSFER_IN 6", "TRANSFER_IN 4");
    }

    @Test
    void racingPartReceiptsNeverTakeInMoreThanWasShipped() throws Exception {
        fixtures.receive(sku, from, 9);
        JsonNode shipped = expect(ship(9, Fixtures.unique("tr")), 201).json();
        String path = "/api/v1/transfers/" + shipped.get("id").asString() + "/receipt";
        List<Integer> statuses = race(4, () -> api.post(path, Map.of("lines", List.of(Map.of("sku", sku,
                "quantity", 4)))).status());
        assertThat(statuses).as("4 + 4 fit into 9, a third 4 does not").containsExactlyInAnyOrder(200, 200, 409, 409);
        assertThat(at(to)).containsExactly(8, 0);
        assertThat(transfers.require(UUID.fromString(shipped.get("id").asString())).status())
                .isEqualTo(Transfer.Status.IN_TRANSIT);
        assertBooksStraight();
    }

    @Test
    void aTransferShippedTwiceAtOnceLeavesOnce() throws Exception {
        fixtures.receive(sku, from, 5);
        String key = Fixtures.unique("tr");
        List<Integer> sameKey = race(3, () -> ship(5, key).status());
        assertThat(sameKey).as("a retry sent at once gets the first answer").containsOnly(201);
        assertThat(at(from)).as("shipped once").containsExactly(0, 0);
        assertThat(transfers.list(Transfer.Status.IN_TRANSIT, null, 200).items())
                .filteredOn(t -> t.lines().get(0).sku().equals(sku)).hasSize(1);

        fixtures.receive(sku, from, 5);
        List<Integer> twoKeys = race(2, () -> ship(5, Fixtures.unique("tr")).status());
        assertThat(twoKeys).as("two shipments of the same 5 units: one wins").containsExactlyInAnyOrder(201, 409);
        assertThat(at(from)).containsExactly(0, 0);
        assertThat(transfers.list(Transfer.Status.IN_TRANSIT, null, 200).items())
                .filteredOn(t -> t.lines().get(0).sku().equals(sku)).hasSize(2);
        assertBooksStraight();
    }

    @Test
    void aTransferClosedShortBringsWhatDidNotArriveBackToTheSourceOrWritesItOffThereAsLost() {
        fixtures.receive(sku, from, 20);
        JsonNode back = expect(ship(10, Fixtures.unique("tr")), 201).json();
        String path = "/api/v1/transfers/" + back.get("number").asString();
        expect(api.post(path + "/receipt", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 6)))), 200);
        assertThat(api.post(path + "/closure", Map.of("reason", " ")).errorFields()).containsExactly("reason");

        JsonNode closed = expect(api.post(path + "/closure", Map.of("reason", "4 stayed on the dock")), 200).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED_SHORT");
        assertThat(closed.get("closeReason").asString()).isEqualTo("4 stayed on the dock");
        assertThat(closed.get("lost").asBoolean()).isFalse();
        assertThat(at(from)).as("the 4 not arrived are back at the source").containsExactly(14, 0);
        assertThat(at(to)).containsExactly(6, 0);
        assertBooksStraight();
        Api.Response late = api.post(path + "/receipt", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1))));
        assertThat(late.status()).as("a closed transfer takes no receipts").isEqualTo(409);
        Api.Response twice = api.post(path + "/closure", Map.of("reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:ordo:problem:illegal-transition");

        JsonNode lostOne = expect(ship(5, Fixtures.unique("tr")), 201).json();
        JsonNode lost = expect(api.post("/api/v1/transfers/" + lostOne.get("number").asString() + "/closure",
                Map.of("reason", "the pallet fell off the truck", "lost", true)), 200).json();
        assertThat(lost.get("lost").asBoolean()).isTrue();
        assertThat(at(from)).as("lost on the way: written off at the source").containsExactly(9, 0);
        JsonNode writeOff = null;
        for (JsonNode m : api.get("/api/v1/inventory/" + sku + "/movements").json().get("items")) {
            if ("ADJUSTMENT".equals(m.get("kind").asString())) {
                writeOff = m; // the one write-off of this SKU
            }
        }
        assertThat(writeOff).isNotNull();
        assertThat(writeOff.get("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(writeOff.get("onHandDelta").asLong()).isEqualTo(-5);
        assertThat(writeOff.get("reason").asString()).isEqualTo("lost in transit");
        assertThat(writeOff.get("documentRef").asString()).isEqualTo(lostOne.get("number").asString());
        assertBooksStraight();
    }

    @Test
    void aTransferClosedTwiceAtOnceIsClosedOnceAndWhatDidNotArriveComesBackOnce() throws Exception {
        fixtures.receive(sku, from, 10);
        JsonNode shipped = expect(ship(10, Fixtures.unique("tr")), 201).json();
        String path = "/api/v1/transfers/" + shipped.get("number").asString();
        expect(api.post(path + "/receipt", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 3)))), 200);

        List<Integer> statuses = race(2, () -> api.post(path + "/closure", Map.of("reason",
                "the rest stayed on the dock")).status());

        assertThat(statuses).as("one closure; the other finds it closed").containsExactlyInAnyOrder(200, 409);
        assertThat(transfers.require(UUID.fromString(shipped.get("id").asString())).status())
                .isEqualTo(Transfer.Status.CLOSED_SHORT);
        assertThat(at(from)).as("the 7 in transit are back at the source once").containsExactly(7, 0);
        assertThat(at(to)).containsExactly(3, 0);
        List<String> kinds = new ArrayList<>();
        api.get("/api/v1/inventory/" + sku + "/movements").json().get("items").forEach(m -> {
            if (shipped.get("number").asString().equals(m.get("documentRef").asString(""))) {
                kinds.add(m.get("kind").asString() + " " + m.get("location").asString() + " "
                        + m.get("onHandDelta").asLong());
            }
        });
        assertThat(kinds).containsExactlyInAnyOrder("TRANSFER_OUT " + from + " -10", "TRANSFER_IN " + to + " 3",
                "TRANSFER_IN " + from + " 7");
        assertThat(transfers.inTransitOffTransfers()).filteredOn(f -> f.contains(sku)).isEmpty();
        assertBooksStraight();
    }

    private static List<Integer> race(int racers, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        return statuses;
    }
}
