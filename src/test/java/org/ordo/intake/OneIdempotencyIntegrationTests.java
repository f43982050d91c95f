package org.ordo.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders and quotes are kept by the one idempotency mechanism (invariant 2 in docs/design.md): a replay and a
 * changed request get the same treatment at both, and a key serves one request of its client, whatever it made.
 */
@IntegrationTest
class OneIdempotencyIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, fixtures.location(1), 50);
    }

    private Map<String, Object> quote(long quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", Map.of("email", Fixtures.unique("q").toLowerCase() + "@example.com", "name",
                "Ana Ruiz", "locale", "es", "type", "BUSINESS", "company", "Ruiz SL"));
        body.put("currency", "EUR");
        body.put("validUntil", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString());
        body.put("shippingAddress", Fixtures.address("Ruiz SL", "DE"));
        body.put("lines", List.of(Map.of("sku", sku, "quantity", quantity)));
        return body;
    }

    @Test
    void aQuoteAndAnOrderAreReplayedAndRefusedAlike() {
        assertReplayedAndRefusedAlike("/api/v1/orders", Api.JSON.writeValueAsString(Fixtures.order("EUR", sku, 1)),
                Api.JSON.writeValueAsString(Fixtures.order("EUR", sku, 2)));
        assertReplayedAndRefusedAlike("/api/v1/quotes", Api.JSON.writeValueAsString(quote(1)),
                Api.JSON.writeValueAsString(quote(2)));
    }

    private void assertReplayedAndRefusedAlike(String path, String body, String otherBody) {
        String key = Fixtures.unique("IDEM");
        Api.Response first = api.post(path, body, "Idempotency-Key", key);
        assertThat(first.status()).as(path).isEqualTo(201);
        assertThat(first.replayed()).isEqualTo("false");

        Api.Response again = api.post(path, body, "Idempotency-Key", key);
        assertThat(again.status()).as(path + " replayed").isEqualTo(201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.body()).as(path + ": the first answer, as it was").isEqualTo(first.body());

        Api.Response other = api.post(path, otherBody, "Idempotency-Key", key);
        assertThat(other.status()).as(path + " with another body").isEqualTo(422);
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");

        Api.Response respaced = api.post(path, body.replace(",", ", "), "Idempotency-Key", key);
        assertThat(respaced.status()).as(path + ": the body is compared as sent, byte for byte").isEqualTo(422);

        String id = first.json().get("id").asString();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM inbound_document d JOIN idempotency_key k ON k.key = :key
                WHERE d.produced_id = CAST(:id AS uuid) AND d.sha256 = k.request_hash
                """).param("key", key).param("id", id).query(Long.class).single())
                .as(path + ": the original is stored once, with the key's hash").isEqualTo(1);
    }

    @Test
    void aKeyUsedForAnOrderCannotMakeAQuote() {
        String key = Fixtures.unique("IDEM");
        assertThat(api.post("/api/v1/orders", Fixtures.order("EUR", sku, 1), "Idempotency-Key", key).status())
                .isEqualTo(201);

        Api.Response quote = api.post("/api/v1/quotes", quote(1), "Idempotency-Key", key);

        assertThat(quote.status()).isEqualTo(422);
        assertThat(quote.errorFields()).containsExactly("Idempotency-Key");
    }
}
