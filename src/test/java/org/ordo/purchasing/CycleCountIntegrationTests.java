package org.ordo.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.audit.InvariantChecker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Cycle counts through the API: a small difference is booked at once as an adjustment naming the count, a big one
 * and one below what is reserved wait for a second person, and the books stay straight throughout (the approval
 * threshold is 10 units, the default).
 */
@IntegrationTest
class CycleCountIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InvariantChecker checker;

    Api api;
    Api secondPerson;
    Fixtures fixtures;
    String location;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        secondPerson = api.withNewKey("WAREHOUSE");
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku = fixtures.article("10.00", "EUR", "19");
    }

    private JsonNode count(long counted) {
        return expect(api.post("/api/v1/cycle-counts", Map.of("sku", sku, "location", location, "counted", counted,
                "note", "shelf recounted"), "Idempotency-Key", Fixtures.unique("cc")), 201).json();
    }

    private Api.Response decide(Api who, JsonNode count, Map<String, Object> decision) {
        return who.post("/api/v1/cycle-counts/" + count.get("number").asString() + "/decision", decision);
    }

    private long[] stock() {
        for (JsonNode l : api.get("/api/v1/inventory/" + sku).json().get("locations")) {
            if (l.get("location").asString().equals(location)) {
                return new long[] {l.get("onHand").asLong(), l.get("reserved").asLong()};
            }
        }
        return new long[] {0, 0};
    }

    private List<String> countMovements() {
        List<String> found = new ArrayList<>();
        api.get("/api/v1/inventory/" + sku + "/movements").json().get("items").forEach(m -> {
            if ("CYCLE_COUNT".equals(m.get("documentType").asString(""))) {
                found.add(m.get("kind").asString() + " " + m.get("onHandDelta").asLong() + " "
                        + m.get("documentRef").asString());
            }
        });
        return found;
    }

    private void assertBooksStraight() {
        assertThat(checker.check().findings()).filteredOn(f -> f.message().contains(sku)).isEmpty();
    }

    @Test
    void aSmallDifferenceIsBookedAtOnceAsAnAdjustmentReferencingTheCount() {
        fixtures.receive(sku, location, 20);

        JsonNode counted = count(18);

        assertThat(counted.get("number").asString()).matches("CC-\\d{4}-\\d{6}");
        assertThat(counted.get("status").asString()).isEqualTo("BOOKED");
        assertThat(counted.get("expected").asLong()).isEqualTo(20);
        assertThat(counted.get("difference").asLong()).isEqualTo(-2);
        assertThat(stock()).containsExactly(18, 0);
        assertThat(countMovements()).containsExactly("ADJUSTMENT -2 " + counted.get("number").asString());

        JsonNode same = count(18);
        assertThat(same.get("status").asString()).isEqualTo("BOOKED");
        assertThat(same.get("difference").asLong()).isZero();
        assertThat(countMovements()).as("nothing to book").hasSize(1);
        assertBooksStraight();
    }

    @Test
    void aDifferenceAboveTheThresholdWaitsForASecondPerson() {
        fixtures.receive(sku, location, 50);

        JsonNode counted = count(30);
        assertThat(counted.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(stock()).as("nothing booked yet").containsExactly(50, 0);
        assertThat(api.get("/api/v1/cycle-counts?status=AWAITING_APPROVAL&limit=200").json().get("items"))
                .anySatisfy(c -> assertThat(c.get("number").asString()).isEqualTo(counted.get("number").asString()));

        Api.Response byCounter = decide(api, counted, Map.of("approve", true));
        assertThat(byCounter.status()).isEqualTo(409);
        assertThat(byCounter.body()).contains("same-person");

        JsonNode approved = expect(decide(secondPerson, counted, Map.of("approve", true)), 200).json();
        assertThat(approved.get("status").asString()).isEqualTo("BOOKED");
        assertThat(approved.get("decidedBy").asString()).isNotEqualTo(approved.get("countedBy").asString());
        assertThat(stock()).containsExactly(30, 0);
        assertThat(decide(secondPerson, counted, Map.of("approve", true)).status()).as("decided once")
                .isEqualTo(409);
        assertThat(stock()).containsExactly(30, 0);

        JsonNode tooMany = count(100);
        assertThat(decide(secondPerson, tooMany, Map.of("approve", false)).errorFields()).containsExactly("reason");
        JsonNode rejected = expect(decide(secondPerson, tooMany, Map.of("approve", false, "reason",
                "counted the neighbouring shelf too")), 200).json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(stock()).as("a rejected count books nothing").containsExactly(30, 0);
        assertBooksStraight();
    }

    @Test
    void aCountThatFindsLessThanIsReservedIsBookedOnlyOnceTheReservationsAreReleased() {
        fixtures.receive(sku, location, 5);
        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", sku, 4)), 201).json();
        assertThat(stock()).containsExactly(5, 4);

        JsonNode counted = count(2);
        assertThat(counted.get("status").asString()).as("3 less is within the threshold, but 4 are reserved")
                .isEqualTo("AWAITING_APPROVAL");
        assertThat(counted.get("belowReserved").asBoolean()).isTrue();
        assertThat(counted.get("reserved").asLong()).isEqualTo(4);

        Api.Response refused = decide(secondPerson, counted, Map.of("approve", true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("insufficient-stock");
        assertThat(api.get("/api/v1/cycle-counts/" + counted.get("id").asString()).json().get("status").asString())
                .isEqualTo("AWAITING_APPROVAL");
        assertThat(stock()).as("never less on hand than reserved").containsExactly(5, 4);
        assertBooksStraight();

        expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/cancel",
                Map.of("reason", "the goods are not there")), 200);
        JsonNode booked = expect(decide(secondPerson, counted, Map.of("approve", true)), 200).json();
        assertThat(booked.get("status").asString()).isEqualTo("BOOKED");
        assertThat(stock()).containsExactly(2, 0);
        assertBooksStraight();
    }

    @Test
    void badInputNamesEveryFieldAndBooksNothing() {
        fixtures.receive(sku, location, 5);
        Api.Response refused = api.post("/api/v1/cycle-counts", Map.of("sku", "NO-SUCH-SKU", "location", "NOWHERE",
                "counted", -1), "Idempotency-Key", Fixtures.unique("cc"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("sku", "location", "counted");
        assertThat(api.post("/api/v1/cycle-counts", Map.of("sku", sku, "location", location, "counted", "4"),
                "Idempotency-Key", Fixtures.unique("cc")).errorFields()).as("a number as text")
                .containsExactly("counted");
        assertThat(api.post("/api/v1/cycle-counts", Map.of("sku", sku, "location", location, "counted", 4))
                .errorFields()).as("without a key").containsExactly("Idempotency-Key");
        assertThat(stock()).containsExactly(5, 0);
    }

    @Test
    void aCountSentSeveralTimesAtOnceWithOneKeyIsBookedOnce() throws Exception {
        fixtures.receive(sku, location, 8);
        String key = Fixtures.unique("cc");
        Map<String, Object> body = Map.of("sku", sku, "location", location, "counted", 6, "note", "shelf recounted");
        int racers = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Response>> sent = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            sent.add(pool.submit(() -> {
                start.await();
                return api.post("/api/v1/cycle-counts", body, "Idempotency-Key", key);
            }));
        }
        start.countDown();
        List<Api.Response> answers = new ArrayList<>();
        for (var f : sent) {
            answers.add(f.get());
        }
        pool.shutdown();

        assertThat(answers).extracting(Api.Response::status).containsOnly(201);
        assertThat(answers).extracting(a -> a.json().get("number").asString()).as("one count").hasSize(racers)
                .containsOnly(answers.get(0).json().get("number").asString());
        assertThat(answers).extracting(Api.Response::replayed).containsOnlyOnce("false");
        assertThat(countMovements()).as("the difference booked once")
                .containsExactly("ADJUSTMENT -2 " + answers.get(0).json().get("number").asString());
        assertThat(stock()).containsExactly(6, 0);

        Api.Response otherBody = api.post("/api/v1/cycle-counts", Map.of("sku", sku, "location", location,
                "counted", 5), "Idempotency-Key", key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.errorFields()).containsExactly("Idempotency-Key");
        assertThat(stock()).containsExactly(6, 0);
        assertBooksStraight();
    }
}
