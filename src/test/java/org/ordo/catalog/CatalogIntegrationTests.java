package org.ordo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Articles, customers and suppliers through the API. */
@IntegrationTest
class CatalogIntegrationTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
    }

    @Test
    void registersChangesAndListsArticles() {
        String sku = Fixtures.unique("TSHIRT");
        JsonNode created = expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL",
                "name", Map.of("de", "T-Shirt", "en", "T-shirt", "ko", "티셔츠"),
                "price", Map.of("amount", "19.99", "currency", "EUR"), "taxRate", "19", "weightGrams", 200)), 201)
                .json();
        assertThat(created.get("price").get("amount").asString()).isEqualTo("19.99");
        assertThat(created.get("taxRate").asString()).isEqualTo("19");
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("name").get("ko").asString()).isEqualTo("티셔츠");

        assertThat(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("en", "x"),
                "price", Map.of("amount", "1", "currency", "EUR"), "taxRate", "19")).status()).isEqualTo(409);

        JsonNode changed = expect(api.put("/api/v1/articles/" + sku, Map.of("type", "PHYSICAL",
                "name", Map.of("en", "T-shirt"), "price", Map.of("amount", "17.50", "currency", "EUR"),
                "taxRate", "7.5", "active", false)), 200).json();
        assertThat(changed.get("price").get("amount").asString()).isEqualTo("17.50");
        assertThat(changed.get("taxRate").asString()).isEqualTo("7.5");
        assertThat(changed.get("active").asBoolean()).isFalse();

        JsonNode list = expect(api.get("/api/v1/articles?q=" + sku), 200).json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(api.get("/api/v1/articles/NO-SUCH-" + sku).status()).isEqualTo(404);
    }

    @Test
    void anArticleCarriesAGtinWithAVerifiedCheckDigit() {
        String sku = Fixtures.unique("GTIN");
        String gtin = Fixtures.gtin();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("sku", sku, "type", "PHYSICAL",
                "name", Map.of("en", "Tea"), "price", Map.of("amount", "4.00", "currency", "EUR"), "taxRate", "7"));
        body.put("gtin", gtin.substring(0, 12) + (char) ('0' + (gtin.charAt(12) - '0' + 1) % 10));
        assertThat(api.post("/api/v1/articles", body).errorFields()).containsExactly("gtin");
        assertThat(api.get("/api/v1/articles/" + sku).status()).isEqualTo(404);

        body.put("gtin", gtin);
        assertThat(expect(api.post("/api/v1/articles", body), 201).json().get("gtin").asString()).isEqualTo(gtin);
        assertThat(expect(api.get("/api/v1/articles/" + sku), 200).json().get("gtin").asString()).isEqualTo(gtin);

        body.put("sku", Fixtures.unique("GTIN"));
        assertThat(api.post("/api/v1/articles", body).status()).isEqualTo(409);
    }

    @Test
    void inactiveArticlesCannotBeOrdered() {
        Fixtures fixtures = new Fixtures(api);
        String sku = fixtures.article("3.00", "EUR", "19");
        expect(api.put("/api/v1/articles/" + sku, Map.of("type", "PHYSICAL", "name", Map.of("en", "old"),
                "price", Map.of("amount", "3.00", "currency", "EUR"), "taxRate", "19", "active", false)), 200);
        assertThat(api.placeOrder(Fixtures.order("EUR", sku, 1)).errorFields()).containsExactly("lines[0].sku");
    }

    @Test
    void managesCustomersAndSuppliers() {
        String email = Fixtures.unique("lucia").toLowerCase() + "@example.com";
        JsonNode customer = expect(api.post("/api/v1/customers", Map.of("email", email, "name", "Lucía García",
                "locale", "es", "type", "BUSINESS", "company", "García S.L.", "vatId", "ESB12345678",
                "addresses", java.util.List.of(Fixtures.address("Lucía García", "ES")))), 201).json();
        assertThat(customer.get("locale").asString()).isEqualTo("es");
        assertThat(customer.get("addresses").get(0).get("country").asString()).isEqualTo("ES");
        assertThat(api.post("/api/v1/customers", Map.of("email", email.toUpperCase(), "name", "Twin")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/customers", Map.of("email", "x@example.com", "name", "B", "type", "BUSINESS"))
                .errorFields()).containsExactly("company");
        expect(api.get("/api/v1/customers/" + customer.get("id").asString()), 200);

        String code = Fixtures.unique("SUP").substring(0, 12);
        JsonNode supplier = expect(api.post("/api/v1/suppliers", Map.of("code", code, "name", "Textilwerk",
                "leadTimeDays", 5, "currency", "EUR")), 201).json();
        assertThat(supplier.get("leadTimeDays").asInt()).isEqualTo(5);
        assertThat(api.post("/api/v1/suppliers", Map.of("code", code, "name", "again")).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/suppliers").body()).contains(code);
    }
}
