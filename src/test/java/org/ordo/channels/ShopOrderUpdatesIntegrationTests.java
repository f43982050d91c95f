package org.ordo.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Warehouse;
import org.ordo.channels.internal.ShopWebhooks;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes, cancellations and later payments that the shops send about orders placed before (Shopify
 * {@code orders/updated|cancelled|paid}, WooCommerce {@code order.updated}, Shopware state transitions): applied
 * through the change path, the one cancel path and payment's booking, each once; what cannot apply waits in review.
 */
@IntegrationTest
class ShopOrderUpdatesIntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    ShopChangeNotices changeNotices;

    Api api;
    Fixtures fixtures;
    String location, sku1, sku2, sku3;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku1 = fixtures.article("PHYSICAL", "15.00", "EUR", "19", false, true);
        sku2 = fixtures.article("PHYSICAL", "19.90", "EUR", "19", false, true);
        sku3 = fixtures.article("PHYSICAL", "9.00", "EUR", "19", false, true);
        for (String sku : new String[] {sku1, sku2, sku3}) {
            fixtures.receive(sku, location, 100);
        }
    }

    @Test
    void aShopifyEditChangesTheOrderAndTheShopsCancellationCancelsIt() {
        String code = code();
        // with API access: the shop's own change must not be told back to it
        String secret = register("SHOPIFY", code, "http://127.0.0.1:9/admin/api/2025-07");
        ObjectNode order = shopifyOrder("paid");
        JsonNode placed = expect(shopify(code, secret, "orders/create", UUID.randomUUID().toString(), order), 200)
                .json();
        String orderId = placed.get("orderId").asString();

        // the buyer asked for one more shirt, no socks, and a belt: Shopify keeps the lines, current_quantity says
        ObjectNode edited = order.deepCopy();
        ArrayNode items = (ArrayNode) edited.get("line_items");
        ((ObjectNode) items.get(0)).put("current_quantity", 3);
        ((ObjectNode) items.get(1)).put("current_quantity", 0);
        ObjectNode belt = ((ObjectNode) items.get(0)).deepCopy();
        belt.put("id", 13735981099999L).put("sku", sku3).put("quantity", 1).put("current_quantity", 1)
                .put("title", "Gürtel");
        items.add(belt);
        ((ObjectNode) edited.get("shipping_address")).put("address1", "Nebenstraße 9");
        edited.put("updated_at", now());
        JsonNode changed = expect(shopify(code, secret, "orders/updated", UUID.randomUUID().toString(), edited), 200)
                .json();
        assertThat(changed.get("outcome").asString()).isEqualTo("CHANGED");
        assertThat(changed.get("orderId").asString()).isEqualTo(orderId);
        JsonNode now = expect(api.get("/api/v1/orders/" + orderId), 200).json();
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(quantities(now)).containsExactlyInAnyOrderEntriesOf(Map.of(sku1, 3L, sku3, 1L));
        assertThat(now.get("shippingAddress").get("street").asString()).isEqualTo("Nebenstraße 9");
        assertThat(changeNotices.of(UUID.fromString(orderId))).as("nothing echoed to the shop").isEmpty();

        // Shopify sends orders/updated for every little thing: the same state again changes nothing
        JsonNode again = expect(shopify(code, secret, "orders/updated", UUID.randomUUID().toString(), edited), 200)
                .json();
        assertThat(again.get("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(expect(api.get("/api/v1/orders/" + orderId), 200).json().get("version").asInt()).isEqualTo(2);

        ObjectNode cancelled = edited.deepCopy();
        cancelled.put("cancelled_at", now()).put("cancel_reason", "customer").put("updated_at", now());
        String delivery = UUID.randomUUID().toString();
        JsonNode gone = expect(shopify(code, secret, "orders/cancelled", delivery, cancelled), 200).json();
        assertThat(gone.get("outcome").asString()).isEqualTo("CANCELLED");
        JsonNode cancelledOrder = expect(api.get("/api/v1/orders/" + orderId), 200).json();
        assertThat(cancelledOrder.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelledOrder.get("timeline").toString()).contains("cancelled at Shopify order").contains("customer");
        Api.Response retried = expect(shopify(code, secret, "orders/cancelled", delivery, cancelled), 200);
        assertThat(retried.replayed()).isEqualTo("true");
        // the cancellation's own orders/updated afterwards
        assertThat(expect(shopify(code, secret, "orders/updated", UUID.randomUUID().toString(), cancelled), 200)
                .json().get("outcome").asString()).isEqualTo("UNCHANGED");
    }

    @Test
    void aPaymentTheShopTookLaterIsBookedOnceAndReleasesTheOrder() {
        String code = code();
        String secret = register("SHOPIFY", code);
        ObjectNode order = shopifyOrder("pending");
        String orderId = expect(shopify(code, secret, "orders/create", UUID.randomUUID().toString(), order), 200)
                .json().get("orderId").asString();
        assertThat(expect(api.get("/api/v1/orders/" + orderId), 200).json().get("paymentStatus").asString())
                .isEqualTo("PENDING");

        ObjectNode paid = order.deepCopy();
        paid.put("financial_status", "paid").put("updated_at", now());
        JsonNode booked = expect(shopify(code, secret, "orders/paid", UUID.randomUUID().toString(), paid), 200).json();
        assertThat(booked.get("outcome").asString()).isEqualTo("PAID");
        JsonNode now = expect(api.get("/api/v1/orders/" + orderId), 200).json();
        assertThat(now.get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(now.get("fulfillmentStatus").asString()).isEqualTo("RELEASED");
        // the orders/updated Shopify sends with it books nothing twice
        JsonNode twice = expect(shopify(code, secret, "orders/updated", UUID.randomUUID().toString(), paid), 200)
                .json();
        assertThat(twice.get("outcome").asString()).isEqualTo("UNCHANGED");
        String payments = expect(api.get("/api/v1/orders/" + orderId + "/payments"), 200).body();
        assertThat(payments.split("MARKETPLACE", -1)).as("one booking").hasSize(2);
        assertThat(payments).contains("shopify:" + code);

        // WooCommerce: a bank transfer the shop marked as received, then the shop cancels the order
        String wooCode = code();
        String wooSecret = register("WOOCOMMERCE", wooCode);
        ObjectNode woo = wooOrder(sku1, sku2);
        String wooOrderId = expect(woo(wooCode, wooSecret, "order.created", woo), 200).json().get("orderId")
                .asString();
        ObjectNode wooPaid = woo.deepCopy();
        wooPaid.put("status", "processing").put("date_paid_gmt", local(Instant.now())).put("date_modified_gmt",
                local(Instant.now()));
        assertThat(expect(woo(wooCode, wooSecret, "order.updated", wooPaid), 200).json().get("outcome").asString())
                .isEqualTo("PAID");
        assertThat(expect(api.get("/api/v1/orders/" + wooOrderId), 200).json().get("paymentStatus").asString())
                .isEqualTo("PAID");
        ObjectNode wooCancelled = wooPaid.deepCopy();
        wooCancelled.put("status", "cancelled");
        assertThat(expect(woo(wooCode, wooSecret, "order.updated", wooCancelled), 200).json().get("outcome")
                .asString()).isEqualTo("CANCELLED");
        assertThat(expect(api.get("/api/v1/orders/" + wooOrderId), 200).json().get("status").asString())
                .isEqualTo("CANCELLED");

        // Shopware: the payment's state transition to paid
        String swCode = code();
        String swSecret = register("SHOPWARE", swCode);
        ObjectNode sw = shopwareOrder("open");
        String swOrderId = expect(shopware(swCode, swSecret, sw), 200).json().get("orderId").asString();
        ObjectNode swPaid = transition(sw, "state_enter.order_transaction.state.paid");
        assertThat(expect(shopware(swCode, swSecret, swPaid), 200).json().get("outcome").asString()).isEqualTo("PAID");
        assertThat(expect(api.get("/api/v1/orders/" + swOrderId), 200).json().get("paymentStatus").asString())
                .isEqualTo("PAID");
    }

    @Test
    void whatCannotApplyWaitsInTheReviewQueueAndChangesNothing() {
        // Shopware cancels an order that has shipped already
        String swCode = code();
        String swSecret = register("SHOPWARE", swCode);
        ObjectNode sw = shopwareOrder("paid");
        String orderId = expect(shopware(swCode, swSecret, sw), 200).json().get("orderId").asString();
        Warehouse warehouse = new Warehouse(api.withNewKey("WAREHOUSE"));
        warehouse.pickAll(warehouse.pickListAt(location));
        warehouse.packAndShip(orderId, location, "DHL", Map.of(1, 2L, 2, 1L));
        JsonNode refused = expect(shopware(swCode, swSecret, transition(sw, "state_enter.order.state.cancelled")),
                200).json();
        assertThat(refused.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(refused.get("reason").asString()).contains("cannot be here").contains("shipped");
        assertThat(expect(api.get("/api/v1/inbound-documents/" + refused.get("documentId").asString()), 200).json()
                .get("status").asString()).isEqualTo("REVIEW");
        assertThat(expect(api.get("/api/v1/orders/" + orderId), 200).json().get("status").asString())
                .isNotEqualTo("CANCELLED");
        // it waits as a shop's update: an agent cannot confirm it as a second order, only resolve it
        JsonNode entry = entryOf(refused.get("documentId").asString());
        assertThat(entry.get("kind").asString()).isEqualTo("SHOP_UPDATE");
        Api.Response confirmed = expect(api.post("/api/v1/review-entries/" + entry.get("id").asString() + "/confirm",
                Map.of("channel", "web", "customer", Map.of("email", "x@example.com", "name", "X"), "currency", "EUR",
                        "paymentMethod", "prepayment", "lines", java.util.List.of(Map.of("sku", sku1, "quantity", 1)))),
                409);
        assertThat(confirmed.body()).contains("shop-update");
        JsonNode resolved = expect(api.post("/api/v1/review-entries/" + entry.get("id").asString() + "/resolve",
                Map.of("note", "told the shop it has shipped")), 200).json();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("orderId").isNull()).isTrue();

        // Shopify: an edit adds an article Ordo does not know; a cancellation of an order that is not here
        String code = code();
        String secret = register("SHOPIFY", code);
        ObjectNode order = shopifyOrder("paid");
        String shopifyOrderId = expect(shopify(code, secret, "orders/create", UUID.randomUUID().toString(), order),
                200).json().get("orderId").asString();
        ObjectNode edited = order.deepCopy();
        ((ObjectNode) edited.get("line_items").get(1)).put("sku", "UNKNOWN-" + UUID.randomUUID());
        edited.put("updated_at", now());
        JsonNode unknown = expect(shopify(code, secret, "orders/updated", UUID.randomUUID().toString(), edited), 200)
                .json();
        assertThat(unknown.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(unknown.get("reason").asString()).contains("unknown SKU");
        assertThat(expect(api.get("/api/v1/orders/" + shopifyOrderId), 200).json().get("version").asInt())
                .isEqualTo(1);

        ObjectNode stranger = shopifyOrder("paid");
        stranger.put("cancelled_at", now());
        JsonNode notHere = expect(shopify(code, secret, "orders/cancelled", UUID.randomUUID().toString(), stranger),
                200).json();
        assertThat(notHere.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(notHere.get("reason").asString()).contains("is not an order here");
    }


    @Test
    void refundsMadeAtTheShopAreBookedOnceAsRefundsOfTheOrder() {
        // Shopify: a paid order, then refunds/create for 10.00 of it
        String code = code();
        String secret = register("SHOPIFY", code);
        ObjectNode order = shopifyOrder("paid");
        String orderId = expect(shopify(code, secret, "orders/create", UUID.randomUUID().toString(), order), 200)
                .json().get("orderId").asString();
        String refundId = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
        ObjectNode refund = shopifyRefund(order.get("id").asString(), refundId, "10.00");
        JsonNode booked = expect(shopify(code, secret, "refunds/create", UUID.randomUUID().toString(), refund), 200)
                .json();
        assertThat(booked.get("outcome").asString()).isEqualTo("REFUNDED");
        assertThat(booked.get("orderId").asString()).isEqualTo(orderId);
        JsonNode payments = expect(api.get("/api/v1/orders/" + orderId + "/payments"), 200).json();
        assertThat(payments.get("refunded").get("amount").asString()).isEqualTo("10.00");
        assertThat(payments.toString()).contains("shopify:" + code + " refund " + refundId);
        // the same refund under a new delivery id, and listed again in the order's next update: booked once
        assertThat(expect(shopify(code, secret, "refunds/create", UUID.randomUUID().toString(), refund), 200).json()
                .get("outcome").asString()).isEqualTo("UNCHANGED");
        ObjectNode updated = order.deepCopy();
        updated.put("updated_at", now()).putArray("refunds").add(refund.deepCopy());
        assertThat(expect(shopify(code, secret, "orders/updated", UUID.randomUUID().toString(), updated), 200).json()
                .get("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(expect(api.get("/api/v1/orders/" + orderId + "/payments"), 200).json().get("refunded")
                .get("amount").asString()).isEqualTo("10.00");
        // more than the shop received: nothing booked, a shop update waits in review
        JsonNode tooMuch = expect(shopify(code, secret, "refunds/create", UUID.randomUUID().toString(),
                shopifyRefund(order.get("id").asString(), refundId + "1", "9999.00")), 200).json();
        assertThat(tooMuch.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(tooMuch.get("reason").asString()).contains("cannot be booked").contains("exceed");
        assertThat(entryOf(tooMuch.get("documentId").asString()).get("kind").asString()).isEqualTo("SHOP_UPDATE");
        assertThat(expect(api.get("/api/v1/orders/" + orderId + "/payments"), 200).json().get("refunded")
                .get("amount").asString()).isEqualTo("10.00");

        // WooCommerce: the shop refunds the whole order; its status says refunded, its refunds list the amount
        String wooCode = code();
        String wooSecret = register("WOOCOMMERCE", wooCode);
        ObjectNode woo = wooOrder(sku1, sku2);
        woo.put("status", "processing").put("date_paid_gmt", local(Instant.now()));
        String wooOrderId = expect(woo(wooCode, wooSecret, "order.created", woo), 200).json().get("orderId")
                .asString();
        String gross = expect(api.get("/api/v1/orders/" + wooOrderId), 200).json().get("totals").get("gross")
                .get("amount").asString();
        ObjectNode wooRefunded = woo.deepCopy();
        wooRefunded.put("status", "refunded").put("date_modified_gmt", local(Instant.now()));
        wooRefunded.putArray("refunds").addObject().put("id", 726).put("reason", "").put("total", "-" + gross);
        assertThat(expect(woo(wooCode, wooSecret, "order.updated", wooRefunded), 200).json().get("outcome")
                .asString()).isEqualTo("REFUNDED");
        assertThat(expect(woo(wooCode, wooSecret, "order.updated", wooRefunded), 200).json().get("outcome")
                .asString()).isEqualTo("UNCHANGED");
        JsonNode wooPayments = expect(api.get("/api/v1/orders/" + wooOrderId + "/payments"), 200).json();
        assertThat(wooPayments.get("refunded").get("amount").asString()).isEqualTo(gross);
        assertThat(wooPayments.get("paymentStatus").asString()).isEqualTo("REFUNDED");
        // refunded without a refund listed names no amount: a person books it
        ObjectNode bare = wooOrder(sku1, sku2);
        bare.put("status", "processing").put("date_paid_gmt", local(Instant.now()));
        String bareId = expect(woo(wooCode, wooSecret, "order.created", bare), 200).json().get("orderId").asString();
        bare.put("status", "refunded").put("date_modified_gmt", local(Instant.now()));
        JsonNode unknownAmount = expect(woo(wooCode, wooSecret, "order.updated", bare), 200).json();
        assertThat(unknownAmount.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(unknownAmount.get("reason").asString()).contains("lists no refund");
        assertThat(expect(api.get("/api/v1/orders/" + bareId + "/payments"), 200).json().get("refunded")
                .get("amount").asString()).isEqualTo("0.00");

        // Shopware: the payment's transition to refunded pays back the transaction's amount
        String swCode = code();
        String swSecret = register("SHOPWARE", swCode);
        ObjectNode sw = shopwareOrder("paid");
        String swOrderId = expect(shopware(swCode, swSecret, sw), 200).json().get("orderId").asString();
        String swGross = expect(api.get("/api/v1/orders/" + swOrderId), 200).json().get("totals").get("gross")
                .get("amount").asString();
        ObjectNode swRefunded = transition(sw, "state_enter.order_transaction.state.refunded");
        ((ObjectNode) swRefunded.at("/data/payload/order/transactions/0/amount")).put("totalPrice",
                new java.math.BigDecimal(swGross));
        assertThat(expect(shopware(swCode, swSecret, swRefunded), 200).json().get("outcome").asString())
                .isEqualTo("REFUNDED");
        assertThat(expect(api.get("/api/v1/orders/" + swOrderId + "/payments"), 200).json().get("refunded")
                .get("amount").asString()).isEqualTo(swGross);
        JsonNode partly = expect(shopware(swCode, swSecret, transition(sw,
                "state_enter.order_transaction.state.refunded_partially")), 200).json();
        assertThat(partly.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(partly.get("reason").asString()).contains("names no amount");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Shopify's {@code refunds/create} body: the refund with one successful refund transaction. */
    private static ObjectNode shopifyRefund(String orderId, String refundId, String amount) {
        ObjectNode refund = Api.JSON.createObjectNode();
        refund.put("id", Long.parseLong(refundId)).put("order_id", Long.parseLong(orderId)).put("created_at", now())
                .put("note", "damaged").put("restock", false).putArray("refund_line_items");
        refund.putArray("transactions").addObject().put("id", Long.parseLong(refundId) + 7).put("order_id",
                Long.parseLong(orderId)).put("kind", "refund").put("gateway", "shopify_payments").put("status",
                        "success").put("amount", amount).put("currency", "EUR");
        return refund;
    }

    /** The review entry a stored webhook opened. */
    private JsonNode entryOf(String documentId) {
        for (JsonNode e : expect(api.get("/api/v1/review-entries?kind=SHOP_UPDATE&limit=200"), 200).json()
                .get("items")) {
            if (e.get("documentId").asString().equals(documentId)) {
                return e;
            }
        }
        throw new AssertionError("no open SHOP_UPDATE entry for document " + documentId);
    }

    private final Map<String, String> secrets = new HashMap<>();

    private String register(String type, String code) {
        return register(type, code, null);
    }

    private String register(String type, String code, String apiUrl) {
        String secret = "whsec-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", type, "code", code, "secret", secret));
        if (apiUrl != null) {
            body.put("apiUrl", apiUrl);
            body.put("apiToken", "shpat_test_token");
        }
        expect(api.post("/api/v1/channels", body), 201);
        secrets.put(code, secret);
        return secret;
    }

    private static Map<String, Long> quantities(JsonNode order) {
        Map<String, Long> quantities = new HashMap<>();
        order.get("lines").forEach(l -> {
            if (l.get("quantity").asLong() > 0) {
                quantities.put(l.get("sku").asString(), l.get("quantity").asLong());
            }
        });
        return quantities;
    }

    private static String code() {
        return Fixtures.unique("shop").toLowerCase();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(1)).toString();
    }

    private static String local(Instant at) {
        return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString();
    }

    private static String sample(String file, Map<String, String> values) {
        try (InputStream in = ShopOrderUpdatesIntegrationTests.class.getResourceAsStream("/channels/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("${" + v.getKey() + "}", v.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode shopifyOrder(String financialStatus) {
        String id = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L));
        String number = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 999_999));
        return (ObjectNode) Api.JSON.readTree(sample("shopify-orders-create.json", Map.of("ORDER_ID", id, "NUMBER",
                number, "EMAIL", Fixtures.unique("buyer").toLowerCase() + "@example.com", "CREATED_AT", now(),
                "FINANCIAL_STATUS", financialStatus, "SKU1", sku1, "SKU2", sku2)));
    }

    private ObjectNode wooOrder(String sku1, String sku2) {
        String id = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 900_000_000));
        return (ObjectNode) Api.JSON.readTree(sample("woocommerce-order-created.json", Map.of("ORDER_ID", id,
                "STATUS", "on-hold", "EMAIL", Fixtures.unique("buyer").toLowerCase() + "@example.com", "CREATED_AT",
                local(Instant.now()), "PAYMENT_METHOD", "bacs", "TRANSACTION_ID", "", "DATE_PAID", "null", "SKU1",
                sku1, "SKU2", sku2)));
    }

    private ObjectNode shopwareOrder(String paymentState) {
        String id = UUID.randomUUID().toString().replace("-", "");
        return (ObjectNode) Api.JSON.readTree(sample("shopware-checkout-order-placed.json", Map.of("ORDER_ID", id,
                "NUMBER", String.valueOf(ThreadLocalRandom.current().nextInt(10000, 9_999_999)), "EMAIL",
                Fixtures.unique("buyer").toLowerCase() + "@example.com", "DELIVERY_ID",
                UUID.randomUUID().toString().replace("-", ""), "PAYMENT_STATE", paymentState, "PAYMENT_METHOD",
                "payment_prepayment", "SKU1", sku1, "SKU2", sku2, "EVENT_ID",
                UUID.randomUUID().toString().replace("-", ""), "TIMESTAMP",
                String.valueOf(Instant.now().getEpochSecond()))));
    }

    /** The shop's app webhook of a state transition: the order as payload, a new event id. */
    private static ObjectNode transition(ObjectNode placed, String event) {
        ObjectNode body = placed.deepCopy();
        ((ObjectNode) body.get("data")).put("event", event);
        ((ObjectNode) body.get("source")).put("eventId", UUID.randomUUID().toString().replace("-", ""));
        body.put("timestamp", Instant.now().getEpochSecond());
        return body;
    }

    private Api.Response shopify(String code, String secret, String topic, String delivery, JsonNode order) {
        byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
        return api.as(null).postBytes("/api/v1/channels/" + code + "/webhooks", body, "application/json",
                "X-Shopify-Topic", topic, "X-Shopify-Shop-Domain", code + ".myshopify.com",
                "X-Shopify-API-Version", "2025-07", "X-Shopify-Webhook-Id", delivery,
                "X-Shopify-Hmac-Sha256", ShopWebhooks.sign(Platform.SHOPIFY, secret, body));
    }

    private Api.Response woo(String code, String secret, String topic, JsonNode order) {
        byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
        return api.as(null).postBytes("/api/v1/channels/" + code + "/webhooks", body, "application/json",
                "X-WC-Webhook-Topic", topic, "X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString(),
                "X-WC-Webhook-Signature", ShopWebhooks.sign(Platform.WOOCOMMERCE, secret, body));
    }

    private Api.Response shopware(String code, String secret, JsonNode order) {
        byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
        return api.as(null).postBytes("/api/v1/channels/" + code + "/webhooks", body, "application/json",
                "shopware-shop-signature", ShopWebhooks.sign(Platform.SHOPWARE, secret, body));
    }
}
