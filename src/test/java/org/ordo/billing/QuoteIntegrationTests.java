package org.ordo.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Quotes as an agent uses them: made at catalog prices with gap-free numbers, sent as a mail in the customer's
 * language, accepted into an order at the quoted prices (reserving stock then), declined, or expired.
 */
@IntegrationTest
class QuoteIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    QuoteManagement quotes;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A quote body for a new customer speaking {@code locale}: lines as sku, quantity, sku, quantity... */
    private static Map<String, Object> quote(String locale, LocalDate validUntil, Object... skuAndQuantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", Map.of("email", Fixtures.unique("q").toLowerCase() + "@example.com", "name",
                "Min-jun Kim", "locale", locale, "type", "BUSINESS", "company", "Kim Trading"));
        body.put("currency", "EUR");
        body.put("validUntil", validUntil.toString());
        body.put("shippingAddress", Fixtures.address("Kim Trading", "DE"));
        body.put("paymentMethod", "prepayment");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i + 1 < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        body.put("lines", lines);
        return body;
    }

    private Api.Response create(Map<String, Object> body, String key) {
        return api.post("/api/v1/quotes", body, "Idempotency-Key", key);
    }

    private JsonNode created(Map<String, Object> body) {
        return expect(create(body, UUID.randomUUID().toString()), 201).json();
    }

    private String stocked(String price, long quantity) {
        String sku = fixtures.article(price, "EUR", "19");
        fixtures.receive(sku, location, quantity);
        return sku;
    }

    private JsonNode post(String path, int status) {
        return expect(api.post(path, Map.of()), status).json();
    }

    @Test
    void aQuoteIsPricedLikeAnOrderAndARetryGetsTheSameQuote() {
        String shirt = stocked("19.99", 10);
        String mug = stocked("12.50", 10);
        Map<String, Object> body = quote("de", today().plusDays(14), shirt, 2, mug, 1);
        String key = UUID.randomUUID().toString();

        Api.Response first = expect(create(body, key), 201);
        JsonNode q = first.json();
        assertThat(first.replayed()).isEqualTo("false");
        assertThat(q.get("number").asString()).matches("QUO-" + today().getYear() + "-\\d{6}");
        assertThat(q.get("status").asString()).isEqualTo("OPEN");
        assertThat(q.get("net").get("amount").asString()).isEqualTo("52.48");
        assertThat(q.get("tax").get("amount").asString()).isEqualTo("9.98");
        assertThat(q.get("gross").get("amount").asString()).isEqualTo("62.46");
        assertThat(q.get("lines")).hasSize(2);
        assertThat(q.get("lines").get(0).get("name").asString()).isEqualTo("Artikel " + shirt);
        assertThat(q.get("validUntil").asString()).isEqualTo(today().plusDays(14).toString());

        Api.Response again = expect(create(body, key), 201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(q.get("id").asString());
        Map<String, Object> other = new HashMap<>(body);
        other.put("validUntil", today().plusDays(3).toString());
        assertThat(create(other, key).errorFields()).containsExactly("Idempotency-Key");

        assertThat(expect(api.get("/api/v1/quotes/" + q.get("number").asString()), 200).json().get("id").asString())
                .isEqualTo(q.get("id").asString());
        assertThat(api.get("/api/v1/quotes/" + UUID.randomUUID()).status()).isEqualTo(404);
        JsonNode listed = expect(api.get("/api/v1/quotes?status=open&customer="
                + q.get("customer").get("id").asString()), 200).json();
        assertThat(listed.get("items")).singleElement()
                .satisfies(item -> assertThat(item.get("id").asString()).isEqualTo(q.get("id").asString()));
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndTakesNoNumber() {
        String sku = stocked("5.00", 1);
        JsonNode before = created(quote("en", today(), sku, 1));
        Map<String, Object> bad = quote("en", today().minusDays(1), sku, 0, "NO-SUCH-SKU", 1);
        bad.put("currency", "XXY");
        bad.remove("shippingAddress");
        assertThat(create(bad, UUID.randomUUID().toString()).errorFields()).contains("validUntil",
                "lines[0].quantity", "lines[1].sku", "currency");
        Map<String, Object> noAddress = quote("en", today(), sku, 1);
        noAddress.remove("shippingAddress");
        assertThat(create(noAddress, UUID.randomUUID().toString()).errorFields()).containsExactly("shippingAddress");
        assertThat(api.post("/api/v1/quotes", quote("en", today(), sku, 1)).errorFields())
                .containsExactly("Idempotency-Key");
        assertThat(api.get("/api/v1/quotes?status=LOST").errorFields()).containsExactly("status");

        JsonNode after = created(quote("en", today(), sku, 1));
        assertThat(sequence(after)).as("refused quotes take no number").isEqualTo(sequence(before) + 1);
    }

    private static long sequence(JsonNode quote) {
        String number = quote.get("number").asString();
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    @Test
    void concurrentQuotesGetConsecutiveNumbers() throws Exception {
        String sku = stocked("1.00", 1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> made = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                made.add(pool.submit((Callable<JsonNode>) () -> created(quote("en", today(), sku, 1))));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<JsonNode> f : made) {
                numbers.add(sequence(f.get()));
            }
            numbers.sort(Long::compare);
            for (int i = 1; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).as("no gaps, no repeats").isEqualTo(numbers.get(0) + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sendingQueuesTheQuoteMailInTheCustomersLanguage() {
        String sku = stocked("100.00", 1);
        Map<String, String> subjects = Map.of("de", "Ihr Angebot ", "en", "Your quote ", "es", "Su presupuesto ",
                "ko", "견적서 ");
        Map<String, String> totals = Map.of("de", "Gesamt: 119,00\u00a0€", "en", "Total: €119.00",
                "es", "Total: 119,00\u00a0€", "ko", "합계: €119.00");
        for (String locale : List.of("de", "en", "es", "ko")) {
            JsonNode q = created(quote(locale, today().plusDays(30), sku, 1));
            String id = q.get("id").asString();
            JsonNode sent = post("/api/v1/quotes/" + id + "/send", 200);
            assertThat(sent.get("status").asString()).isEqualTo("SENT");
            assertThat(sent.get("timesSent").asInt()).isEqualTo(1);

            JsonNode mail = quoteMails(q.get("number").asString()).get(0);
            assertThat(mail.get("kind").asString()).isEqualTo("QUOTE");
            assertThat(mail.get("recipient").asString()).isEqualTo(q.get("customer").get("email").asString());
            assertThat(mail.get("subject").asString()).as(locale)
                    .isEqualTo(subjects.get(locale) + q.get("number").asString());
            assertThat(api.get("/api/v1/messages/" + mail.get("id").asString()).json().get("body").asString())
                    .as(locale).contains(totals.get(locale)).contains(q.get("number").asString());
        }
        JsonNode q = created(quote("en", today().plusDays(30), sku, 1));
        assertThat(api.get("/api/v1/quotes/" + q.get("id").asString() + "/pdf").status()).as("not sent yet")
                .isEqualTo(404);
        post("/api/v1/quotes/" + q.get("id").asString() + "/send", 200);
        assertThat(post("/api/v1/quotes/" + q.get("id").asString() + "/send", 200).get("timesSent").asInt())
                .isEqualTo(2);
        assertThat(quoteMails(q.get("number").asString())).as("sending again sends a copy").hasSize(2);
    }

    @Test
    void theSentPdfNamesTheQuoteItsTotalAndValidityAndStaysTheSame() throws Exception {
        String sku = stocked("250.00", 1);
        JsonNode q = created(quote("ko", LocalDate.of(today().getYear() + 1, 1, 31), sku, 2));
        String id = q.get("id").asString();
        post("/api/v1/quotes/" + id + "/send", 200);

        java.net.http.HttpResponse<byte[]> pdf = pdf(id);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = org.ordo.Mails.pdfText(pdf.body());
        assertThat(text).contains("견적서 " + q.get("number").asString()).contains("€595.00").contains("유효 기한");

        post("/api/v1/quotes/" + id + "/send", 200);
        assertThat(pdf(id).body()).as("sending again attaches the stored file").isEqualTo(pdf.body());
    }

    private java.net.http.HttpResponse<byte[]> pdf(String quoteId) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/quotes/" + quoteId + "/pdf"))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The QUOTE mails whose subject names this quote, newest first. */
    private List<JsonNode> quoteMails(String number) {
        List<JsonNode> found = new ArrayList<>();
        expect(api.get("/api/v1/messages?limit=100"), 200).json().get("items").forEach(m -> {
            if (m.get("kind").asString().equals("QUOTE") && m.get("subject").asString().endsWith(number)) {
                found.add(m);
            }
        });
        return found;
    }

    @Test
    void anAcceptedQuoteBecomesAnOrderAtTheQuotedPricesAndReservesStock() {
        String sku = stocked("40.00", 5);
        JsonNode q = created(quote("en", today().plusDays(7), sku, 3));
        String id = q.get("id").asString();
        post("/api/v1/quotes/" + id + "/send", 200);
        // The catalog price goes up after the quote was made: the customer still pays what was quoted.
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("type", "PHYSICAL");
        article.put("name", Map.of("en", "Article " + sku));
        article.put("price", Map.of("amount", "45.00", "currency", "EUR"));
        article.put("taxRate", "19");
        article.put("priceIncludesTax", false);
        article.put("backorderable", false);
        article.put("weightGrams", 250);
        expect(api.put("/api/v1/articles/" + sku, article), 200);

        JsonNode accepted = post("/api/v1/quotes/" + id + "/accept", 200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        String orderId = accepted.get("orderId").asString();
        JsonNode order = expect(api.get("/api/v1/orders/" + orderId), 200).json();
        assertThat(order.get("number").asString()).isEqualTo(accepted.get("orderNumber").asString());
        assertThat(order.get("externalRef").asString()).isEqualTo(q.get("number").asString());
        assertThat(order.get("totals").get("gross").get("amount").asString()).isEqualTo("142.80");
        assertThat(order.get("lines").get(0).get("unitPrice").get("amount").asString()).isEqualTo("40.00");
        assertThat(order.get("lines").get(0).get("reserved").asLong()).isEqualTo(3);
        assertThat(expect(api.get("/api/v1/inventory/" + sku), 200).json().get("reserved").asLong()).isEqualTo(3);

        JsonNode again = expect(api.post("/api/v1/quotes/" + id + "/accept", Map.of()), 409).json();
        assertThat(again.get("quoteStatus").asString()).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/quotes/" + id + "/decline", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/quotes/" + id + "/send", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void acceptingWithoutEnoughStockIsRefusedAndChangesNothing() {
        String sku = stocked("9.00", 2);
        JsonNode q = created(quote("en", today().plusDays(7), sku, 5));
        String id = q.get("id").asString();

        JsonNode refused = expect(api.post("/api/v1/quotes/" + id + "/accept", Map.of()), 409).json();
        assertThat(refused.get("type").asString()).isEqualTo("urn:ordo:problem:insufficient-stock");
        JsonNode still = expect(api.get("/api/v1/quotes/" + id), 200).json();
        assertThat(still.get("status").asString()).isEqualTo("OPEN");
        assertThat(still.get("orderId").isNull()).isTrue();
        assertThat(expect(api.get("/api/v1/inventory/" + sku), 200).json().get("reserved").asLong()).isZero();

        fixtures.receive(sku, location, 3);
        assertThat(post("/api/v1/quotes/" + id + "/accept", 200).get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aDeclinedQuoteCannotBeAccepted() {
        String sku = stocked("3.00", 5);
        String id = created(quote("es", today().plusDays(7), sku, 1)).get("id").asString();
        JsonNode declined = expect(api.post("/api/v1/quotes/" + id + "/decline", Map.of("reason", "too expensive")),
                200).json();
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("declineReason").asString()).isEqualTo("too expensive");
        assertThat(api.post("/api/v1/quotes/" + id + "/accept", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/quotes/" + id + "/decline", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aQuotePastItsValidityCannotBeAcceptedAndTheJobMarksItExpired() {
        String sku = stocked("3.00", 5);
        JsonNode valid = created(quote("en", today(), sku, 1));
        JsonNode lapsed = created(quote("en", today(), sku, 1));
        post("/api/v1/quotes/" + lapsed.get("id").asString() + "/send", 200);
        jdbc.sql("UPDATE quote SET valid_until = valid_until - 1 WHERE id = :id")
                .param("id", UUID.fromString(lapsed.get("id").asString())).update();

        JsonNode refused = expect(api.post("/api/v1/quotes/" + lapsed.get("id").asString() + "/accept", Map.of()),
                409).json();
        assertThat(refused.get("type").asString()).isEqualTo("urn:ordo:problem:quote-expired");

        assertThat(quotes.expireOverdue()).contains(lapsed.get("number").asString())
                .doesNotContain(valid.get("number").asString());
        assertThat(quotes.expireOverdue()).doesNotContain(lapsed.get("number").asString());
        assertThat(expect(api.get("/api/v1/quotes/" + lapsed.get("id").asString()), 200).json().get("status")
                .asString()).isEqualTo("EXPIRED");
        assertThat(api.post("/api/v1/quotes/" + lapsed.get("id").asString() + "/accept", Map.of()).status())
                .isEqualTo(409);
        assertThat(post("/api/v1/quotes/" + valid.get("id").asString() + "/accept", 200).get("status").asString())
                .as("valid through its last day").isEqualTo("ACCEPTED");
    }

    @Test
    void warehouseKeysCannotMakeQuotes() {
        Api warehouse = api.withNewKey("WAREHOUSE");
        assertThat(warehouse.get("/api/v1/quotes").status()).isEqualTo(403);
    }
}
