import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopware's app registration handshake without the app secret (docs/channels.md): registrations unsigned, forged,
 * with hostile parameters; confirmations of no registration, forged, not JSON. Refused with 4xx, nothing kept;
 * a 2xx would be a registration taken from someone without the secret.
 */
final class ShopwareApp extends Family {

    ShopwareApp(Generators g) {
        super("Shopware app registration", g);
    }

    @Override
    List<String> aims() {
        return List.of("GET /api/v1/channels/{code}/shopware/registration", "POST /api/v1/channels/{code}/shopware/confirmation");
    }

    @Override
    int weight() {
        return 1;
    }

    /** A registration or confirmation taken from someone without the app secret (2xx) is {@link Hostile#TAKEN}. */
    @Override
    int judge(Request request, int status, String body) {
        return status < 300 ? Hostile.TAKEN : status;
    }

    @Override
    Request next() {
        String code = pick("hostile-sw", "no-such-shop", hostile());
        long now = System.currentTimeMillis() / 1000;
        String query = "shop-id=" + enc(pick("abc123", hostile())) + "&shop-url=" + enc(pick("https://shop.example",
                "javascript:alert(1)", hostile())) + "&timestamp=" + enc(pick(String.valueOf(now), "1e9", hostile()));
        byte[] forged = new byte[32];
        g.random.nextBytes(forged);
        Map<String, String> headers = new LinkedHashMap<>();
        if (g.random.nextBoolean()) {
            if (g.random.nextBoolean()) {
                headers.put("shopware-app-signature", pick(java.util.HexFormat.of().formatHex(forged), hostile()));
            }
            return new Request(this, "SHOPWARE_APP", "GET", "/api/v1/channels/" + enc(code) + "/shopware/registration?"
                    + query, headers, null, false);
        }
        headers.put("Content-Type", "application/json");
        if (g.random.nextBoolean()) {
            headers.put("shopware-shop-signature", pick(java.util.HexFormat.of().formatHex(forged), hostile()));
        }
        byte[] body = pick("{\"apiKey\":\"" + hostile().replace("\"", "") + "\",\"secretKey\":\"x\",\"timestamp\":\""
                + now + "\",\"shopUrl\":\"https://shop.example\",\"shopId\":\"abc123\"}", "{\"apiKey\":", hostile(),
                "[".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        return new Request(this, "SHOPWARE_APP", "POST", "/api/v1/channels/" + enc(code) + "/shopware/confirmation",
                headers, body, g.random.nextBoolean());
    }

}
