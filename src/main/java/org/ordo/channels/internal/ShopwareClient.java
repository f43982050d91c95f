package org.ordo.channels.internal;

import java.util.List;
import java.util.Map;

/**
 * Shopware 6's Admin API: a token for the integration (client credentials), the tracking code on the order
 * delivery, then the delivery's state transition {@code ship}. A repeat finds the delivery shipped: Shopware
 * refuses the transition as illegal, which counts as done.
 */
final class ShopwareClient implements ShopPlatformClient {

    @Override
    public void reportShipped(Target target, Shipped shipped) {
        if (target.deliveryId() == null) {
            throw new CallFailed("the order came without a delivery: nothing to move to shipped");
        }
        int colon = target.apiToken().indexOf(':');
        ShopCalls.Answer token = ShopCalls.ok("POST", target.apiUrl() + "/oauth/token", Map.of(
                "grant_type", "client_credentials", "client_id", target.apiToken().substring(0, colon),
                "client_secret", target.apiToken().substring(colon + 1)));
        String bearer = "Bearer " + token.json().path("access_token").asString("");
        String delivery = target.apiUrl() + "/order-delivery/" + target.deliveryId();
        if (shipped.trackingNumber() != null) {
            ShopCalls.ok("PATCH", delivery, Map.of("trackingCodes", List.of(shipped.trackingNumber())),
                    "Authorization", bearer);
        }
        String transition = target.apiUrl() + "/_action/order_delivery/" + target.deliveryId() + "/state/ship";
        ShopCalls.Answer moved = ShopCalls.send("POST", transition, Map.of(), "Authorization", bearer);
        if (moved.status() / 100 != 2 && !(moved.status() == 400 && moved.body() != null
                && moved.body().contains("ILLEGAL_STATE_TRANSITION"))) {
            throw ShopCalls.failed("POST", transition, moved);
        }
    }
}
