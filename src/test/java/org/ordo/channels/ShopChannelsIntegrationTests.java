package org.ordo.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.Warehouse;
import org.ordo.backoffice.WebSession;
import org.ordo.channels.internal.ShopWebhooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Recorded sample webhooks of Shopify, WooCommerce and Shopware 6, signed as each platform signs them, become
 * orders through the one placement path; retries create nothing twice; forged and replayed ones change nothing;
 * shipments flow back to each platform's API (a local stand-in recording the calls), retried after a failure.
 */
@IntegrationTest
class ShopChannelsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ChannelManagement channelManagement;
    @Autowired
    org.ordo.ordering.OrderManagement orderManagement;
    @Autowired
    ShopChangeNotices changeNotices;

    Api api;
    Fixtures fixtures;
    String location, sku1, sku2;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        // the catalog's prices differ from the shop's: orders are placed at the prices the shop sold at
        sku1 = fixtures.article("PHYSICAL", "15.00", "EUR", "19", false, true);
        sku2 = fixtures.article("PHYSICAL", "19.90", "EUR", "19", false, true);
        fixtures.receive(sku1, location, 100);
        fixtures.receive(sku2, location, 100);
    }

    // --- registering shops -------------------------------------------------------------------------------------

    @Test
    void anAdminRegistersAShopWhoseSecretsAreNeverShownAgain() {
        String code = code();
        String secret = "shpss_" + UUID.randomUUID();
        String token = "shpat_" + UUID.randomUUID();
        JsonNode registered = expect(api.post("/api/v1/channels", Map.of("type", "SHOPIFY", "code", code, "secret",
                secret, "apiUrl", "https://" + code + ".myshopify.com/admin/api/2025-07/", "apiToken", token)), 201)
                .json();
        assertThat(registered.get("webhookPath").asString()).isEqualTo("/api/v1/channels/" + code + "/webhooks");
        assertThat(registered.get("apiUrl").asString()).isEqualTo("https://" + code
                + ".myshopify.com/admin/api/2025-07");
        assertThat(registered.get("reportsShipments").asBoolean()).isTrue();
        for (Api.Response answer : List.of(api.get("/api/v1/channels/" + code), api.get("/api/v1/channels"))) {
            assertThat(answer.body()).contains(code).doesNotContain(secret).doesNotContain(token);
        }

        assertThat(api.post("/api/v1/channels", Map.of("type", "WOOCOMMERCE", "code", code, "secret",
                "another-secret-123")).status()).as("the code is taken").isEqualTo(409);
        assertThat(api.post("/api/v1/channels", Map.of("type", "WOOCOMMERCE", "code", "Bad Code", "secret", "short",
                "apiUrl", "ftp://shop", "apiToken", "no-colon")).errorFields())
                .containsExactlyInAnyOrder("code", "secret", "apiUrl", "apiToken");
        assertThat(api.post("/api/v1/channels", Map.of("type", "SHOPWARE", "code", code(), "secret",
                "a-long-enough-secret", "apiUrl", "https://shop.example/api")).errorFields())
                .containsExactly("apiToken");

        JsonNode disabled = expect(api.post("/api/v1/channels/" + code + "/disable", Map.of()), 200).json();
        assertThat(disabled.get("active").asBoolean()).isFalse();
        assertThat(shopify(code, secret, UUID.randomUUID().toString(), shopifyOrder("paid", sku1, sku2,
                Instant.now())).status()).as("a disabled shop's webhooks").isEqualTo(404);
    }

    // --- orders in ---------------------------------------------------------------------------------------------

    @Test
    void aPaidShopifyOrderIsPlacedOnceWithItsWebhookAsTheOriginal() {
        String code = code();
        String secret = register("SHOPIFY", code, null);
        Sample order = shopifyOrder("paid", sku1, sku2, Instant.now());
        String delivery = UUID.randomUUID().toString();

        Api.Response first = expect(shopify(code, secret, delivery, order), 200);
        JsonNode taken = first.json();
        assertThat(taken.get("outcome").asString()).isEqualTo("PLACED");
        String orderId = taken.get("orderId").asString();
        JsonNode placed = expect(api.get("/api/v1/orders/" + orderId), 200).json();
        assertThat(placed.get("channel").asString()).isEqualTo("shopify");
        assertThat(placed.get("externalRef").asString()).isEqualTo(code + "/#" + order.number());
        assertThat(placed.get("paymentStatus").asString()).as("paid at Shopify").isEqualTo("PAID");
        assertThat(placed.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        assertThat(placed.get("customer").get("email").asString()).isEqualTo(order.email());
        assertThat(placed.get("shippingAddress").get("street").asString()).isEqualTo("Hauptstraße 1");
        assertThat(placed.get("lines").get(0).get("sku").asString()).isEqualTo(sku1);
        assertThat(placed.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(placed.get("lines").get(0).get("unitPrice").get("amount").asString())
                .as("the shop's price, not the catalog's").isEqualTo("12.50");
        assertThat(expect(api.get("/api/v1/orders/" + orderId + "/payments"), 200).body())
                .contains("shopify:" + code);

        String documentId = taken.get("documentId").asString();
        assertThat(expect(api.get("/api/v1/inbound-documents/" + documentId + "/body"), 200).body())
                .as("the webhook body as received").isEqualTo(order.body());
        WebSession person = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        assertThat(person.get("/orders/" + placed.get("number").asString()).body())
                .as("the order detail shows the original").contains("7c1d3ab2a3f5c1d0e4f2b8a9");
        assertThat(person.get("/orders?channel=shopify").body()).contains(placed.get("number").asString())
                .contains("Shopify");

        // Shopify retries a delivery it got no answer to: the same answer, nothing new
        Api.Response retried = expect(shopify(code, secret, delivery, order), 200);
        assertThat(retried.replayed()).isEqualTo("true");
        assertThat(retried.json().get("orderId").asString()).isEqualTo(orderId);
        // the same order under another delivery id (a second subscription, a resend from the admin): nothing new
        JsonNode again = expect(shopify(code, secret, UUID.randomUUID().toString(), order), 200).json();
        assertThat(again.get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(again.get("orderId").asString()).isEqualTo(orderId);
        assertThat(expect(api.get("/api/v1/orders?channel=shopify&q=" + URLEncoder.encode(code + "/#"
                + order.number(), StandardCharsets.UTF_8)), 200).json().get("items")).hasSize(1);
    }

    @Test
    void aWooCommerceOrderNotYetPaidWaitsAtThePaymentGateAndAPaidOneIsReleased() {
        String code = code();
        String secret = register("WOOCOMMERCE", code, null);
        Sample transfer = wooOrder("on-hold", "bacs", null, sku1, sku2);
        JsonNode waiting = expect(woo(code, secret, UUID.randomUUID().toString(), transfer), 200).json();
        assertThat(waiting.get("outcome").asString()).isEqualTo("PLACED");
        JsonNode pending = expect(api.get("/api/v1/orders/" + waiting.get("orderId").asString()), 200).json();
        assertThat(pending.get("channel").asString()).isEqualTo("woocommerce");
        assertThat(pending.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(pending.get("paymentMethod").asString()).isEqualTo("prepayment");
        assertThat(pending.get("fulfillmentStatus").asString()).as("not released unpaid").isEqualTo("UNFULFILLED");
        assertThat(pending.get("shippingAddress").get("street2").asString()).isEqualTo("3º izq.");
        assertThat(pending.get("customer").get("email").asString()).isEqualTo(transfer.email());

        Sample card = wooOrder("processing", "stripe", Instant.now(), sku1, sku2);
        JsonNode paid = expect(woo(code, secret, UUID.randomUUID().toString(), card), 200).json();
        JsonNode released = expect(api.get("/api/v1/orders/" + paid.get("orderId").asString()), 200).json();
        assertThat(released.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(released.get("externalRef").asString()).isEqualTo(code + "/" + card.number());

        // WooCommerce's unsigned test call when the webhook is saved changes nothing
        Api.Response ping = api.as(null).postBytes("/api/v1/channels/" + code + "/webhooks",
                "webhook_id=42".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        assertThat(expect(ping, 200).json().get("outcome").asString()).isEqualTo("IGNORED");
    }

    @Test
    void aShopwareOrderBecomesAnOrderWithItsDeliveryAddressAndBillingAddress() {
        String code = code();
        String secret = register("SHOPWARE", code, null);
        Sample order = shopwareOrder("paid", "payment_paypalpayment", sku1, sku2, Instant.now());
        JsonNode taken = expect(shopware(code, secret, order), 200).json();
        assertThat(taken.get("outcome").asString()).isEqualTo("PLACED");
        JsonNode placed = expect(api.get("/api/v1/orders/" + taken.get("orderId").asString()), 200).json();
        assertThat(placed.get("channel").asString()).isEqualTo("shopware");
        assertThat(placed.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(placed.get("shippingAddress").get("street2").asString()).isEqualTo("Hinterhaus");
        assertThat(placed.get("billingAddress").get("street").asString()).isEqualTo("Torstraße 12");
        assertThat(placed.get("lines")).as("the promotion line is not goods").hasSize(2);

        Api.Response retried = expect(shopware(code, secret, order), 200);
        assertThat(retried.replayed()).isEqualTo("true");

        Sample authorized = shopwareOrder("authorized", "payment_creditcard", sku1, sku2, Instant.now());
        JsonNode held = expect(shopware(code, secret, authorized), 200).json();
        assertThat(expect(api.get("/api/v1/orders/" + held.get("orderId").asString()), 200).json()
                .get("paymentStatus").asString()).isEqualTo("AUTHORIZED");
        assertThat(orderManagement.require(java.util.UUID.fromString(held.get("orderId").asString())).timeline())
                .anySatisfy(t -> assertThat(t.reasonCode()).isEqualTo("authorized-at-shop-order"));
    }

    @Test
    void unknownSkusAndMissingAddressesWaitInTheReviewQueueWithTheReason() {
        String code = code();
        String secret = register("SHOPIFY", code, null);
        String unknown = Fixtures.unique("NOPE");
        JsonNode taken = expect(shopify(code, secret, UUID.randomUUID().toString(), shopifyOrder("paid", sku1,
                unknown, Instant.now())), 200).json();
        assertThat(taken.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(taken.get("reason").asString()).contains("unknown SKU " + unknown);
        assertThat(taken.get("orderId").isNull()).isTrue();
        JsonNode document = expect(api.get("/api/v1/inbound-documents/" + taken.get("documentId").asString()), 200)
                .json();
        assertThat(document.get("status").asString()).isEqualTo("REVIEW");
        assertThat(document.get("channel").asString()).isEqualTo("shopify");
        assertThat(document.get("reason").asString()).contains(unknown);

        String wooCode = code();
        String wooSecret = register("WOOCOMMERCE", wooCode, null);
        Sample noAddress = wooOrder("processing", "stripe", Instant.now(), sku1, sku2);
        String body = noAddress.body().replace("\"address_1\": \"Calle Mayor 5\"", "\"address_1\": \"\"");
        JsonNode review = expect(woo(wooCode, wooSecret, UUID.randomUUID().toString(), new Sample(body,
                noAddress.number(), noAddress.email())), 200).json();
        assertThat(review.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(review.get("reason").asString()).contains("no shipping address");
    }

    @Test
    void forgedAndReplayedWebhooksAreRefusedWithASecurityEventAndChangeNothing() {
        String code = code();
        String secret = register("SHOPIFY", code, null);
        Sample order = shopifyOrder("paid", sku1, sku2, Instant.now());
        String path = "/api/v1/channels/" + code + "/webhooks";

        Api.Response forged = shopify(code, "not-the-shops-secret", UUID.randomUUID().toString(), order);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.errorFields()).containsExactly("X-Shopify-Hmac-Sha256");
        Api.Response unsigned = api.as(null).postBytes(path, order.body().getBytes(StandardCharsets.UTF_8),
                "application/json", "X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(securityEvents()).anySatisfy(e -> assertThat(e).contains("WEBHOOK_REJECTED")
                .contains("webhook:" + path).contains("does not match"));

        // a genuine webhook captured and sent again after the replay window
        Sample old = shopifyOrder("paid", sku1, sku2, Instant.now().minus(Duration.ofDays(4)));
        Api.Response replayed = shopify(code, secret, UUID.randomUUID().toString(), old);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(securityEvents()).anySatisfy(e -> assertThat(e).contains("webhook:" + path).contains("replay"));

        // a delivery id sent again with another body (signed: the secret leaked, or the id is reused)
        String delivery = UUID.randomUUID().toString();
        expect(shopify(code, secret, delivery, order), 200);
        Sample other = shopifyOrder("paid", sku1, sku2, Instant.now());
        Api.Response altered = shopify(code, secret, delivery, other);
        assertThat(altered.status()).isEqualTo(409);
        assertThat(securityEvents()).anySatisfy(e -> assertThat(e).contains("webhook:channel " + code)
                .contains(delivery));
        assertThat(expect(shopify(code, secret, UUID.randomUUID().toString(), other), 200).json().get("outcome")
                .asString()).as("the altered one placed nothing").isEqualTo("PLACED");

        String wooCode = code();
        register("WOOCOMMERCE", wooCode, null);
        Api.Response wooForged = woo(wooCode, "wrong-secret-456", UUID.randomUUID().toString(),
                wooOrder("processing", "stripe", Instant.now(), sku1, sku2));
        assertThat(wooForged.errorFields()).containsExactly("X-WC-Webhook-Signature");
        String swCode = code();
        register("SHOPWARE", swCode, null);
        Api.Response swForged = shopware(swCode, "wrong-secret-789", shopwareOrder("paid", "payment_paypalpayment",
                sku1, sku2, Instant.now()));
        assertThat(swForged.errorFields()).containsExactly("shopware-shop-signature");
        Sample stale = shopwareOrder("paid", "payment_paypalpayment", sku1, sku2, Instant.now().minus(Duration.ofDays(5)));
        assertThat(shopware(swCode, secretOf(swCode), stale).status()).isEqualTo(400);
    }

    // --- shipments out -----------------------------------------------------------------------------------------

    @Test
    void shipmentsAreReportedToEachShopAndAFailedReportIsSentAgainLater() {
        String shopwareDelivery = hex32();
        try (ShopStandIn shopify = new ShopStandIn((method, p) -> p.endsWith("/fulfillment_orders.json")
                ? new ShopStandIn.Reply(200, "{\"fulfillment_orders\":[{\"id\":1046000818,\"status\":\"open\"},"
                        + "{\"id\":1046000819,\"status\":\"closed\"}]}")
                : new ShopStandIn.Reply(201, "{\"fulfillment\":{\"id\":255858046}}"));
                ShopStandIn woo = new ShopStandIn((method, p) -> new ShopStandIn.Reply(method.equals("POST") ? 201
                        : 200, "{\"id\":1}"));
                ShopStandIn shopware = new ShopStandIn((method, p) -> p.endsWith("/oauth/token")
                        ? new ShopStandIn.Reply(200, "{\"token_type\":\"Bearer\",\"expires_in\":600,"
                                + "\"access_token\":\"sw-token-1\"}")
                        : new ShopStandIn.Reply(p.startsWith("/api/order-delivery/") ? 204 : 200, ""))) {
            String shopifyCode = code(), wooCode = code(), swCode = code();
            String shopifySecret = register("SHOPIFY", shopifyCode, Map.of("apiUrl",
                    shopify.url("/admin/api/2025-07"), "apiToken", "shpat_test_token"));
            String wooSecret = register("WOOCOMMERCE", wooCode, Map.of("apiUrl", woo.url("/wp-json/wc/v3"),
                    "apiToken", "ck_test:cs_test"));
            String swSecret = register("SHOPWARE", swCode, Map.of("apiUrl", shopware.url("/api"),
                    "apiToken", "SWIA_TEST:sw-secret"));

            Sample shopifyOrder = shopifyOrder("paid", sku1, sku2, Instant.now());
            Sample wooOrder = wooOrder("processing", "stripe", Instant.now(), sku1, sku2);
            Sample swOrder = shopwareOrder("paid", "payment_paypalpayment", sku1, sku2, Instant.now(),
                    shopwareDelivery);
            List<String> orderIds = List.of(
                    expect(shopify(shopifyCode, shopifySecret, UUID.randomUUID().toString(), shopifyOrder), 200)
                            .json().get("orderId").asString(),
                    expect(woo(wooCode, wooSecret, UUID.randomUUID().toString(), wooOrder), 200).json()
                            .get("orderId").asString(),
                    expect(shopware(swCode, swSecret, swOrder), 200).json().get("orderId").asString());

            String fulfillments = "/admin/api/2025-07/fulfillments.json";
            shopify.failNext(fulfillments, 1);
            Api warehouseApi = api.withNewKey("WAREHOUSE");
            Warehouse warehouse = new Warehouse(warehouseApi);
            warehouse.pickAll(warehouse.pickListAt(location));
            Map<String, String> tracking = new HashMap<>();
            for (String orderId : orderIds) {
                JsonNode shipment = warehouse.packAndShip(orderId, location, "DHL", Map.of(1, 2L, 2, 1L));
                tracking.put(orderId, shipment.get("trackingNumber").asString());
            }

            // the scheduled dispatcher may be sending too: wait for the outcomes, not for the calls
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                channelManagement.reportShipments();
                return status(shopifyCode).equals("PENDING") && channelManagement.fulfilments(shopifyCode, 1).get(0)
                        .attempts() == 1 && status(wooCode).equals("SENT") && status(swCode).equals("SENT");
            });
            FulfilmentReport failed = channelManagement.fulfilments(shopifyCode, 1).get(0);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("500");

            // the report is due again a minute later: then Shopify takes it
            TestClock.movedBy(Duration.ofMinutes(2), () -> await().atMost(Duration.ofSeconds(30)).until(() -> {
                channelManagement.reportShipments();
                return shopify.calls("POST", fulfillments).size() == 2;
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> status(shopifyCode).equals("SENT"));
            JsonNode sent = expect(api.get("/api/v1/channels/" + shopifyCode + "/fulfilments"), 200).json().get(0);
            assertThat(sent.get("attempts").asInt()).isEqualTo(2);
            ShopStandIn.Call fulfilment = shopify.calls("POST", fulfillments).get(1);
            assertThat(fulfilment.shopifyToken()).isEqualTo("shpat_test_token");
            JsonNode body = Api.JSON.readTree(fulfilment.body()).get("fulfillment");
            assertThat(body.get("tracking_info").get("number").asString()).isEqualTo(tracking.get(orderIds.get(0)));
            assertThat(body.get("tracking_info").get("company").asString()).isEqualTo("DHL");
            assertThat(body.get("line_items_by_fulfillment_order")).as("only the open fulfillment order")
                    .hasSize(1);
            assertThat(shopify.calls("GET", "/admin/api/2025-07/orders/" + shopifyOrder.platformId()
                    + "/fulfillment_orders.json")).isNotEmpty();

            String wooPath = "/wp-json/wc/v3/orders/" + wooOrder.number();
            assertThat(woo.calls("PUT", wooPath)).singleElement().satisfies(c -> {
                assertThat(c.body()).contains("\"status\":\"completed\"");
                assertThat(c.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString("ck_test:cs_test".getBytes(StandardCharsets.UTF_8)));
            });
            assertThat(woo.calls("POST", wooPath + "/notes")).singleElement().satisfies(c -> assertThat(c.body())
                    .contains(tracking.get(orderIds.get(1))).contains("\"customer_note\":true"));

            assertThat(shopware.calls("PATCH", "/api/order-delivery/" + shopwareDelivery)).singleElement()
                    .satisfies(c -> {
                        assertThat(c.authorization()).isEqualTo("Bearer sw-token-1");
                        assertThat(c.body()).contains(tracking.get(orderIds.get(2)));
                    });
            assertThat(shopware.calls("POST", "/api/_action/order_delivery/" + shopwareDelivery + "/state/ship"))
                    .hasSize(1);

            // nothing is reported twice once sent
            channelManagement.reportShipments();
            assertThat(shopify.calls("POST", fulfillments)).hasSize(2);
        }
    }

    @Test
    void aSecondPartialShipmentIsReportedToShopifyWithItsOwnItemsAndTracking() {
        // Shopify's fulfillment order as it stands: what is still fulfillable of each line item
        java.util.concurrent.atomic.AtomicReference<String> open = new java.util.concurrent.atomic.AtomicReference<>(
                fulfillmentOrder(2, 1));
        try (ShopStandIn shopify = new ShopStandIn((method, p) -> p.endsWith("/fulfillment_orders.json")
                ? new ShopStandIn.Reply(200, open.get())
                : p.endsWith("/fulfillments.json") && method.equals("GET")
                        ? new ShopStandIn.Reply(200, "{\"fulfillments\":[]}")
                        : new ShopStandIn.Reply(201, "{\"fulfillment\":{\"id\":255858046}}"))) {
            String code = code();
            String secret = register("SHOPIFY", code, Map.of("apiUrl", shopify.url("/admin/api/2025-07"),
                    "apiToken", "shpat_partial"));
            Sample order = shopifyOrder("paid", sku1, sku2, Instant.now());
            String orderId = expect(shopify(code, secret, UUID.randomUUID().toString(), order), 200).json()
                    .get("orderId").asString();
            Warehouse warehouse = new Warehouse(api.withNewKey("WAREHOUSE"));
            warehouse.pickAll(warehouse.pickListAt(location));
            String fulfillments = "/admin/api/2025-07/fulfillments.json";

            String first = warehouse.packAndShip(orderId, location, "DHL", Map.of(1, 2L)).get("trackingNumber")
                    .asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                channelManagement.reportShipments();
                return shopify.calls("POST", fulfillments).size() == 1;
            });
            open.set(fulfillmentOrder(0, 1));
            String second = warehouse.packAndShip(orderId, location, "UPS", Map.of(2, 1L)).get("trackingNumber")
                    .asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                channelManagement.reportShipments();
                return shopify.calls("POST", fulfillments).size() == 2;
            });

            JsonNode shirts = Api.JSON.readTree(shopify.calls("POST", fulfillments).get(0).body()).get("fulfillment");
            assertThat(shirts.get("tracking_info").get("number").asString()).isEqualTo(first);
            assertThat(shirts.get("line_items_by_fulfillment_order")).isEqualTo(Api.JSON.readTree(
                    "[{\"fulfillment_order_id\":1046000818,\"fulfillment_order_line_items\":"
                            + "[{\"id\":501,\"quantity\":2}]}]"));
            JsonNode socks = Api.JSON.readTree(shopify.calls("POST", fulfillments).get(1).body()).get("fulfillment");
            assertThat(socks.get("tracking_info").get("number").asString()).isEqualTo(second);
            assertThat(socks.get("tracking_info").get("company").asString()).isEqualTo("UPS");
            assertThat(socks.get("line_items_by_fulfillment_order")).isEqualTo(Api.JSON.readTree(
                    "[{\"fulfillment_order_id\":1046000818,\"fulfillment_order_line_items\":"
                            + "[{\"id\":502,\"quantity\":1}]}]"));
            await().atMost(Duration.ofSeconds(10)).until(() -> channelManagement.fulfilments(code, 5).stream()
                    .allMatch(r -> r.status() == FulfilmentReport.Status.SENT));
        }
    }

    /** One open fulfillment order with the sample's two line items and what is still fulfillable of each. */
    /** Changes line 1 to 3 pieces, removes line 2 and gives a new address, as an agent does by API. */
    private void changeInOrdo(String orderId) {
        String version = expect(api.get("/api/v1/orders/" + orderId), 200).json().get("version").asString();
        expect(api.post("/api/v1/orders/" + orderId + "/changes", Map.of("reason", "customer called",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 3), Map.of("lineNo", 2, "quantity", 0)),
                "shippingAddress", Map.of("name", "Erika Muster", "street", "Neue Str. 5", "postalCode", "80331",
                        "city", "München", "country", "DE")), "Idempotency-Key", UUID.randomUUID().toString(),
                "If-Match", "\"" + version + "\""), 201);
    }

    private String noticeStatus(String orderId) {
        List<org.ordo.channels.internal.ChangeNotices.Notice> told = changeNotices.of(UUID.fromString(orderId));
        return told.isEmpty() ? "NONE" : told.get(told.size() - 1).status();
    }

    @Test
    void anOrderChangedInOrdoIsToldToItsShopOnceAndAFailedCallIsTriedAgain() {
        String delivery = hex32();
        String graphql = "{\"data\":{\"orderEditBegin\":{\"calculatedOrder\":{\"id\":\"gid://shopify/CalculatedOrder/9\","
                + "\"lineItems\":{\"nodes\":[{\"id\":\"gid://shopify/CalculatedLineItem/1\",\"sku\":\"" + sku1
                + "\",\"quantity\":2},{\"id\":\"gid://shopify/CalculatedLineItem/2\",\"sku\":\"" + sku2
                + "\",\"quantity\":1}]}},\"userErrors\":[]},\"orderEditSetQuantity\":{\"userErrors\":[]},"
                + "\"orderEditCommit\":{\"order\":{\"id\":\"gid://shopify/Order/1\"},\"userErrors\":[]}}}";
        try (ShopStandIn shopify = new ShopStandIn((method, p) -> p.endsWith("/graphql.json")
                ? new ShopStandIn.Reply(200, graphql)
                : new ShopStandIn.Reply(200, "{\"order\":{\"line_items\":[{\"id\":1,\"sku\":\"" + sku1
                        + "\",\"quantity\":2,\"current_quantity\":2},{\"id\":2,\"sku\":\"" + sku2
                        + "\",\"quantity\":1,\"current_quantity\":1}]}}"));
                ShopStandIn woo = new ShopStandIn((method, p) -> p.endsWith("/notes")
                        ? new ShopStandIn.Reply(method.equals("GET") ? 200 : 201, method.equals("GET") ? "[]"
                                : "{\"id\":5}")
                        : new ShopStandIn.Reply(200, "{\"id\":1,\"line_items\":[{\"id\":11,\"sku\":\"" + sku1
                                + "\",\"quantity\":2},{\"id\":12,\"sku\":\"" + sku2 + "\",\"quantity\":1}]}"));
                ShopStandIn shopware = new ShopStandIn((method, p) -> p.endsWith("/oauth/token")
                        ? new ShopStandIn.Reply(200, "{\"token_type\":\"Bearer\",\"expires_in\":600,"
                                + "\"access_token\":\"sw-token-1\"}")
                        : p.endsWith("/line-items") ? new ShopStandIn.Reply(200, "{\"data\":[{\"id\":\"li1\","
                                + "\"type\":\"product\",\"quantity\":2,\"payload\":{\"productNumber\":\"" + sku1
                                + "\"}},{\"id\":\"li2\",\"type\":\"product\",\"quantity\":1,\"payload\":"
                                + "{\"productNumber\":\"" + sku2 + "\"}}]}")
                        : p.startsWith("/api/_action/version/order/") ? new ShopStandIn.Reply(200,
                                "{\"versionId\":\"v1\"}")
                        : p.startsWith("/api/order-delivery/") ? new ShopStandIn.Reply(200,
                                "{\"data\":{\"shippingOrderAddressId\":\"addr1\"}}")
                        : p.equals("/api/search/country") ? new ShopStandIn.Reply(200,
                                "{\"data\":[{\"id\":\"country-de\"}]}")
                        : new ShopStandIn.Reply(204, ""))) {
            String shopifyCode = code(), wooCode = code(), swCode = code();
            String shopifySecret = register("SHOPIFY", shopifyCode, Map.of("apiUrl",
                    shopify.url("/admin/api/2025-07"), "apiToken", "shpat_test_token"));
            String wooSecret = register("WOOCOMMERCE", wooCode, Map.of("apiUrl", woo.url("/wp-json/wc/v3"),
                    "apiToken", "ck_test:cs_test"));
            String swSecret = register("SHOPWARE", swCode, Map.of("apiUrl", shopware.url("/api"),
                    "apiToken", "SWIA_TEST:sw-secret"));
            Sample shopifyOrder = shopifyOrder("paid", sku1, sku2, Instant.now());
            Sample wooOrder = wooOrder("processing", "stripe", Instant.now(), sku1, sku2);
            Sample swOrder = shopwareOrder("paid", "payment_paypalpayment", sku1, sku2, Instant.now(), delivery);
            String shopifyId = expect(shopify(shopifyCode, shopifySecret, UUID.randomUUID().toString(),
                    shopifyOrder), 200).json().get("orderId").asString();
            String wooId = expect(woo(wooCode, wooSecret, UUID.randomUUID().toString(), wooOrder), 200).json()
                    .get("orderId").asString();
            String swId = expect(shopware(swCode, swSecret, swOrder), 200).json().get("orderId").asString();

            String wooOrderPath = "/wp-json/wc/v3/orders/" + wooOrder.number();
            woo.failNext(wooOrderPath, 1); // its GET answers 500 the first time round
            for (String id : List.of(shopifyId, wooId, swId)) {
                changeInOrdo(id);
            }
            // the scheduled dispatcher may be sending too: wait for the outcomes, not for the calls
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                changeNotices.tellShops();
                return noticeStatus(shopifyId).equals("SENT") && noticeStatus(swId).equals("SENT")
                        && changeNotices.of(UUID.fromString(wooId)).stream().anyMatch(n -> n.attempts() >= 1
                                && n.lastError() != null && n.lastError().contains("500"));
            });
            assertThat(noticeStatus(wooId)).isEqualTo("PENDING");
            TestClock.movedBy(Duration.ofMinutes(10), () -> await().atMost(Duration.ofSeconds(30)).until(() -> {
                changeNotices.tellShops();
                return noticeStatus(wooId).equals("SENT");
            }));

            // Shopify: quantities through its order editing, the staff note with the version, the address by REST
            List<String> edits = shopify.calls("POST", "/admin/api/2025-07/graphql.json").stream()
                    .map(ShopStandIn.Call::body).toList();
            assertThat(edits).hasSize(4);
            assertThat(edits.get(0)).contains("orderEditBegin", "gid://shopify/Order/" + shopifyOrder.platformId());
            assertThat(edits.subList(1, 3)).allMatch(b -> b.contains("orderEditSetQuantity"))
                    .anyMatch(b -> b.contains("CalculatedLineItem/1") && b.contains("\"quantity\":3"))
                    .anyMatch(b -> b.contains("CalculatedLineItem/2") && b.contains("\"quantity\":0"));
            assertThat(edits.get(3)).contains("orderEditCommit", "Order changed in Ordo (version 2): customer called");
            assertThat(shopify.calls("PUT", "/admin/api/2025-07/orders/" + shopifyOrder.platformId() + ".json"))
                    .singleElement().satisfies(c -> assertThat(c.body()).contains("\"zip\":\"80331\"",
                            "\"address1\":\"Neue Str. 5\""));

            // WooCommerce: one update with the line items and the address, one private note
            assertThat(woo.calls("PUT", wooOrderPath)).singleElement().satisfies(c -> {
                JsonNode body = Api.JSON.readTree(c.body());
                Map<Long, Long> items = new HashMap<>();
                body.get("line_items").forEach(i -> items.put(i.get("id").asLong(), i.get("quantity").asLong()));
                assertThat(items).isEqualTo(Map.of(11L, 3L, 12L, 0L));
                assertThat(body.get("shipping").get("postcode").asString()).isEqualTo("80331");
                assertThat(body.get("shipping").get("last_name").asString()).isEqualTo("Muster");
            });
            assertThat(woo.calls("POST", wooOrderPath + "/notes")).singleElement().satisfies(c -> assertThat(c.body())
                    .contains("Order changed in Ordo (version 2)", "\"customer_note\":false"));

            // Shopware: in a version of the order, recalculated and merged; the delivery's address patched
            assertThat(shopware.calls("PATCH", "/api/order-line-item/li1")).singleElement().satisfies(c -> {
                assertThat(c.body()).contains("\"quantity\":3");
                assertThat(c.authorization()).isEqualTo("Bearer sw-token-1");
            });
            assertThat(shopware.calls("DELETE", "/api/order-line-item/li2")).hasSize(1);
            String swPlatformId = swOrder.platformId().toLowerCase();
            assertThat(shopware.calls("POST", "/api/_action/order/" + swPlatformId + "/recalculate")).hasSize(1);
            assertThat(shopware.calls("POST", "/api/_action/version/merge/order/v1")).hasSize(1);
            assertThat(shopware.calls("PATCH", "/api/order-address/addr1")).singleElement().satisfies(c ->
                    assertThat(c.body()).contains("\"zipcode\":\"80331\"", "\"countryId\":\"country-de\""));

            // once: nothing is told twice
            int calls = shopify.calls().size() + woo.calls().size() + shopware.calls().size();
            changeNotices.tellShops();
            assertThat(shopify.calls().size() + woo.calls().size() + shopware.calls().size()).isEqualTo(calls);
            assertThat(changeNotices.of(UUID.fromString(wooId))).singleElement().satisfies(n -> {
                assertThat(n.version()).isEqualTo(2);
                assertThat(n.attempts()).isEqualTo(2);
            });
        }
    }

    private static String fulfillmentOrder(int shirts, int socks) {
        return "{\"fulfillment_orders\":[{\"id\":1046000818,\"status\":\"open\",\"line_items\":["
                + "{\"id\":501,\"line_item_id\":13735981039650,\"quantity\":2,\"fulfillable_quantity\":" + shirts
                + "},{\"id\":502,\"line_item_id\":13735981072418,\"quantity\":1,\"fulfillable_quantity\":" + socks
                + "}]}]}";
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The status of the shop's newest shipment report; none yet: NONE. */
    private String status(String code) {
        List<FulfilmentReport> reports = channelManagement.fulfilments(code, 1);
        return reports.isEmpty() ? "NONE" : reports.get(0).status().name();
    }

    /** A sample body as sent, with the shop's order number (the id for WooCommerce) and the buyer's e-mail. */
    record Sample(String body, String number, String email, String platformId) {
        Sample(String body, String number, String email) {
            this(body, number, email, null);
        }
    }

    private final Map<String, String> secrets = new HashMap<>();

    private String register(String type, String code, Map<String, String> api) {
        String secret = "whsec-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", type, "code", code, "secret", secret));
        if (api != null) {
            body.putAll(api);
        }
        expect(this.api.post("/api/v1/channels", body), 201);
        secrets.put(code, secret);
        return secret;
    }

    private String secretOf(String code) {
        return secrets.get(code);
    }

    private static String code() {
        return Fixtures.unique("shop").toLowerCase();
    }

    private static String hex32() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String email() {
        return Fixtures.unique("buyer").toLowerCase() + "@example.com";
    }

    private static String sample(String file, Map<String, String> values) {
        try (InputStream in = ShopChannelsIntegrationTests.class.getResourceAsStream("/channels/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("${" + v.getKey() + "}", v.getValue());
            }
            assertThat(text).doesNotContain("${");
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample shopifyOrder(String financialStatus, String sku1, String sku2, Instant created) {
        String id = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L));
        String number = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 999_999));
        String email = email();
        String body = sample("shopify-orders-create.json", Map.of("ORDER_ID", id, "NUMBER", number, "EMAIL", email,
                "CREATED_AT", created.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(1)).toString(),
                "FINANCIAL_STATUS", financialStatus, "SKU1", sku1, "SKU2", sku2));
        return new Sample(body, number, email, id);
    }

    private static Sample wooOrder(String status, String method, Instant paid, String sku1, String sku2) {
        String id = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 900_000_000));
        String email = email();
        String now = LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString();
        String body = sample("woocommerce-order-created.json", Map.of("ORDER_ID", id, "STATUS", status, "EMAIL",
                email, "CREATED_AT", now, "PAYMENT_METHOD", method, "TRANSACTION_ID", paid == null ? ""
                        : "pi_" + id, "DATE_PAID", paid == null ? "null" : "\"" + LocalDateTime.ofInstant(paid
                                .truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC) + "\"", "SKU1", sku1, "SKU2", sku2));
        return new Sample(body, id, email, id);
    }

    private static Sample shopwareOrder(String state, String method, String sku1, String sku2, Instant at) {
        return shopwareOrder(state, method, sku1, sku2, at, hex32());
    }

    private static Sample shopwareOrder(String state, String method, String sku1, String sku2, Instant at,
            String deliveryId) {
        String id = hex32();
        String number = String.valueOf(ThreadLocalRandom.current().nextInt(10000, 9_999_999));
        String email = email();
        String body = sample("shopware-checkout-order-placed.json", Map.of("ORDER_ID", id, "NUMBER", number,
                "EMAIL", email, "DELIVERY_ID", deliveryId, "PAYMENT_STATE", state, "PAYMENT_METHOD", method,
                "SKU1", sku1, "SKU2", sku2, "EVENT_ID", hex32(), "TIMESTAMP", String.valueOf(at.getEpochSecond())));
        return new Sample(body, number, email, id);
    }

    private Api.Response shopify(String code, String secret, String delivery, Sample order) {
        byte[] body = order.body().getBytes(StandardCharsets.UTF_8);
        return api.as(null).postBytes("/api/v1/channels/" + code + "/webhooks", body, "application/json",
                "X-Shopify-Topic", "orders/create", "X-Shopify-Shop-Domain", code + ".myshopify.com",
                "X-Shopify-API-Version", "2025-07", "X-Shopify-Webhook-Id", delivery,
                "X-Shopify-Hmac-Sha256", ShopWebhooks.sign(Platform.SHOPIFY, secret, body));
    }

    private Api.Response woo(String code, String secret, String delivery, Sample order) {
        byte[] body = order.body().getBytes(StandardCharsets.UTF_8);
        return api.as(null).postBytes("/api/v1/channels/" + code + "/webhooks", body, "application/json",
                "X-WC-Webhook-Source", "https://shop.example/", "X-WC-Webhook-Topic", "order.created",
                "X-WC-Webhook-Resource", "order", "X-WC-Webhook-Event", "created", "X-WC-Webhook-ID", "7",
                "X-WC-Webhook-Delivery-ID", delivery,
                "X-WC-Webhook-Signature", ShopWebhooks.sign(Platform.WOOCOMMERCE, secret, body));
    }

    private Api.Response shopware(String code, String secret, Sample order) {
        byte[] body = order.body().getBytes(StandardCharsets.UTF_8);
        return api.as(null).postBytes("/api/v1/channels/" + code + "/webhooks", body, "application/json",
                "shopware-shop-signature", ShopWebhooks.sign(Platform.SHOPWARE, secret, body));
    }

    /** The newest security events, each as its JSON text. */
    private List<String> securityEvents() {
        JsonNode items = expect(api.get("/api/v1/audit/security-events?limit=20"), 200).json().get("items");
        List<String> events = new java.util.ArrayList<>();
        items.forEach(e -> events.add(e.toString()));
        return events;
    }
}
