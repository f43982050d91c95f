package org.ordo.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A picker's scan names the article by its SKU in any case or by its GTIN, the barcode on the goods. */
@IntegrationTest
class PickScanIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aScanMatchesTheSkuInAnyCaseOrTheGtinAndNothingElse() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String plain = fixtures.article("10.00", "EUR", "19");
        String gtin = Fixtures.gtin();
        String barcoded = article(api, gtin);
        fixtures.receive(plain, location, 5);
        fixtures.receive(barcoded, location, 5);
        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", plain, 2, barcoded, 1)), 201).json();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                "amount", order.get("totals").get("gross"), "reference", "scan test")), 201);
        JsonNode list = expect(api.post("/api/v1/fulfillment/pick-lists", Map.of("location", location)), 201).json();
        String lines = "/api/v1/fulfillment/pick-lists/" + list.get("id").asString() + "/lines/";
        JsonNode first = line(list, plain);
        JsonNode second = line(list, barcoded);

        assertThat(api.post(lines + first.get("lineNo").asInt() + "/pick", Map.of("sku", barcoded, "quantity", 2))
                .errorFields()).as("another article's SKU").containsExactly("sku");
        expect(api.post(lines + first.get("lineNo").asInt() + "/pick",
                Map.of("sku", " " + plain.toLowerCase() + " ", "quantity", 2)), 200);
        JsonNode picked = expect(api.post(lines + second.get("lineNo").asInt() + "/pick",
                Map.of("sku", gtin, "quantity", 1)), 200).json();
        assertThat(picked.get("lines")).extracting(l -> l.get("status").asString()).containsOnly("PICKED");
    }

    private static JsonNode line(JsonNode list, String sku) {
        for (JsonNode line : list.get("lines")) {
            if (line.get("sku").asString().equals(sku)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + sku + " in " + list);
    }

    private static String article(Api api, String gtin) {
        String sku = Fixtures.unique("SKU");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("type", "PHYSICAL");
        body.put("name", Map.of("de", "Artikel " + sku, "en", "Article " + sku));
        body.put("price", Map.of("amount", "5.00", "currency", "EUR"));
        body.put("taxRate", "19");
        body.put("priceIncludesTax", false);
        body.put("backorderable", false);
        body.put("weightGrams", 250);
        body.put("gtin", gtin);
        expect(api.post("/api/v1/articles", body), 201);
        return sku;
    }
}
