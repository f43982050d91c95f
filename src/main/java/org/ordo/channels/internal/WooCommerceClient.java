package org.ordo.channels.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * WooCommerce's REST API v3: the order is set to {@code completed}, then a note to the customer names the carrier
 * and tracking number. Setting the status again is harmless, so the status goes first.
 */
final class WooCommerceClient implements ShopPlatformClient {

    @Override
    public void reportShipped(Target target, Shipped shipped) {
        String auth = "Basic " + Base64.getEncoder().encodeToString(target.apiToken().getBytes(StandardCharsets.UTF_8));
        String order = target.apiUrl() + "/orders/" + target.platformOrderId();
        ShopCalls.ok("PUT", order, Map.of("status", "completed"), "Authorization", auth);
        String note = "Shipped with " + shipped.carrier() + (shipped.trackingNumber() == null ? ""
                : ", tracking number " + shipped.trackingNumber()) + (shipped.trackingUrl() == null ? ""
                : ": " + shipped.trackingUrl());
        ShopCalls.ok("POST", order + "/notes", Map.of("note", note, "customer_note", true), "Authorization", auth);
    }
}
