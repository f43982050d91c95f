package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * The publication stored for {@link OrderPlaced} (for the listeners after the commit) carries ids and SKUs, not the
 * whole order: a leaner write path (docs/benchmarks.md, "The write path"). A publication stored before, with the
 * order in it, is still read with its SKUs.
 */
@IntegrationTest
class PlacedEventPublicationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventSerializer serializer;
    @Autowired
    OrderManagement orders;

    @Test
    void thePublicationOfAPlacedOrderCarriesItsIdsAndSkusButNotTheOrder() {
        Stocked stocked = stocked();
        Api api = stocked.api();
        String sku1 = stocked.watched();
        String sku2 = stocked.unwatched();
        String orderId = expect(api.placeOrder(Fixtures.order("EUR", sku1, 2, sku2, 1)), 201).json().get("id")
                .asString();

        String stored = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT serialized_event FROM event_publication
                WHERE event_type = :type AND serialized_event LIKE :order""")
                .param("type", OrderPlaced.class.getName()).param("order", "%" + orderId + "%")
                .query(String.class).optional().orElse(null), s -> s != null);
        assertThat(stored).contains(sku1, sku2, "\"skus\"");
        assertThat(stored).as("the order as placed is not stored with the event")
                .doesNotContain("\"order\"", "\"lines\"", "\"customer\"", "shippingAddress");
        assertThat(stored.length()).isLessThan(600);

        // the listeners after the commit read it back with its SKUs
        OrderPlaced read = serializer.deserialize(stored, OrderPlaced.class);
        assertThat(read.orderId()).isEqualTo(UUID.fromString(orderId));
        assertThat(read.orderedSkus()).containsExactly(sku1, sku2);
        assertThat(read.order()).isNull();
    }

    @Test
    void aReleasedOrderOfSkusWithoutStockPolicyInOurOwnWarehouseWithoutDigitalLinesStoresNoPublication() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("4.00", "EUR", "19");
        fixtures.receive(sku, location, 10);
        String customer = termsCustomer(api);
        String orderId = placeOnTerms(api, customer, Fixtures.order("EUR", sku, 1));

        // Publications are stored in the placing transaction, so they are there once the answer is. The order placed
        // has none: its SKU has no stock policy, so the reorder watch has nothing to check (the test above has one
        // with a policy). The release has none: no digital lines for the digital delivery, and no goods at a
        // fulfilment partner's location for outsourcing (OutsourcedFulfilmentIntegrationTests shows an order
        // reserved at a partner's location still gets its request).
        assertThat(publications(orderId, "OrderPlaced", "%")).isZero();
        assertThat(publications(orderId, "OrderReleased", "%DigitalDelivery%")).isZero();
        assertThat(publications(orderId, "OrderReleased", "%Outsourcing%")).isZero();
        assertThat(publications(orderId, "OrderReleased", "%")).isZero();
    }

    @Test
    void eachConditionalListenerGetsAPublicationOnlyForTheEventsItsConditionHolds() {
        Stocked stocked = stocked();
        Api api = stocked.api();
        String ebook = new Fixtures(api).article("DIGITAL", "9.99", "EUR", "7", false, false);
        String customer = termsCustomer(api);

        // released at once on terms: an order with a digital line and a SKU under a stock policy ...
        String digital = placeOnTerms(api, customer, Fixtures.order("EUR", ebook, 1, stocked.watched(), 1));
        // ... and one of a SKU without a policy and no digital line, in our own warehouse
        String plain = placeOnTerms(api, customer, Fixtures.order("EUR", stocked.unwatched(), 1));

        assertThat(publications(digital, "OrderPlaced", "%ReorderWatch%")).isEqualTo(1);
        assertThat(publications(digital, "OrderReleased", "%DigitalDelivery%")).isEqualTo(1);
        // a listener whose condition does not hold gets none, even beside one whose condition holds
        assertThat(publications(digital, "OrderReleased", "%Outsourcing%")).isZero();
        assertThat(publications(plain, "OrderPlaced", "%")).isZero();
        assertThat(publications(plain, "OrderReleased", "%")).isZero();
    }

    /** Two articles with 10 units each at a new location; the first has a reorder point (the reorder watch's). */
    private record Stocked(Api api, String watched, String unwatched) {
    }

    private Stocked stocked() {
        Api api = Api.admin(port);
        String location = new Fixtures(api).location(1);
        List<String> skus = new Fixtures(api).inStock(location, 10, "4.00", "6.00");
        // the reorder watch listens after the commit
        expect(api.put("/api/v1/inventory/" + skus.get(0) + "/policy", java.util.Map.of("location", location,
                "reorderPoint", 2, "targetLevel", 20)), 200);
        return new Stocked(api, skus.get(0), skus.get(1));
    }

    /** A business customer who may ship before paying: the payment gate releases its orders at once. */
    private static String termsCustomer(Api api) {
        return expect(api.post("/api/v1/customers", java.util.Map.of("email",
                Fixtures.unique("terms").toLowerCase() + "@example.com", "name", "Terms Buyer", "type", "BUSINESS",
                "company", "Terms GmbH", "shipBeforePayment", true)), 201).json().get("id").asString();
    }

    private String placeOnTerms(Api api, String customer, java.util.Map<String, Object> order) {
        order.remove("customer");
        order.put("customerId", customer);
        order.put("paymentMethod", "invoice");
        String id = expect(api.placeOrder(order), 201).json().get("id").asString();
        assertThat(orders.require(UUID.fromString(id)).releasedAt()).as("released on terms").isNotNull();
        return id;
    }

    private long publications(String orderId, String event, String listener) {
        return jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE event_type = :type AND listener_id LIKE :listener AND serialized_event LIKE :order""")
                .param("type", "org.ordo.ordering." + event).param("listener", listener)
                .param("order", "%" + orderId + "%").query(Long.class).single();
    }

    @Test
    void aPublicationStoredWithTheWholeOrderIsStillReadWithItsSkus() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("4.00", "EUR", "19");
        fixtures.receive(sku, location, 10);
        UUID orderId = UUID.fromString(expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json().get("id")
                .asString());
        OrderView order = orders.require(orderId);
        // the shape stored before events carried SKUs: the order in it, no "skus"
        String before = "{\"orderId\":\"" + orderId + "\",\"number\":\"" + order.number() + "\",\"channel\":\"api\","
                + "\"customerId\":\"" + order.customer().id() + "\",\"total\":" + serializer.serialize(order.totals()
                        .gross()) + ",\"backordered\":false,\"order\":" + serializer.serialize(order) + "}";

        OrderPlaced read = serializer.deserialize(before, OrderPlaced.class);
        assertThat(read.order()).isNotNull();
        assertThat(read.orderedSkus()).isEqualTo(List.of(sku));
    }
}
