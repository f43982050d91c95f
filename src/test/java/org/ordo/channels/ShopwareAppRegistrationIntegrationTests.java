package org.ordo.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Warehouse;
import org.ordo.channels.internal.ShopWebhooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Shopware's app registration handshake, the test playing the shop: the registration request signed with the app
 * secret is answered with the proof and a shop secret; the confirmation signed with that shop secret registers the
 * channel; its webhooks then place orders, and its shipments are reported with the credentials the shop sent, to a
 * local stand-in of Shopware's API that records the calls. Forged and stale requests change nothing.
 */
@IntegrationTest
class ShopwareAppRegistrationIntegrationTests {

    @LocalServerPort
    int port;
    @Value("${ordo.channels.shopware-app-secret}")
    String appSecret;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChannelManagement channelManagement;

    @Test
    void aShopRegistersThroughTheHandshakeAndItsSignedOrdersAndShipmentsFlow() throws Exception {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku1 = fixtures.article("PHYSICAL", "15.00", "EUR", "19", false, true);
        String sku2 = fixtures.article("PHYSICAL", "19.90", "EUR", "19", false, true);
        fixtures.receive(sku1, location, 10);
        fixtures.receive(sku2, location, 10);
        String code = Fixtures.unique("sw").toLowerCase().replaceAll("[^a-z0-9-]", "-");
        String shopId = "sw" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE), 36);
        String delivery = UUID.randomUUID().toString().replace("-", "");
        try (ShopStandIn shopware = new ShopStandIn((method, p) -> p.endsWith("/oauth/token")
                ? new ShopStandIn.Reply(200, "{\"token_type\":\"Bearer\",\"expires_in\":600,\"access_token\":\"sw-app-token\"}")
                : new ShopStandIn.Reply(p.startsWith("/api/order-delivery/") ? 204 : 200, ""))) {
            String shopUrl = shopware.url("");
            String registration = "/api/v1/channels/" + code + "/shopware/registration";

            // forged (signed with another secret) and stale requests are refused; nothing is kept
            String forgedQuery = query(shopId, shopUrl, Instant.now());
            Api.Response forged = api.as(null).getWith(registration + "?" + forgedQuery, "shopware-app-signature",
                    ShopwareAppRegistration.sign("not-the-app-secret", bytes(forgedQuery)));
            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.errorFields()).containsExactly("shopware-app-signature");
            String staleQuery = query(shopId, shopUrl, Instant.now().minus(Duration.ofHours(1)));
            assertThat(api.as(null).getWith(registration + "?" + staleQuery, "shopware-app-signature",
                    ShopwareAppRegistration.sign(appSecret, bytes(staleQuery))).status()).isEqualTo(400);
            assertThat(jdbc.sql("SELECT count(*) FROM shopware_registration WHERE channel_code = :c")
                    .param("c", code).query(Long.class).single()).isZero();

            // 1. the registration request, signed over the raw query string with the app secret
            String query = query(shopId, shopUrl, Instant.now());
            JsonNode answer = expect(api.as(null).getWith(registration + "?" + query, "shopware-app-signature",
                    ShopwareAppRegistration.sign(appSecret, bytes(query))), 200).json();
            assertThat(answer.get("proof").asString()).isEqualTo(ShopwareAppRegistration.sign(appSecret,
                    bytes(shopId + shopUrl + "OrdoConnector")));
            String shopSecret = answer.get("secret").asString();
            assertThat(shopSecret).hasSizeGreaterThanOrEqualTo(32);
            assertThat(answer.get("confirmation_url").asString()).endsWith("/api/v1/channels/" + code
                    + "/shopware/confirmation");
            byte[] sealed = jdbc.sql("SELECT shop_secret_sealed FROM shopware_registration WHERE channel_code = :c")
                    .param("c", code).query(byte[].class).single();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(shopSecret);

            // 2. the confirmation with the shop's API credentials, signed with the shop secret
            String confirmation = "/api/v1/channels/" + code + "/shopware/confirmation";
            byte[] confirm = bytes("{\"apiKey\":\"SWIAOQ" + shopId.toUpperCase() + "\",\"secretKey\":\"s3cr3t-" + shopId
                    + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"shopUrl\":\"" + shopUrl
                    + "\",\"shopId\":\"" + shopId + "\"}");
            Api.Response wrong = api.as(null).postBytes(confirmation, confirm, "application/json",
                    "shopware-shop-signature", ShopwareAppRegistration.sign("whsec-not-the-shop-secret", confirm));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(api.get("/api/v1/channels/" + code).status()).isEqualTo(404);
            JsonNode channel = expect(api.as(null).postBytes(confirmation, confirm, "application/json",
                    "shopware-shop-signature", ShopwareAppRegistration.sign(shopSecret, confirm)), 200).json();
            assertThat(channel.get("type").asString()).isEqualTo("SHOPWARE");
            assertThat(channel.get("apiUrl").asString()).isEqualTo(shopUrl + "/api");
            assertThat(channel.toString()).doesNotContain(shopSecret).doesNotContain("s3cr3t-");

            // its webhooks are signed with the shop secret: an order placed
            byte[] order = bytes(sample(Map.of("ORDER_ID", UUID.randomUUID().toString().replace("-", ""),
                    "NUMBER", String.valueOf(ThreadLocalRandom.current().nextInt(10000, 9_999_999)), "EMAIL",
                    Fixtures.unique("buyer").toLowerCase() + "@example.com", "DELIVERY_ID", delivery,
                    "PAYMENT_STATE", "paid", "PAYMENT_METHOD", "payment_paypalpayment", "SKU1", sku1, "SKU2", sku2,
                    "EVENT_ID", UUID.randomUUID().toString().replace("-", ""), "TIMESTAMP",
                    String.valueOf(Instant.now().getEpochSecond()))));
            JsonNode placed = expect(api.as(null).postBytes("/api/v1/channels/" + code + "/webhooks", order,
                    "application/json", "shopware-shop-signature", ShopWebhooks.sign(Platform.SHOPWARE, shopSecret,
                            order)), 200).json();
            assertThat(placed.get("outcome").asString()).isEqualTo("PLACED");

            // its shipment is reported with the credentials the shop sent at confirmation
            Warehouse warehouse = new Warehouse(api.withNewKey("WAREHOUSE"));
            warehouse.pickAll(warehouse.pickListAt(location));
            warehouse.packAndShip(placed.get("orderId").asString(), location, "DHL", Map.of(1, 2L, 2, 1L));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                channelManagement.reportShipments();
                return !shopware.calls("POST", "/api/_action/order_delivery/" + delivery + "/state/ship").isEmpty();
            });
            assertThat(shopware.calls("POST", "/api/oauth/token").get(0).body()).contains("SWIAOQ"
                    + shopId.toUpperCase()).contains("s3cr3t-" + shopId);
            assertThat(shopware.calls("PATCH", "/api/order-delivery/" + delivery).get(0).authorization())
                    .isEqualTo("Bearer sw-app-token");

            // another shop cannot take over this channel code
            String otherQuery = query("other" + shopId, shopUrl, Instant.now());
            assertThat(api.as(null).getWith(registration + "?" + otherQuery, "shopware-app-signature",
                    ShopwareAppRegistration.sign(appSecret, bytes(otherQuery))).status()).isEqualTo(409);
        }
    }

    private static String query(String shopId, String shopUrl, Instant at) {
        return "shop-id=" + shopId + "&shop-url=" + URLEncoder.encode(shopUrl, StandardCharsets.UTF_8)
                + "&timestamp=" + at.getEpochSecond() + "&sw-version=6.6.10.0";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sample(Map<String, String> values) throws IOException {
        try (InputStream in = ShopwareAppRegistrationIntegrationTests.class
                .getResourceAsStream("/channels/shopware-checkout-order-placed.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("${" + v.getKey() + "}", v.getValue());
            }
            return text;
        }
    }
}
