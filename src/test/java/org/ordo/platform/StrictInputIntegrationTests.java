package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.backoffice.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Invariant 8: numbers, dates and text are taken exactly as written or refused with a problem naming the field,
 * and a refused request changes nothing. Each request here was accepted (coerced, rounded, cleaned) or answered
 * with a 500 before the strict binding.
 */
@IntegrationTest
class StrictInputIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    String shirt;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        shirt = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(shirt, location, 20);
    }

    // --- numbers -----------------------------------------------------------------------------------------------

    @Test
    void aFractionalQuantityIsRefusedNotCutToAWholeOne() {
        long orders = count("customer_order");
        Api.Response response = api.placeOrder(withLine(Fixtures.order("EUR", shirt, 1), Map.of("sku", shirt,
                "quantity", 1.5)));
        assertRefused(response, 422, "lines[0].quantity", "/lines/0/quantity");
        assertThat(count("customer_order")).isEqualTo(orders);
        assertThat(reserved()).isZero();
    }

    @Test
    void aQuantityWrittenAsAStringIsRefused() {
        long orders = count("customer_order");
        Api.Response response = api.placeOrder(withLine(Fixtures.order("EUR", shirt, 1), Map.of("sku", shirt,
                "quantity", "2")));
        assertRefused(response, 422, "lines[0].quantity", "/lines/0/quantity");
        assertThat(count("customer_order")).isEqualTo(orders);
    }

    @Test
    void bankTransfersWithAnAmountNotWrittenExactlyAreNotBooked() {
        JsonNode order = Fixtures.expect(api.placeOrder(Fixtures.order("EUR", shirt, 1)), 201).json();
        String number = order.get("number").asString();
        for (String amount : List.of("1e2", "12.5e0", " 12.50", "12.50 ", "12 .50", "+12.50", "12.505", "12.500",
                "-12.50", "0x10", "١٢")) {
            Api.Response response = api.post("/api/v1/payments/bank-transfers", Map.of("order", number,
                    "amount", Map.of("amount", amount, "currency", "EUR")));
            assertRefused(response, 422, "amount.amount", null);
        }
        Api.Response asNumber = api.post("/api/v1/payments/bank-transfers", """
                {"order":"%s","amount":{"amount":12.50,"currency":"EUR"}}""".formatted(number));
        assertRefused(asNumber, 422, "amount.amount", "/amount/amount");
        assertThat(payments(order.get("id").asString())).isZero();

        Fixtures.expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", number,
                "amount", Map.of("amount", "12.5", "currency", "EUR"))), 201);
        assertThat(payments(order.get("id").asString())).isEqualTo(1);
    }

    @Test
    void aStatementLineWithAnInexactAmountOrAnImpossibleDateIsNotBooked() {
        JsonNode order = Fixtures.expect(api.placeOrder(Fixtures.order("EUR", shirt, 1)), 201).json();
        String number = order.get("number").asString();
        String csv = """
                date;amount;currency;reference
                2026-11-25;1e2;EUR;%1$s
                2026-13-45;12.50;EUR;%1$s
                +99999-01-01;12.50;EUR;%1$s
                2026-11-25;12.505;EUR;%1$s
                """.formatted(number);
        Api.Response response = api.postBytes("/api/v1/payments/bank-statements",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("matched")).isEmpty();
        assertThat(response.json().get("unmatched")).hasSize(4);
        assertThat(response.json().get("unmatched").get(0).get("reason").asString()).contains("amount.amount");
        assertThat(response.json().get("unmatched").get(1).get("reason").asString()).contains("date");
        assertThat(payments(order.get("id").asString())).isZero();
    }

    @Test
    void aCreditLimitWithMoreDecimalsThanStoredIsRefusedNotRounded() {
        long customers = count("customer");
        Api.Response response = api.post("/api/v1/customers", Map.of("email", email(), "name", "Erika",
                "creditLimit", "1.123456"));
        assertRefused(response, 422, "creditLimit", null);
        assertRefused(api.post("/api/v1/customers", Map.of("email", email(), "name", "Erika",
                "creditLimit", "1e3")), 422, "creditLimit", null);
        assertThat(count("customer")).isEqualTo(customers);

        JsonNode created = Fixtures.expect(api.post("/api/v1/customers", Map.of("email", email(), "name", "Erika",
                "creditLimit", "1000.5")), 201).json();
        assertThat(created.get("creditLimit").asString()).isEqualTo("1000.50");
    }

    @Test
    void aTaxRateOrPriceWithAnExponentIsRefused() {
        long articles = count("article");
        String sku = Fixtures.unique("SKU");
        assertRefused(api.post("/api/v1/articles", article(sku, "12.50", "1e2")), 422, "taxRate", null);
        assertRefused(api.post("/api/v1/articles", article(sku, "1e2", "19")), 422, "price.amount", null);
        assertRefused(api.post("/api/v1/articles", article(sku, "12.50", "19.0001")), 422, "taxRate", null);
        assertThat(count("article")).isEqualTo(articles);
        Fixtures.expect(api.post("/api/v1/articles", article(sku, "12.50", "7.5")), 201);
    }

    // --- dates -------------------------------------------------------------------------------------------------

    @Test
    void impossibleDatesAreRefusedNamingTheField() {
        JsonNode order = Fixtures.expect(api.placeOrder(Fixtures.order("EUR", shirt, 1)), 201).json();
        String number = order.get("number").asString();
        for (String date : List.of("2026-13-45", "2026-02-30", "+99999-01-01", "0000-01-01", "1999-12-31")) {
            Api.Response response = api.post("/api/v1/payments/bank-transfers", Map.of("order", number,
                    "amount", Map.of("amount", "12.50", "currency", "EUR"), "bookedOn", date));
            assertRefused(response, 422, "bookedOn", null);
        }
        assertThat(payments(order.get("id").asString())).isZero();

        long quotes = count("quote");
        for (String date : List.of("2026-02-30", "+99999-12-31", "2026-2-1", "31.12.2026")) {
            Map<String, Object> quote = new HashMap<>(quote());
            quote.put("validUntil", date);
            assertRefused(api.post("/api/v1/quotes", quote, "Idempotency-Key", Fixtures.unique("Q")), 422,
                    "validUntil", "/validUntil");
        }
        assertThat(count("quote")).isEqualTo(quotes);
    }

    @Test
    void aPromiseOutsideTheYearsOrdoWorksInIsRefusedNamingTheField() {
        long orders = count("customer_order");
        for (String at : List.of("0000-01-01T00:00:00Z", "+99999-01-01T00:00:00Z", "2026-02-30T10:00:00Z",
                "2026-11-25T25:00:00Z")) {
            Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", shirt, 1));
            order.put("promisedAt", at);
            assertRefused(api.placeOrder(order), 422, "promisedAt", "/promisedAt");
        }
        assertThat(count("customer_order")).isEqualTo(orders);
    }

    // --- text --------------------------------------------------------------------------------------------------

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedInEveryField() {
        long orders = count("customer_order");
        Map<String, Object> nul = new HashMap<>(Fixtures.order("EUR", shirt, 1));
        nul.put("externalRef", "A\u0000B");
        assertRefused(api.placeOrder(nul), 422, "externalRef", "/externalRef");

        Map<String, Object> named = new HashMap<>(Fixtures.order("EUR", shirt, 1));
        named.put("customer", Map.of("email", email(), "name", "NAME-HERE"));
        String surrogate = Api.JSON.writeValueAsString(named).replace("NAME-HERE", "Erika \\ud800 Muster");
        assertRefused(api.post("/api/v1/orders", surrogate, "Idempotency-Key", Fixtures.unique("K")), 422,
                "customer.name", "/customer/name");

        Map<String, Object> lineBreak = new HashMap<>(Fixtures.order("EUR", shirt, 1));
        lineBreak.put("shippingAddress", Map.of("name", "Erika", "street", "Hauptstr. 1\r\nX-Injected: 1",
                "postalCode", "10115", "city", "Berlin", "country", "DE"));
        assertRefused(api.placeOrder(lineBreak), 422, "shippingAddress.street", "/shippingAddress/street");

        Map<String, Object> bell = new HashMap<>(Fixtures.order("EUR", shirt, 1));
        bell.put("note", "ring \u0007 twice");
        assertRefused(api.placeOrder(bell), 422, "note", "/note");
        assertThat(count("customer_order")).isEqualTo(orders);

        Map<String, Object> multiLine = new HashMap<>(Fixtures.order("EUR", shirt, 1));
        multiLine.put("note", "Please ring twice.\r\nLeave at the door\tif out.");
        JsonNode placed = Fixtures.expect(api.placeOrder(multiLine), 201).json();
        assertThat(placed.get("note").asString()).isEqualTo("Please ring twice.\r\nLeave at the door\tif out.");
    }

    @Test
    void theLanguageSwitchNeverPutsALineBreakIntoTheRedirect() {
        WebSession session = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        session.get("/orders");
        WebSession.Page answer = session.post("/language", Map.of("lang", "en",
                "back", "/orders\r\nSet-Cookie: stolen=1"));
        assertThat(answer.status()).as(answer.body()).isBetween(300, 499);
        assertThat(answer.location()).doesNotContain("\r", "\n", "stolen");
        session.get("/orders");
        WebSession.Page plain = session.post("/language", Map.of("lang", "en", "back", "/orders"));
        assertThat(plain.status()).isEqualTo(302);
        assertThat(plain.location()).endsWith("/orders");
    }

    @Test
    void controlCharactersInFormsAndQueriesAreRefusedBeforeAnythingReadsThem() {
        JsonNode order = Fixtures.expect(api.placeOrder(Fixtures.order("EUR", shirt, 1)), 201).json();
        String number = order.get("number").asString();
        WebSession session = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        session.get("/orders/" + number);
        WebSession.Page cancel = session.post("/orders/" + number + "/cancel", Map.of("reason", "late\u0007"));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(400);
        assertThat(Fixtures.expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json()
                .get("status").asString()).isEqualTo("OPEN");

        WebSession.Page lineBreak = session.post("/orders/" + number + "/cancel", Map.of("reason", "late\r\nX: 1"));
        assertThat(lineBreak.status()).as(lineBreak.body()).isEqualTo(400);
        assertThat(Fixtures.expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json()
                .get("status").asString()).isEqualTo("OPEN");

        Api.Response query = api.get("/api/v1/orders?q=a%1Bb");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.errorFields()).containsExactly("parameters");
    }

    // --- e-mail ------------------------------------------------------------------------------------------------

    @Test
    void addressesTheMailerCannotUseAreRefusedAtTheApi() {
        long customers = count("customer");
        long orders = count("customer_order");
        for (String email : List.of("<script>alert(1)</script>@x.de", "erika@localhost", "Erika <erika@example.com>",
                "erika@@example.com", "erika@example.com (home)", "er ika@example.com", "erika@exa mple.com")) {
            assertRefused(api.post("/api/v1/customers", Map.of("email", email, "name", "Erika")), 422, "email", null);
            Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", shirt, 1));
            order.put("customer", Map.of("email", email, "name", "Erika"));
            assertRefused(api.placeOrder(order), 422, "customer.email", null);
        }
        assertRefused(api.post("/api/v1/suppliers", Map.of("code", Fixtures.unique("S"), "name", "ACME",
                "email", "<b>@x.de")), 422, "email", null);
        assertThat(count("customer")).isEqualTo(customers);
        assertThat(count("customer_order")).isEqualTo(orders);
    }

    // --- strict JSON binding -----------------------------------------------------------------------------------

    @Test
    void scalarsAreNeverCoerced() {
        long articles = count("article");
        String sku = Fixtures.unique("SKU");
        assertRefused(api.post("/api/v1/articles", """
                {"sku":12345,"type":"PHYSICAL","name":{"en":"Shirt"},"price":{"amount":"1.00","currency":"EUR"},
                "taxRate":"19"}"""), 422, "sku", "/sku");
        assertRefused(api.post("/api/v1/articles", """
                {"sku":"%s","type":"PHYSICAL","name":{"en":true},"price":{"amount":"1.00","currency":"EUR"},
                "taxRate":"19"}""".formatted(sku)), 422, "name.en", "/name/en");
        assertRefused(api.post("/api/v1/articles", """
                {"sku":"%s","type":"PHYSICAL","name":{"en":"Shirt"},"price":{"amount":"1.00","currency":"EUR"},
                "taxRate":"19","active":1}""".formatted(sku)), 422, "active", "/active");
        assertRefused(api.post("/api/v1/articles", """
                {"sku":"%s","type":0,"name":{"en":"Shirt"},"price":{"amount":"1.00","currency":"EUR"},
                "taxRate":"19"}""".formatted(sku)), 422, "type", "/type");
        assertThat(count("article")).isEqualTo(articles);

        JsonNode order = Fixtures.expect(api.placeOrder(Fixtures.order("EUR", shirt, 1)), 201).json();
        assertRefused(api.post("/api/v1/orders/" + order.get("id").asString() + "/cancel", "{\"reason\":false}"),
                422, "reason", "/reason");
        assertThat(Fixtures.expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json()
                .get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void duplicateKeysAreRefused() {
        long orders = count("customer_order");
        String body = Api.JSON.writeValueAsString(Fixtures.order("EUR", shirt, 1))
                .replace("\"quantity\":1", "\"quantity\":1,\"quantity\":5");
        assertRefused(api.post("/api/v1/orders", body, "Idempotency-Key", Fixtures.unique("K")), 400,
                "lines[0].quantity", "/lines/0/quantity");
        String currency = Api.JSON.writeValueAsString(Fixtures.order("EUR", shirt, 1))
                .replace("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"currency\":\"USD\"");
        assertRefused(api.post("/api/v1/orders", currency, "Idempotency-Key", Fixtures.unique("K")), 400,
                "currency", "/currency");
        assertThat(count("customer_order")).isEqualTo(orders);
    }

    @Test
    void nullListElementsAreRefusedWithoutA500() {
        JsonNode order = Fixtures.expect(api.placeOrder(Fixtures.order("EUR", shirt, 1)), 201).json();
        long parcels = count("parcel");
        Api.Response response = api.post("/api/v1/fulfillment/orders/" + order.get("id").asString() + "/parcels",
                "{\"location\":\"X\",\"parcels\":[null]}");
        assertRefused(response, 422, "parcels[0]", "/parcels/0");
        assertThat(count("parcel")).isEqualTo(parcels);

        long orders = count("customer_order");
        String nullLine = Api.JSON.writeValueAsString(Fixtures.order("EUR", shirt, 1))
                .replace("\"lines\":[", "\"lines\":[null,");
        assertRefused(api.post("/api/v1/orders", nullLine, "Idempotency-Key", Fixtures.unique("K")), 422,
                "lines[0]", "/lines/0");
        assertThat(count("customer_order")).isEqualTo(orders);
    }

    @Test
    void refusalsAfterBindingNameTheFieldByJsonPointerToo() {
        long orders = count("customer_order");
        Map<String, Object> order = withLine(Fixtures.order("EUR", shirt, 1), Map.of("sku", "NO-SUCH-SKU",
                "quantity", 1));
        assertRefused(api.placeOrder(order), 422, "lines[0].sku", "/lines/0/sku");
        Api.Response key = api.post("/api/v1/orders", Fixtures.order("EUR", shirt, 1));
        assertThat(key.errorFields()).containsExactly("Idempotency-Key");
        assertThat(key.json().path("errors").get(0).has("pointer")).isFalse();
        assertThat(count("customer_order")).isEqualTo(orders);
    }

    @Test
    void unknownPropertiesAreRefusedNamingThem() {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", shirt, 1));
        order.put("discount", "100%");
        long orders = count("customer_order");
        assertRefused(api.placeOrder(order), 422, "discount", "/discount");
        assertThat(count("customer_order")).isEqualTo(orders);
    }

    // --- requests refused before a controller ------------------------------------------------------------------

    @Test
    void theFirewallAnswersWithAProblem() throws Exception {
        HttpResponse<String> semicolon = raw("GET", "/api/v1/orders%3Bx=1");
        assertThat(semicolon.statusCode()).isEqualTo(400);
        assertThat(semicolon.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Api.JSON.readTree(semicolon.body()).path("errors").get(0).path("field").asString())
                .isEqualTo("path");

        HttpResponse<String> propfind = raw("PROPFIND", "/api/v1/orders");
        assertThat(propfind.statusCode()).isEqualTo(405);
        assertThat(propfind.headers().firstValue("Allow").orElse("")).contains("GET", "POST");
        assertThat(propfind.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> delete = raw("DELETE", "/api/v1/orders");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow").orElse("")).contains("GET", "POST");
        assertThat(delete.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private HttpResponse<String> raw(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(Api.Response response, int status, String field, String pointer) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.toString()).contains(field);
        if (pointer != null) {
            List<String> pointers = new java.util.ArrayList<>();
            response.json().path("errors").forEach(e -> pointers.add(e.path("pointer").asString()));
            assertThat(pointers).as(response.toString()).contains(pointer);
        }
    }

    private static Map<String, Object> withLine(Map<String, Object> order, Map<String, Object> line) {
        Map<String, Object> changed = new HashMap<>(order);
        changed.put("lines", List.of(line));
        return changed;
    }

    private static Map<String, Object> article(String sku, String price, String taxRate) {
        return Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("en", "Shirt"), "price",
                Map.of("amount", price, "currency", "EUR"), "taxRate", taxRate);
    }

    private Map<String, Object> quote() {
        return Map.of("customer", Map.of("email", email(), "name", "Erika"), "currency", "EUR",
                "shippingAddress", Fixtures.address("Erika", "DE"), "lines", List.of(Map.of("sku", shirt,
                        "quantity", 1)));
    }

    private static String email() {
        return Fixtures.unique("buyer").toLowerCase() + "@example.com";
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private long payments(String orderId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :id::uuid").param("id", orderId)
                .query(Long.class).single();
    }

    private long reserved() {
        return jdbc.sql("SELECT coalesce(sum(reserved), 0) FROM stock_level WHERE sku = :sku").param("sku", shirt)
                .query(Long.class).single();
    }
}
