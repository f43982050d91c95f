package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invariant 8: bad input gets a 4xx problem naming the field, and changes nothing. */
@IntegrationTest
class BadInputIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    String location;
    String shirt;
    String ebook;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        shirt = fixtures.article("19.99", "EUR", "19");
        ebook = fixtures.article("DIGITAL", "9.99", "EUR", "7", false, false);
        fixtures.receive(shirt, location, 10);
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                bad("unknown SKU", 422, "lines[0].sku", o -> line(o, "NO-SUCH-SKU", 1)),
                bad("zero quantity", 422, "lines[0].quantity", o -> line(o, null, 0)),
                bad("negative quantity", 422, "lines[0].quantity", o -> line(o, null, -1)),
                bad("quantity above the limit", 422, "lines[0].quantity", o -> line(o, null, 1_000_000)),
                bad("missing quantity", 422, "lines[0].quantity", o -> o.put("lines", List.of(Map.of("sku", "X")))),
                bad("unknown currency", 422, "currency", o -> o.put("currency", "EUX")),
                bad("currency other than the article's", 422, "currency", o -> o.put("currency", "USD")),
                bad("missing shipping address", 422, "shippingAddress", o -> o.remove("shippingAddress")),
                bad("address without city", 422, "shippingAddress.city",
                        o -> o.put("shippingAddress", Map.of("name", "A", "street", "B", "postalCode", "1",
                                "country", "DE"))),
                bad("unknown country", 422, "shippingAddress.country",
                        o -> o.put("shippingAddress", Map.of("name", "A", "street", "B", "postalCode", "1",
                                "city", "C", "country", "XX"))),
                bad("unknown channel", 422, "channel", o -> o.put("channel", "fax")),
                bad("a shop platform's channel, whose orders come by its signed webhook", 422, "channel",
                        o -> o.put("channel", "shopify")),
                bad("the file channel, whose orders come by the file import", 422, "channel",
                        o -> o.put("channel", "file")),
                bad("unknown payment method", 422, "paymentMethod", o -> o.put("paymentMethod", "barter")),
                bad("no lines", 422, "lines", o -> o.put("lines", List.of())),
                bad("no customer", 422, "customer", o -> o.remove("customer")),
                bad("bad customer e-mail", 422, "customer.email",
                        o -> o.put("customer", Map.of("email", "not-an-email", "name", "X"))),
                bad("unknown customer id", 422, "customerId", o -> {
                    o.remove("customer");
                    o.put("customerId", "0190f0f0-0000-7000-8000-000000000000");
                }),
                bad("unsupported locale", 422, "customer.locale",
                        o -> o.put("customer", Map.of("email", "a@example.com", "name", "X", "locale", "fr"))),
                bad("unknown field", 422, "colour", o -> o.put("colour", "red")),
                bad("quantity as text", 422, "lines[0].quantity",
                        o -> o.put("lines", List.of(Map.of("sku", "X", "quantity", "two")))),
                bad("lines not a list", 422, "lines", o -> o.put("lines", "everything")));
    }

    private static Arguments bad(String name, int status, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, status, field, change);
    }

    @SuppressWarnings("unchecked")
    private static void line(Map<String, Object> order, String sku, long quantity) {
        Map<String, Object> line = new HashMap<>(((List<Map<String, Object>>) order.get("lines")).get(0));
        if (sku != null) {
            line.put("sku", sku);
        }
        line.put("quantity", quantity);
        order.put("lines", List.of(line));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void refusesBadOrdersNamingTheFieldAndChangesNothing(String name, int status, String field,
            Consumer<Map<String, Object>> change) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", shirt, 1));
        change.accept(order);
        Snapshot before = snapshot();

        Api.Response response = api.placeOrder(order);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.toString()).contains(field);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400NamingTheBody() {
        Snapshot before = snapshot();
        Api.Response response = api.post("/api/v1/orders", "{\"channel\": \"web\", \"lines\": [",
                "Idempotency-Key", Fixtures.unique("K"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).isNotEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aHugeNumberIsA422NamingTheField() {
        String body = Api.JSON.writeValueAsString(Fixtures.order("EUR", shirt, 1))
                .replace("\"quantity\":1", "\"quantity\":99999999999999999999999");
        Api.Response response = api.post("/api/v1/orders", body, "Idempotency-Key", Fixtures.unique("K"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("lines[0].quantity");
    }

    @Test
    void aTenMegabyteBodyIsRefusedWith413() {
        Snapshot before = snapshot();
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] start = "{\"note\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, huge, 0, start.length);

        Api.Response response = api.postBytes("/api/v1/orders", huge, "application/json", "Idempotency-Key",
                Fixtures.unique("K"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("body");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aWrongContentTypeIsA415() {
        Api.Response response = api.postBytes("/api/v1/orders", "channel=web".getBytes(StandardCharsets.UTF_8),
                "text/plain", "Idempotency-Key", Fixtures.unique("K"));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anEmptyBodyIsRefused() {
        Api.Response response = api.postBytes("/api/v1/orders", new byte[0], "application/json",
                "Idempotency-Key", Fixtures.unique("K"));
        assertThat(response.status()).isBetween(400, 422);
        assertThat(response.errorFields()).containsExactly("body");
    }

    @Test
    void badQueueParametersAreNamed() {
        assertThat(api.get("/api/v1/orders?limit=0").errorFields()).containsExactly("limit");
        assertThat(api.get("/api/v1/orders?limit=abc").errorFields()).containsExactly("limit");
        assertThat(api.get("/api/v1/orders?status=LOST").errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/orders?after=garbage").errorFields()).containsExactly("after");
        assertThat(api.get("/api/v1/orders?sort=random").errorFields()).containsExactly("sort");
        assertThat(api.get("/api/v1/orders/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void badArticlesAreRefusedNamingEachField() {
        Api.Response response = api.post("/api/v1/articles", Map.of("sku", "bad sku!", "type", "PHYSICAL",
                "name", Map.of("fr", "Chemise"), "price", Map.of("amount", "1.999", "currency", "EUR"),
                "taxRate", "150"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).contains("sku", "name.fr", "price.amount", "taxRate");
        Api.Response type = api.post("/api/v1/articles", Map.of("sku", "OK-1", "type", "SERVICE"));
        assertThat(type.status()).isEqualTo(422);
        assertThat(type.errorFields()).containsExactly("type");
    }

    // Found by bench/fault-hostile.sh: each of these was answered with a 500 (or took seconds) before.

    @Test
    void queryParametersThatAreNotUtf8AreA400() {
        Api.Response response = api.get("/api/v1/orders?q=%ED%A0%80%00");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("parameters");
        assertThat(api.get("/api/v1/customers?q=%C3%28").status()).isEqualTo(400);
    }

    @Test
    void formBodiesAreRefusedWithA4xx() {
        Snapshot before = snapshot();
        byte[] form = "{\"sku\":\"%' AND 1=1\"}=x&b=%ED%A0%80".getBytes(StandardCharsets.UTF_8);
        Api.Response post = api.postBytes("/api/v1/articles", form, "application/x-www-form-urlencoded");
        Api.Response put = api.send("PUT", "/api/v1/articles/" + shirt, form, "application/x-www-form-urlencoded");
        assertThat(post.status()).as(post.toString()).isBetween(400, 499);
        assertThat(put.status()).as(put.toString()).isEqualTo(415);
        Api.Response controlCharacters = api.postBytes("/api/v1/customers",
                "a%0d%0ab=%00".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        assertThat(controlCharacters.status()).as(controlCharacters.toString()).isBetween(400, 499);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aNulCharacterIsRefusedNotAConflict() {
        Api.Response query = api.get("/api/v1/orders?q=a%00b");
        assertThat(query.status()).as(query.toString()).isEqualTo(400);
        assertThat(query.errorFields()).containsExactly("parameters");

        Snapshot before = snapshot();
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", shirt, 1));
        order.put("note", "a\u0000b");
        Api.Response placed = api.placeOrder(order);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(422);
        assertThat(placed.errorFields()).containsExactly("note");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBlankStatusFilterIsNamed() {
        Api.Response response = api.get("/api/v1/orders?status=%20");
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/orders?paymentStatus=%20&fulfillmentStatus=UNFULFILLED").errorFields())
                .containsExactly("paymentStatus");
        // A NUL never reaches the filter: the firewall refuses it with every other control character.
        assertThat(api.get("/api/v1/orders?status=%00").errorFields()).containsExactly("parameters");
    }

    @Test
    void anAmountWithAHugeNegativeExponentIsRefusedAtOnce() {
        long started = System.nanoTime();
        Api.Response response = api.post("/api/v1/articles", Map.of("sku", Fixtures.unique("SKU"), "type", "PHYSICAL",
                "name", Map.of("en", "Tiny"), "price", Map.of("amount", "1e-20000000", "currency", "EUR"),
                "taxRate", "19"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("price.amount");
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    record Snapshot(long orders, long movements, long documents, long customers, long reserved) {
    }

    private Snapshot snapshot() {
        return new Snapshot(
                jdbc.sql("SELECT count(*) FROM customer_order").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM stock_movement").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM inbound_document").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single(),
                jdbc.sql("SELECT reserved FROM stock_level WHERE sku = :sku").param("sku", shirt).query(Long.class)
                        .single());
    }
}
