package org.ordo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data made through the real API, unique per call so that tests never share rows. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + SEQUENCE.incrementAndGet();
    }

    /** A GTIN-13 never used before in this run (prefix 20-29 is GS1's range for internal numbers). */
    public static String gtin() {
        String body = "2" + String.format("%011d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                100_000_000_000L));
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (body.charAt(i) - '0') * weight;
        }
        return body + (10 - sum % 10) % 10;
    }

    /**
     * The body that registers a retail chain trading by EDIFACT D.96A (GLN qualifier 14 both ways, on invoice, one
     * central warehouse as its ship-to) as a trading partner; a test changes what it needs (standard, qualifiers).
     */
    public static Map<String, Object> edifactPartner(String code, String customerId, String senderId,
            String recipientId, String articleNumbers) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Megamarkt");
        body.put("customerId", customerId);
        body.put("standard", "EDIFACT");
        body.put("version", "D96A");
        body.put("senderQualifier", "14");
        body.put("senderId", senderId);
        body.put("recipientQualifier", "14");
        body.put("recipientId", recipientId);
        body.put("articleNumbers", articleNumbers);
        body.put("currency", "EUR");
        body.put("paymentMethod", "invoice");
        body.put("shipTo", Map.of("name", "Megamarkt Zentrallager", "street", "Industriestr. 9", "postalCode",
                "30159", "city", "Hannover", "country", "DE"));
        return body;
    }

    /** A new location; lower priority ships first. */
    public String location(int priority) {
        String code = unique("L").substring(0, 10);
        expect(api.post("/api/v1/locations", Map.of("code", code, "name", "Warehouse " + code, "priority", priority,
                "address", address("Lager " + code, "DE"))), 201);
        return code;
    }

    public String article(String price, String currency, String taxRate) {
        return article("PHYSICAL", price, currency, taxRate, false, false);
    }

    public String article(String type, String price, String currency, String taxRate, boolean backorderable,
            boolean priceIncludesTax) {
        String sku = unique("SKU");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("type", type);
        body.put("name", Map.of("de", "Artikel " + sku, "en", "Article " + sku));
        body.put("price", Map.of("amount", price, "currency", currency));
        body.put("taxRate", taxRate);
        body.put("priceIncludesTax", priceIncludesTax);
        body.put("backorderable", backorderable);
        if (type.equals("PHYSICAL")) {
            body.put("weightGrams", 250);
        }
        expect(api.post("/api/v1/articles", body), 201);
        return sku;
    }

    /** Physical articles at these prices (EUR, 19 % tax), each with {@code units} received at the location. */
    public List<String> inStock(String location, long units, String... prices) {
        List<String> skus = new ArrayList<>();
        for (String price : prices) {
            String sku = article(price, "EUR", "19");
            receive(sku, location, units);
            skus.add(sku);
        }
        return skus;
    }

    public void receive(String sku, String location, long quantity) {
        expect(api.post("/api/v1/inventory/receipts", Map.of("sku", sku, "location", location, "quantity", quantity,
                "reference", unique("PO"))), 201);
    }

    public static Map<String, Object> address(String name, String country) {
        return Map.of("name", name, "street", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin", "country",
                country);
    }

    /** An order body: lines as sku, quantity, sku, quantity... */
    public static Map<String, Object> order(String currency, Object... skuAndQuantity) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("channel", "web");
        order.put("externalRef", unique("SHOP"));
        order.put("customer", Map.of("email", unique("buyer").toLowerCase() + "@example.com", "name", "Erika Muster",
                "locale", "de"));
        order.put("shippingAddress", address("Erika Muster", "DE"));
        order.put("currency", currency);
        order.put("paymentMethod", "prepayment");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i + 1 < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        order.put("lines", lines);
        return order;
    }

    public static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response);
        }
        return response;
    }
}
