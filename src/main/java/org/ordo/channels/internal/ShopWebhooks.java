package org.ordo.channels.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ordo.channels.Platform;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Sha256;
import org.ordo.platform.WebhookSignature;
import org.ordo.platform.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a shop's webhook the way its platform sends it: the signature over the raw body is checked first (a
 * forgery is refused before anything is read), then the topic, the delivery id, and the order.
 */
public final class ShopWebhooks {

    /** WooCommerce's test call when a webhook is saved: form-encoded, unsigned, and asks for nothing. */
    private static final Pattern WOO_PING = Pattern.compile("webhook_id=\\d{1,20}");
    /** How far ahead of our clock a signed creation time may be (the shop's clock may run ahead a little). */
    private static final Duration AHEAD = Duration.ofMinutes(15);

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ShopWebhooks() {
    }

    /**
     * A webhook to act on: its delivery id (the idempotency key), the header or field naming it, the order as the
     * shop sees it now, and, for an order placed before, what the shop says changed ({@code update}; null for a new
     * order).
     */
    public record Incoming(String deliveryId, String deliveryField, ShopOrder order, Update update) {

        Incoming(String deliveryId, String deliveryField, ShopOrder order) {
            this(deliveryId, deliveryField, order, null);
        }
    }

    /**
     * What a shop reports about an order it sent before: its topic or event, whether the shop cancelled it (and
     * why), whether the body carries the order's lines and address as they are now (a changed order), and when the
     * shop changed it (the signed time the replay window is checked against).
     */
    public record Update(String event, boolean cancelled, String cancelReason, boolean linesGiven, Instant at,
            java.util.List<Refund> refunds, String refundProblem) {

        public Update(String event, boolean cancelled, String cancelReason, boolean linesGiven, Instant at) {
            this(event, cancelled, cancelReason, linesGiven, at, java.util.List.of(), null);
        }

        public Update {
            refunds = refunds == null ? java.util.List.of() : java.util.List.copyOf(refunds);
        }
    }

    /**
     * Money the shop paid back to the buyer: the shop's own id of the refund (booked once under it), the amount as
     * the shop wrote it and its currency.
     */
    public record Refund(String id, java.math.BigDecimal amount, String currency) {
    }

    /**
     * The refunds a platform lists, each read the same way: its id (1-60 visible characters) and an amount of more
     * than zero exactly as written; {@code field} names where it is for a refusal.
     */
    static Refund refund(String field, String id, JsonNode amount, String currency) {
        if (id == null || id.length() > 60 || !visible(id)) {
            throw new InvalidInputException(field + ".id", Wording.of("channels.must_be_the_shop_s_refund"));
        }
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.math.BigDecimal value = ShopOrder.price(amount, field, problems);
        if (value == null) {
            throw new InvalidInputException(field, Wording.of("channels.must_be_the_refunded_amount_as"));
        }
        return new Refund(id, value.abs(), currency);
    }

    /** Shopware's state transitions of a payment that pay money back. */
    static final String SHOPWARE_REFUNDED = "state_enter.order_transaction.state.refunded";
    static final String SHOPWARE_REFUNDED_PARTIALLY = "state_enter.order_transaction.state.refunded_partially";

    /** Shopify's topics about an order placed before: a change (also an edit), a cancellation, a payment. */
    private static final java.util.Set<String> SHOPIFY_UPDATES = java.util.Set.of("orders/updated",
            "orders/cancelled", "orders/paid");
    /** Shopware's state transitions Ordo acts on: the order cancelled, its payment paid. */
    static final String SHOPWARE_CANCELLED = "state_enter.order.state.cancelled";
    static final String SHOPWARE_PAID = "state_enter.order_transaction.state.paid";

    /** Either an order to take, or why there is nothing to do ({@code ignored}). */
    public record Read(Incoming incoming, String ignored) {
    }

    /**
     * Checks the signature (throws {@link WebhookSignature.Refused}: 400 and a security event), then reads the
     * webhook. A signed creation time outside the replay window is refused the same way: a captured webhook sent
     * again days later is not a platform's retry.
     */
    public static Read read(Platform platform, UnaryOperator<String> header, byte[] body, String secret,
            Instant now, Duration replayWindow) {
        if (platform == Platform.WOOCOMMERCE && header.apply(platform.signatureHeader()) == null
                && body.length < 40 && WOO_PING.matcher(new String(body, StandardCharsets.US_ASCII)).matches()) {
            return new Read(null, "WooCommerce ping when the webhook was saved");
        }
        verify(platform, header.apply(platform.signatureHeader()), body, secret);
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", Wording.of("channels.must_be_the_platform_s_json"));
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        Read read = switch (platform) {
            case SHOPIFY -> shopify(header, json);
            case WOOCOMMERCE -> wooCommerce(header, json);
            case SHOPWARE -> shopware(json, body);
        };
        if (read.incoming() != null) {
            Instant created = read.incoming().update() != null ? read.incoming().update().at()
                    : read.incoming().order().createdAt();
            if (created.isBefore(now.minus(replayWindow)) || created.isAfter(now.plus(AHEAD))) {
                throw new WebhookSignature.Refused(platform.signatureHeader(), "the order was created at " + created
                        + ", outside the replay window of " + replayWindow + " around now: a replayed webhook?");
            }
        }
        return read;
    }

