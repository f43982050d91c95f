package org.ordo.channels.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Shopify's REST Admin API: the order's fulfillment orders still open are fulfilled in one fulfillment with the
 * tracking information ({@code POST fulfillments.json}). A repeat finds none open and does nothing.
 */
final class ShopifyClient implements ShopPlatformClient {

    /** Fulfillment orders in these states can still be fulfilled. */
    private static final Set<String> OPEN = Set.of("open", "in_progress", "scheduled");

    @Override
    public void reportShipped(Target target, Shipped shipped) {
        String token = target.apiToken();
        JsonNode orders = ShopCalls.ok("GET", target.apiUrl() + "/orders/" + target.platformOrderId()
                + "/fulfillment_orders.json", null, "X-Shopify-Access-Token", token).json();
        List<Map<String, Object>> open = new ArrayList<>();
        for (JsonNode order : orders.path("fulfillment_orders")) {
            if (OPEN.contains(order.path("status").asString(""))) {
                open.add(Map.of("fulfillment_order_id", order.path("id").asLong()));
            }
        }
        if (open.isEmpty()) {
            return; // fulfilled already (by an earlier shipment, a lost answer, or in the shop)
        }
        Map<String, Object> tracking = new LinkedHashMap<>();
        tracking.put("company", shipped.carrier());
        tracking.put("number", shipped.trackingNumber());
        if (shipped.trackingUrl() != null) {
            tracking.put("url", shipped.trackingUrl());
        }
        ShopCalls.ok("POST", target.apiUrl() + "/fulfillments.json", Map.of("fulfillment", Map.of(
                "line_items_by_fulfillment_order", open, "tracking_info", tracking, "notify_customer", true)),
                "X-Shopify-Access-Token", token);
    }
}
