package org.ordo.channels.internal;

import java.util.EnumMap;
import java.util.Map;

import org.ordo.channels.Platform;
import org.springframework.stereotype.Component;

/** The client for each platform. */
@Component
public class ShopPlatformClients {

    private final Map<Platform, ShopPlatformClient> clients = new EnumMap<>(Map.of(
            Platform.SHOPIFY, new ShopifyClient(),
            Platform.WOOCOMMERCE, new WooCommerceClient(),
            Platform.SHOPWARE, new ShopwareClient()));

    public ShopPlatformClient of(Platform platform) {
        return clients.get(platform);
    }
}
