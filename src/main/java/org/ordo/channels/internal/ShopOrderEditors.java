package org.ordo.channels.internal;

import java.util.EnumMap;
import java.util.Map;

import org.ordo.channels.Platform;
import org.springframework.stereotype.Component;

/** The order editor of each platform. */
@Component
public class ShopOrderEditors {

    private final Map<Platform, ShopOrderEditor> editors = new EnumMap<>(Map.of(
            Platform.SHOPIFY, new ShopifyOrderEdits(),
            Platform.WOOCOMMERCE, new WooCommerceOrderEdits(),
            Platform.SHOPWARE, new ShopwareOrderEdits()));

    public ShopOrderEditor of(Platform platform) {
        return editors.get(platform);
    }
}
