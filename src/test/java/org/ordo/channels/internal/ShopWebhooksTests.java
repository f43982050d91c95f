package org.ordo.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.ordo.channels.Platform;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.WebhookSignature;

/** Each platform's signature as the platform computes it, and what is read before anything is stored. */
class ShopWebhooksTests {

    static final String SECRET = "shpss_0123456789abcdef";
    static final byte[] BODY = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final Duration WINDOW = Duration.ofDays(3);

    @Test
    void signaturesAreTheHmacSha256OfTheRawBodyInEachPlatformsEncoding() {
        // computed independently (openssl dgst -sha256 -hmac SECRET -binary | base64, and -hex)
        assertThat(ShopWebhooks.sign(Platform.SHOPIFY, SECRET, BODY))
                .isEqualTo("ne+Twf3BMrJ3AMcsdK/cwASHZl8vw1iJXvr4ORLXiaU=");
        assertThat(ShopWebhooks.sign(Platform.WOOCOMMERCE, SECRET, BODY))
                .isEqualTo("ne+Twf3BMrJ3AMcsdK/cwASHZl8vw1iJXvr4ORLXiaU=");
        assertThat(ShopWebhooks.sign(Platform.SHOPWARE, SECRET, BODY))
                .isEqualTo("9def93c1fdc132b27700c72c74afdcc00487665f2fc358895efaf83912d789a5");
        ShopWebhooks.verify(Platform.SHOPWARE, "9DEF93C1FDC132B27700C72C74AFDCC00487665F2FC358895EFAF83912D789A5",
                BODY, SECRET);
    }

    @Test
    void aForgedMissingOrMalformedSignatureIsRefusedNamingTheHeader() {
        for (String signature : new String[] {null, " ", "not base64!", "ne+Twf3BMrJ3AMcsdK/cwASHZl8vw1iJXvr4ORLXiaQ="}) {
            assertThatThrownBy(() -> ShopWebhooks.verify(Platform.SHOPIFY, signature, BODY, SECRET))
                    .isInstanceOfSatisfying(WebhookSignature.Refused.class,
                            r -> assertThat(r.header()).isEqualTo("X-Shopify-Hmac-Sha256"));
        }
        assertThatThrownBy(() -> ShopWebhooks.verify(Platform.SHOPWARE, "9def", BODY, SECRET))
                .isInstanceOf(WebhookSignature.Refused.class);
    }

    @Test
    void aSignedOrderCreatedOutsideTheReplayWindowIsRefusedAsReplayed() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        byte[] old = shopifyOrder("2026-12-01T11:00:00+01:00");
        assertThatThrownBy(() -> ShopWebhooks.read(Platform.SHOPIFY, headers(old), old, SECRET, now, WINDOW))
                .isInstanceOf(WebhookSignature.Refused.class).hasMessageContaining("replayed");
        byte[] future = shopifyOrder("2026-12-05T14:00:00+01:00");
        assertThatThrownBy(() -> ShopWebhooks.read(Platform.SHOPIFY, headers(future), future, SECRET, now, WINDOW))
                .isInstanceOf(WebhookSignature.Refused.class);
        byte[] fresh = shopifyOrder("2026-12-05T12:30:00+01:00");
        ShopWebhooks.Read read = ShopWebhooks.read(Platform.SHOPIFY, headers(fresh), fresh, SECRET, now, WINDOW);
        assertThat(read.incoming().deliveryId()).isEqualTo("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        assertThat(read.incoming().order().lines()).singleElement()
                .satisfies(l -> assertThat(l.unitPrice()).isEqualByComparingTo("12.50"));
    }

    @Test
    void otherTopicsAndWooCommercesPingAreIgnoredAndADeliveryNeedsItsId() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        byte[] body = shopifyOrder("2026-12-05T12:30:00+01:00");
        Map<String, String> other = Map.of("X-Shopify-Topic", "customers/create", "X-Shopify-Hmac-Sha256",
                ShopWebhooks.sign(Platform.SHOPIFY, SECRET, body));
        assertThat(ShopWebhooks.read(Platform.SHOPIFY, other::get, body, SECRET, now, WINDOW).ignored())
                .contains("customers/create");
        byte[] ping = "webhook_id=17".getBytes(StandardCharsets.US_ASCII);
        assertThat(ShopWebhooks.read(Platform.WOOCOMMERCE, h -> null, ping, SECRET, now, WINDOW).ignored())
                .contains("ping");
        Map<String, String> noId = Map.of("X-Shopify-Hmac-Sha256", ShopWebhooks.sign(Platform.SHOPIFY, SECRET, body));
        assertThatThrownBy(() -> ShopWebhooks.read(Platform.SHOPIFY, noId::get, body, SECRET, now, WINDOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("X-Shopify-Webhook-Id"));
    }

    @Test
    void wooCommerceUnitPricesComeFromTheSubtotalExactly() {
        byte[] body = """
                {"id":727,"number":"727","date_created_gmt":"2026-12-05T11:00:00","currency":"EUR",
                 "billing":{"first_name":"Juan","last_name":"Pérez","address_1":"Calle Mayor 5","postcode":"28013",
                            "city":"Madrid","country":"ES","email":"juan@example.com"},
                 "shipping":{"first_name":"","last_name":"","address_1":"","city":"","postcode":"","country":""},
                 "payment_method":"cod","date_paid_gmt":null,
                 "line_items":[{"sku":"SOCKS","quantity":3,"subtotal":"10.00","price":3.3333333333333335}]}"""
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("X-WC-Webhook-Signature", ShopWebhooks.sign(Platform.WOOCOMMERCE,
                SECRET, body), "X-WC-Webhook-Delivery-ID", "9f3c", "X-WC-Webhook-Topic", "order.created");
        ShopOrder order = ShopWebhooks.read(Platform.WOOCOMMERCE, headers::get, body, SECRET,
                Instant.parse("2026-12-05T12:00:00Z"), WINDOW).incoming().order();
        assertThat(order.lines().get(0).unitPrice()).as("10.00 / 3 is not exact: the price as written")
                .isEqualByComparingTo("3.3333333333333335");
        assertThat(order.shipping().street()).as("an empty shipping address: the billing one")
                .isEqualTo("Calle Mayor 5");
        assertThat(order.payment()).isEqualTo(ShopOrder.Payment.PENDING);
        assertThat(order.paymentMethod()).isEqualTo("cash_on_delivery");
    }

    private static byte[] shopifyOrder(String createdAt) {
        return ("""
                {"id":820982911946154508,"name":"#1001","email":"jon@example.com","created_at":"%s","currency":"EUR",
                 "financial_status":"paid","line_items":[{"sku":"SHIRT-M","quantity":2,"price":"12.50","title":"Shirt"}],
                 "shipping_address":{"name":"Jon Snow","address1":"Hauptstr. 1","zip":"10115","city":"Berlin",
                                     "country_code":"DE"}}""").formatted(createdAt).getBytes(StandardCharsets.UTF_8);
    }

    private static UnaryOperator<String> headers(byte[] body) {
        Map<String, String> headers = Map.of("X-Shopify-Topic", "orders/create", "X-Shopify-Webhook-Id",
                "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", "X-Shopify-Hmac-Sha256",
                ShopWebhooks.sign(Platform.SHOPIFY, SECRET, body));
        return headers::get;
    }
}
