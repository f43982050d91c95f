package org.ordo.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.audit.InvariantChecker;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.PlaceOrder;
import org.ordo.platform.Address;
import org.ordo.platform.Json;
import org.ordo.promise.internal.Bookings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders of a batch (an EDI interchange's transaction of messages) book their warehouse's days per day and
 * transaction, not per order, and still exactly: each day up to its capacity, the next orders on the next day, a
 * promise whose order was undone counted nowhere (docs/benchmarks.md, P4).
 */
@IntegrationTest
class BatchPromiseIntegrationTests {

    /** A Wednesday, 11:00 in Berlin: before every cut-off. */
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2027-03-03T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderManagement orders;
    @Autowired
    Bookings bookings;
    @Autowired
    Json json;
    @Autowired
    InvariantChecker checker;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aBatchBooksEachDayUpToItsCapacityAndTheNextOrdersOnTheNextDay() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = warehouse(api, fixtures, 2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 4);
        UUID customer = UUID.fromString(expect(api.post("/api/v1/customers", Map.of("email",
                Fixtures.unique("batch").toLowerCase() + "@example.com", "name", "Batch Buyer", "type", "BUSINESS",
                "company", "Batch GmbH", "shipBeforePayment", true)), 201).json().get("id").asString());
        Address shipTo = json.read(json.write(Fixtures.address("Batch Lager", "DE")), Address.class);
        String prefix = Fixtures.unique("PROMISE");

        List<OrderManagement.Placement> placed = at(WEDNESDAY_MORNING, () -> orders.placeAll(List.of(
                order(prefix + "-1", customer, shipTo, sku, 1), order(prefix + "-2", customer, shipTo, sku, 1),
                order(prefix + "-3", customer, shipTo, sku, 5), // 2 left: refused before its promise
                order(prefix + "-4", customer, shipTo, sku, 1), order(prefix + "-5", customer, shipTo, sku, 1)),
                new PlaceOrder.Source(null, "batch-test")));

        assertThat(placed).extracting(p -> p.order() == null ? null : p.order().shipBy().toString())
                .containsExactly("2027-03-03", "2027-03-03", null, "2027-03-04", "2027-03-04");
        assertThat(booked(location)).as("Wednesday and Thursday, two each").containsExactly(2, 2);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM promised_shipment WHERE location = :l AND order_number IS NOT NULL
                """).param("l", location).query(Long.class).single()).as("one promise per placed order").isEqualTo(4);
        assertThat(checker.check().findings())
                .noneMatch(f -> f.invariant().equals(InvariantChecker.CAPACITY_NOT_OVERBOOKED));
    }

    @Test
    void aPromiseWhoseOrderWasUndoneBooksNothingAndIsNotKept() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = warehouse(api, fixtures, 5);
        LocalDate day = LocalDate.parse("2027-03-10");
        UUID undone = UUID.randomUUID(); // an order whose savepoint rolled back: no row
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            assertThat(bookings.book(location, day, 5)).isTrue();
            bookings.record(List.of(new Bookings.Promised(undone, location, "DHL", "STANDARD", "STOCK", day,
                    day.plusDays(1))), "SO-UNDONE", Instant.now());
        });
        assertThat(booked(location)).as("the day's row locked, nothing booked on it").containsExactly(0);
        assertThat(jdbc.sql("SELECT count(*) FROM promised_shipment WHERE order_id = :o").param("o", undone)
                .query(Long.class).single()).isZero();
    }

    private List<Integer> booked(String location) {
        return jdbc.sql("SELECT booked FROM promise_booking WHERE location = :l ORDER BY day")
                .param("l", location).query(Integer.class).list();
    }

    /** A warehouse in Berlin working Monday to Friday with this capacity, and a carrier of its own. */
    private static String warehouse(Api api, Fixtures fixtures, int capacity) {
        String carrier = Fixtures.unique("C").replace("-", "_");
        expect(api.put("/api/v1/promise/carrier-services/" + carrier + "/STANDARD", Map.of(
                "deliveryDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "cutOff", "14:00",
                "active", true, "transit", List.of(Map.of("zone", "DE", "days", 1), Map.of("zone", "*", "days", 3)))),
                200);
        String location = fixtures.location(0);
        expect(api.put("/api/v1/promise/warehouses/" + location, Map.of("timeZone", "Europe/Berlin", "country", "DE",
                "region", "BE", "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "handlingDays", 0, "dailyCapacity", capacity,
                "cutOffs", List.of(Map.of("carrier", carrier, "service", "STANDARD", "cutOff", "14:00")))), 200);
        return location;
    }

    private static <T> T at(Instant instant, java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        TestClock.movedBy(Duration.between(Instant.now(), instant), () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static PlaceOrder order(String ref, UUID customer, Address shipTo, String sku, long quantity) {
        return new PlaceOrder("edi", ref, customer, null, shipTo, null, "EUR", "invoice", null, null,
                List.of(new PlaceOrder.Line(sku, quantity)));
    }
}
