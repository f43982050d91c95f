import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Shopify order webhook to the shop channel {@code hostile-shop} that must be refused and store nothing: a
 * forged, missing or mismatched signature; signed with the shop's secret but replayed (created 10 days ago),
 * not JSON, nested 10,000 deep, without the order's id or the delivery id; over the body limit; or to a shop
 * that does not exist. (A signed, fresh, well-formed order would rightly be taken, so none is generated.)
 */
final class ShopWebhooks extends Family {

    /** The secret of the Shopify shop {@code hostile-shop} the script registers. */
    final String shopSecret;

    ShopWebhooks(Generators g, String shopSecret) {
        super("shop webhooks", g);
        this.shopSecret = shopSecret;
    }

    @Override
    List<String> aims() {
        return List.of("POST /api/v1/channels/{code}/webhooks");
    }

    @Override
    int weight() {
        return 3;
    }

    /** A hostile shop webhook taken (2xx) is {@link Hostile#TAKEN}. */
    @Override
    int judge(Request request, int status, String body) {
        return status < 300 ? Hostile.TAKEN : status;
    }

    @Override
    Request next() {
        String created = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(10).withNano(0).toString();
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
        String order = ("{\"id\":%d,\"name\":\"#%s\",\"email\":\"hostile@example.com\",\"created_at\":\"%s\","
                + "\"currency\":\"EUR\",\"financial_status\":\"paid\",\"line_items\":[{\"sku\":\"TSHIRT-BLK-M\","
                + "\"quantity\":1,\"price\":\"19.99\",\"title\":\"%s\"}],\"shipping_address\":{\"name\":\"H\","
                + "\"address1\":\"Hauptstr. 1\",\"zip\":\"10115\",\"city\":\"Berlin\",\"country_code\":\"DE\"}}");
        long id = 1_000_000_000L + g.random.nextInt(1_000_000_000);
        String hostile = hostile().replace("\\", "").replace("\"", "");
        String path = "/api/v1/channels/hostile-shop/webhooks";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        // a refund (docs/channels.md) is read from the same signed body: hostile as an order, hostile as a refund
        headers.put("X-Shopify-Topic", pick("orders/create", "orders/create", "refunds/create"));
        headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        byte[] body;
        switch (g.random.nextInt(10)) {
            case 0 -> { // forged: a signature of the right shape from someone without the secret
                body = order.formatted(id, id, now, "x").getBytes(StandardCharsets.UTF_8);
                byte[] forged = new byte[32];
                g.random.nextBytes(forged);
                headers.put("X-Shopify-Hmac-Sha256", java.util.Base64.getEncoder().encodeToString(forged));
            }
            case 1 -> body = order.formatted(id, id, now, hostile).getBytes(StandardCharsets.UTF_8); // unsigned
            case 2 -> { // signed, then changed
                body = order.formatted(id, id, now, "x").getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
                body = order.formatted(id, id, now, "y").getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> { // a genuine webhook captured and replayed days later
                body = order.formatted(id, id, created, "x").getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            case 4 -> { // signed, not JSON
                body = ("{\"id\":" + hostile).getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            case 5 -> { // signed, nested 10,000 deep
                body = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            case 6 -> { // signed, the order's id is not Shopify's
                body = order.formatted(id, id, now, "x").replace("\"id\":" + id, "\"id\":\"" + hostile + "\"")
                        .getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            case 7 -> { // signed, without the delivery id
                body = order.formatted(id, id, now, "x").getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
                headers.remove("X-Shopify-Webhook-Id");
            }
            case 8 -> { // over the body limit
                body = order.formatted(id, id, now, "x".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            default -> { // a shop that does not exist
                body = order.formatted(id, id, now, "x").getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
                path = "/api/v1/channels/" + enc(pick("no-such-shop", hostile())) + "/webhooks";
            }
        }
        return new Request(this, "SHOP_WEBHOOK", "POST", path, headers, body, g.random.nextBoolean());
    }

    /** Shopify's signature: base64 HMAC-SHA256 of the raw body with the shop's secret. */
    String shopSign(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(shopSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