    private static Read shopify(UnaryOperator<String> header, JsonNode json) {
        String topic = header.apply("X-Shopify-Topic");
        if ("refunds/create".equals(topic)) {
            ShopifyOrders.RefundOf refund = ShopifyOrders.refund(json);
            return new Read(new Incoming(delivery(header, "X-Shopify-Webhook-Id"), "X-Shopify-Webhook-Id",
                    refund.order(), refund.update()), null);
        }
        if (topic != null && SHOPIFY_UPDATES.contains(topic)) {
            return new Read(new Incoming(delivery(header, "X-Shopify-Webhook-Id"), "X-Shopify-Webhook-Id",
                    ShopifyOrders.read(json), ShopifyOrders.update(topic, json)), null);
        }
        if (topic != null && !topic.equals("orders/create")) {
            return new Read(null, "topic " + ShopOrder.shorten(topic, 60) + " needs nothing");
        }
        return new Read(new Incoming(delivery(header, "X-Shopify-Webhook-Id"), "X-Shopify-Webhook-Id",
                ShopifyOrders.read(json)), null);
    }

    private static Read wooCommerce(UnaryOperator<String> header, JsonNode json) {
        String topic = header.apply("X-WC-Webhook-Topic");
        if ("order.updated".equals(topic)) {
            return new Read(new Incoming(delivery(header, "X-WC-Webhook-Delivery-ID"), "X-WC-Webhook-Delivery-ID",
                    WooCommerceOrders.read(json), WooCommerceOrders.update(json)), null);
        }
        if (topic != null && !topic.equals("order.created")) {
            return new Read(null, "topic " + ShopOrder.shorten(topic, 60) + " needs nothing");
        }
        return new Read(new Incoming(delivery(header, "X-WC-Webhook-Delivery-ID"), "X-WC-Webhook-Delivery-ID",
                WooCommerceOrders.read(json)), null);
    }

    private static Read shopware(JsonNode json, byte[] body) {
        String event = ShopOrder.text(json, "data", "event");
        boolean refunded = SHOPWARE_REFUNDED.equals(event) || SHOPWARE_REFUNDED_PARTIALLY.equals(event);
        boolean transition = SHOPWARE_CANCELLED.equals(event) || SHOPWARE_PAID.equals(event) || refunded;
        if (!"checkout.order.placed".equals(event) && !transition) {
            return new Read(null, "event " + ShopOrder.shorten(String.valueOf(event), 60) + " needs nothing");
        }
        // Shopware names each event since 6.5 (source.eventId); older shops send none: the body itself is the key
        String eventId = ShopOrder.text(json, "source", "eventId");
        if (eventId != null && !visible(eventId)) {
            throw new InvalidInputException("source.eventId", Wording.of("channels.must_be_1_100_visible_ascii"));
        }
        String key = eventId != null ? eventId : "sha256:" + Sha256.hex(body);
        if (refunded) {
            ShopOrder order = ShopwareOrders.read(json);
            return new Read(new Incoming(key, "source.eventId", order, ShopwareOrders.refund(json, event,
                    SHOPWARE_REFUNDED_PARTIALLY.equals(event), order)), null);
        }
        if (transition) {
            ShopOrder order = ShopwareOrders.read(json);
            // the payload of a payment's transition is its order, whose transactions the shop may leave out
            return new Read(new Incoming(key, "source.eventId", SHOPWARE_PAID.equals(event)
                    ? order.paid() : order, new Update(event, SHOPWARE_CANCELLED.equals(event), null, false,
                            order.createdAt())), null);
        }
        return new Read(new Incoming(key, "source.eventId", ShopwareOrders.read(json)), null);
    }

    private static String delivery(UnaryOperator<String> header, String name) {
        String id = header.apply(name);
        if (id == null || !visible(id)) {
            throw new InvalidInputException(name, Wording.of("channels.is_required_1_100_visible_ascii"));
        }
        return id;
    }

    private static boolean visible(String id) {
        return !id.isEmpty() && id.length() <= 100 && id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /** Refuses unless the header holds the platform's HMAC-SHA256 of the raw body under the shop's secret. */
    static void verify(Platform platform, String signature, byte[] body, String secret) {
        if (signature == null || signature.isBlank()) {
            throw new WebhookSignature.Refused(platform.signatureHeader(), "the signature header is missing");
        }
        byte[] expected = hmac(secret, body);
        byte[] given;
        try {
            given = platform == Platform.SHOPWARE ? HexFormat.of().parseHex(signature.strip().toLowerCase())
                    : Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookSignature.Refused(platform.signatureHeader(), "the signature is not "
                    + (platform == Platform.SHOPWARE ? "hex" : "base64"));
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new WebhookSignature.Refused(platform.signatureHeader(), "the signature does not match");
        }
    }

    /** The signature a platform sends for a body: base64 (Shopify, WooCommerce) or hex (Shopware). */
    public static String sign(Platform platform, String secret, byte[] body) {
        byte[] mac = hmac(secret, body);
        return platform == Platform.SHOPWARE ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
