package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.inventory.InventoryManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OrderPlacementIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InventoryManagement inventory;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void placesAnOrderFromTheHighestPriorityLocationThatHasEverything() {
        String first = fixtures.location(1);
        String second = fixtures.location(2);
        String shirt = fixtures.article("19.99", "EUR", "19");
        String mug = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(shirt, first, 5);      // first has shirts only
        fixtures.receive(shirt, second, 5);
        fixtures.receive(mug, second, 5);       // second has everything

        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", shirt, 2, mug, 1)), 201).json();

        assertThat(order.get("number").asString()).startsWith("SO-");
        assertThat(order.get("status").asString()).isEqualTo("OPEN");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(order.get("fulfillmentStatus").asString()).isEqualTo("UNFULFILLED");
        assertThat(order.get("reservations")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("location").asString()).isEqualTo(second));
        assertThat(order.get("totals").get("net").get("amount").asString()).isEqualTo("52.48");
        assertThat(order.get("totals").get("tax").get("amount").asString()).isEqualTo("9.98"); // 7.5962 -> 7.60 plus 2.375 -> 2.38
        assertThat(order.get("totals").get("gross").get("amount").asString()).isEqualTo("62.46");
        assertThat(order.get("lines").get(0).get("tax").get("amount").asString()).isEqualTo("7.60");
        assertThat(order.get("lines").get(1).get("tax").get("amount").asString()).isEqualTo("2.38");
        assertThat(order.get("totals").get("rounding").asString()).contains("half up");
        assertThat(order.get("timeline").get(0).get("to").asString()).isEqualTo("OPEN");
        assertThat(order.get("timeline").get(0).get("actor").asString()).isEqualTo("api-key:bootstrap");
        assertThat(api.get("/api/v1/inventory/" + shirt).json().get("available").asLong()).isEqualTo(8);
        assertThat(inventory.ledgerDiscrepancies(shirt)).isEmpty();
        assertThat(inventory.ledgerDiscrepancies(mug)).isEmpty();
    }

    @Test
    void theAnswerToAPlacedOrderIsWhatALaterReadGivesByteForByte() {
        // placement answers with the order built from what it wrote, not read back (docs/benchmarks.md, P4): its
        // stamps, defaults, reservations (split over two locations, in the read's order) and backordered line must
        // be exactly what GET returns afterwards
        String first = fixtures.location(1);
        String second = fixtures.location(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        String late = fixtures.article("PHYSICAL", "3.30", "EUR", "7", true, true);
        fixtures.receive(sku, first, 3);
        fixtures.receive(sku, second, 4);

        Api.Response placed = expect(api.placeOrder(Fixtures.order("EUR", sku, 6, late, 2)), 201);
        JsonNode order = placed.json();

        assertThat(order.get("paymentStatus").asString()).as("prepayment: the gate leaves it as placed")
                .isEqualTo("PENDING");
        assertThat(order.get("fulfillmentStatus").asString()).isEqualTo("BACKORDERED");
        assertThat(order.get("reservations")).hasSize(2);
        assertThat(order.get("timeline")).hasSize(2);
        assertThat(placed.body()).isEqualTo(expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200)
                .body());
    }

    @Test
    void splitsOverLocationsWhenNoneHasEverything() {
        String first = fixtures.location(1);
        String second = fixtures.location(2);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, first, 3);
        fixtures.receive(sku, second, 4);

        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", sku, 6)), 201).json();

        Map<String, Long> byLocation = new HashMap<>();
        order.get("reservations").forEach(r -> byLocation.put(r.get("location").asString(), r.get("quantity").asLong()));
        assertThat(byLocation).containsExactlyInAnyOrderEntriesOf(Map.of(first, 3L, second, 3L));
        assertThat(order.get("lines").get(0).get("reserved").asLong()).isEqualTo(6);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void refusesShortStockNamingTheLinesAndChangesNothing() {
        String loc = fixtures.location(1);
        String plenty = fixtures.article("10.00", "EUR", "19");
        String scarce = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(plenty, loc, 10);
        fixtures.receive(scarce, loc, 1);

        Api.Response refused = api.placeOrder(Fixtures.order("EUR", plenty, 1, scarce, 2));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode shortage = refused.json().get("shortages").get(0);
        assertThat(shortage.get("sku").asString()).isEqualTo(scarce);
        assertThat(shortage.get("requested").asLong()).isEqualTo(2);
        assertThat(shortage.get("available").asLong()).isEqualTo(1);
        assertThat(refused.json().get("shortages")).hasSize(1);
        assertThat(api.get("/api/v1/inventory/" + plenty).json().get("reserved").asLong()).isZero();
        assertThat(api.get("/api/v1/inventory/" + plenty + "/movements").json().get("items")).hasSize(1);
    }

    @Test
    void backordersWhatTheArticleAllows() {
        String loc = fixtures.location(1);
        String book = fixtures.article("PHYSICAL", "14.00", "EUR", "7", true, true);
        fixtures.receive(book, loc, 2);

        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", book, 5)), 201).json();

        assertThat(order.get("fulfillmentStatus").asString()).isEqualTo("BACKORDERED");
        assertThat(order.get("lines").get(0).get("reserved").asLong()).isEqualTo(2);
        assertThat(order.get("lines").get(0).get("backordered").asLong()).isEqualTo(3);
        assertThat(order.get("timeline")).hasSize(2);
        assertThat(order.get("timeline").get(1).get("to").asString()).isEqualTo("BACKORDERED");
        // gross prices: 5 x 14.00 = 70.00 incl. 7 % -> net 65.42, tax 4.58
        assertThat(order.get("totals").get("gross").get("amount").asString()).isEqualTo("70.00");
        assertThat(order.get("totals").get("net").get("amount").asString()).isEqualTo("65.42");
        assertThat(order.get("totals").get("tax").get("amount").asString()).isEqualTo("4.58");
    }

    @Test
    void wonOrdersTotalExactlyWithoutDecimals() {
        String loc = fixtures.location(1);
        String tea = fixtures.article("15000", "KRW", "10");
        String fan = fixtures.article("8005", "KRW", "10");
        fixtures.receive(tea, loc, 10);
        fixtures.receive(fan, loc, 10);

        JsonNode order = expect(api.placeOrder(Fixtures.order("KRW", tea, 3, fan, 1)), 201).json();

        assertThat(order.get("currency").asString()).isEqualTo("KRW");
        assertThat(order.get("totals").get("net").get("amount").asString()).isEqualTo("53005");
        assertThat(order.get("totals").get("tax").get("amount").asString()).isEqualTo("5301"); // 4500 + 800.5 -> 801
        assertThat(order.get("totals").get("gross").get("amount").asString()).isEqualTo("58306");
        assertThat(order.get("totals").get("gross").get("currency").asString()).isEqualTo("KRW");
    }

    @Test
    void digitalOnlyOrdersNeedNoAddressAndNoStock() {
        String ebook = fixtures.article("DIGITAL", "9.99", "EUR", "7", false, false);
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", ebook, 1));
        body.remove("shippingAddress");

        JsonNode order = expect(api.placeOrder(body), 201).json();

        assertThat(order.get("reservations")).isEmpty();
        assertThat(order.get("lines").get(0).get("type").asString()).isEqualTo("DIGITAL");
        assertThat(order.get("totals").get("gross").get("amount").asString()).isEqualTo("10.69");
    }

    @Test
    void cancellingReleasesReservationsAndRecordsWhoAndWhy() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 4);
        String id = expect(api.placeOrder(Fixtures.order("EUR", sku, 3)), 201).json().get("id").asString();
        Api agent = api.withNewKey("AGENT");

        JsonNode cancelled = expect(agent.post("/api/v1/orders/" + id + "/cancel",
                Map.of("reason", "customer changed their mind")), 200).json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reservations")).allSatisfy(r -> assertThat(r.get("status").asString())
                .isEqualTo("RELEASED"));
        JsonNode last = cancelled.get("timeline").get(cancelled.get("timeline").size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("OPEN");
        assertThat(last.get("to").asString()).isEqualTo("CANCELLED");
        assertThat(last.get("reason").asString()).isEqualTo("customer changed their mind");
        assertThat(last.get("actor").asString()).startsWith("api-key:agent-");
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("available").asLong()).isEqualTo(4);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();

        Api.Response again = api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:ordo:problem:illegal-transition");
        assertThat(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", " ")).errorFields())
                .containsExactly("reason");
    }

    @Test
    void storesTheRequestAsReceivedAndLinksItToTheOrder() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 1);
        String raw = Api.JSON.writeValueAsString(Fixtures.order("EUR", sku, 1)).replace(",", " ,\n  ");

        JsonNode order = expect(api.postBytes("/api/v1/orders", raw.getBytes(StandardCharsets.UTF_8),
                "application/json", "Idempotency-Key", Fixtures.unique("K")), 201).json();

        String documentId = order.get("inboundDocumentId").asString();
        JsonNode document = expect(api.get("/api/v1/inbound-documents/" + documentId), 200).json();
        assertThat(document.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(document.get("producedType").asString()).isEqualTo("ORDER");
        assertThat(document.get("producedId").asString()).isEqualTo(order.get("id").asString());
        assertThat(api.get("/api/v1/inbound-documents/" + documentId + "/body").body()).isEqualTo(raw);
    }

    @Test
    void theSameExternalReferenceFromTheSameChannelIsOneOrder() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        Map<String, Object> order = Fixtures.order("EUR", sku, 1);
        String id = expect(api.placeOrder(order), 201).json().get("id").asString();

        Api.Response duplicate = api.placeOrder(order); // new idempotency key, same shop order number
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("orderId").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/inventory/" + sku).json().get("reserved").asLong()).isEqualTo(1);
    }

    @Test
    void placesForAnExistingCustomerById() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        String email = Fixtures.unique("kim").toLowerCase() + "@example.com";
        String customerId = expect(api.post("/api/v1/customers", Map.of("email", email, "name", "김민지",
                "locale", "ko", "phone", "+8221234567", "smsConsent", true)), 201).json().get("id").asString();
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", sku, 1));
        body.remove("customer");
        body.put("customerId", customerId);

        JsonNode order = expect(api.placeOrder(body), 201).json();

        assertThat(order.get("customer").get("id").asString()).isEqualTo(customerId);
        assertThat(order.get("customer").get("locale").asString()).isEqualTo("ko");
        assertThat(api.get("/api/v1/orders/" + order.get("number").asString()).json().get("id").asString())
                .isEqualTo(order.get("id").asString());
    }

    @Test
    void inlineCustomersAreFoundByEmailAndNotDuplicated() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        Map<String, Object> first = new HashMap<>(Fixtures.order("EUR", sku, 1));
        Map<String, Object> second = new HashMap<>(Fixtures.order("EUR", sku, 1));
        second.put("customer", first.get("customer"));
        String a = api.placeOrder(first).json().get("customer").get("id").asString();
        String b = api.placeOrder(second).json().get("customer").get("id").asString();
        assertThat(a).isEqualTo(b);
    }
}
