package org.ordo.channels;

import java.util.Locale;

/** The shop platforms Ordo takes orders from, each with the header that carries its webhook signature. */
public enum Platform {
    /** {@code orders/create}; base64 HMAC-SHA256 of the body in X-Shopify-Hmac-Sha256 */
    SHOPIFY("X-Shopify-Hmac-Sha256", "Shopify"),
    /** {@code order.created}; base64 HMAC-SHA256 of the body in X-WC-Webhook-Signature */
    WOOCOMMERCE("X-WC-Webhook-Signature", "WooCommerce"),
    /** an app webhook of {@code checkout.order.placed}; hex HMAC-SHA256 of the body in shopware-shop-signature */
    SHOPWARE("shopware-shop-signature", "Shopware");

    private final String signatureHeader;
    private final String displayName;

    Platform(String signatureHeader, String displayName) {
        this.signatureHeader = signatureHeader;
        this.displayName = displayName;
    }

    /** The platform's name as its maker writes it, for texts people read (timeline, review reasons). */
    public String displayName() {
        return displayName;
    }

    public String signatureHeader() {
        return signatureHeader;
    }

    /** The order channel its orders come by (the queue's channel column and filter). */
    public String channel() {
        return name().toLowerCase(Locale.ROOT);
    }
}
