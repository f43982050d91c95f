package org.ordo.channels.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Shopify's REST Admin API: a shipment becomes one fulfillment with its tracking information
 * ({@code POST fulfillments.json}) of exactly the fulfillment-order line items it holds, matched by the order's
 * line items of the shipped SKUs: a second partial shipment fulfils the rest, not nothing. A repeat is recognised by
 * its tracking number among the order's fulfillments and does nothing. Orders taken before their line items were
 * kept, and shipments without quantities, fulfil every open fulfillment order whole, as before.
 */
final class ShopifyClient implements ShopPlatformClient {

    /** Fulfillment orders in these states can still be fulfilled. */
    private static final Set<String> OPEN = Set.of("open", "in_progress", "scheduled");

    @Override
    public void reportShipped(Target target, Shipped shipped) {
        String token = target.apiToken();
        String order = target.apiUrl() + "/orders/" + target.platformOrderId();
        if (shipped.trackingNumber() != null && reportedBefore(ShopCalls.ok("GET", order + "/fulfillments.json",
                null, "X-Shopify-Access-Token", token).json(), shipped.trackingNumber())) {
            return; // the answer to the first call was lost; Shopify has it
        }
        JsonNode orders = ShopCalls.ok("GET", order + "/fulfillment_orders.json", null, "X-Shopify-Access-Token",
                token).json();
        List<Map<String, Object>> fulfil = items(orders, target, shipped);
        if (fulfil.isEmpty()) {
            return; // fulfilled already (by an earlier shipment, a lost answer, or in the shop)
        }
        Map<String, Object> tracking = new LinkedHashMap<>();
        tracking.put("company", shipped.carrier());
        tracking.put("number", shipped.trackingNumber());
        if (shipped.trackingUrl() != null) {
            tracking.put("url", shipped.trackingUrl());
        }
        ShopCalls.ok("POST", target.apiUrl() + "/fulfillments.json", Map.of("fulfillment", Map.of(
                "line_items_by_fulfillment_order", fulfil, "tracking_info", tracking, "notify_customer", true)),
                "X-Shopify-Access-Token", token);
    }

    /** True when one of the order's fulfillments carries this tracking number. */
    static boolean reportedBefore(JsonNode fulfillments, String trackingNumber) {
        for (JsonNode fulfillment : fulfillments.path("fulfillments")) {
            if (trackingNumber.equals(fulfillment.path("tracking_number").asString(null))) {
                return true;
            }
            for (JsonNode number : fulfillment.path("tracking_numbers")) {
                if (trackingNumber.equals(number.asString(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The fulfillment-order line items this shipment holds, by fulfillment order: each shipped SKU's quantity taken
     * from the open items of the order's line items of that SKU, as far as they are still fulfillable.
     */
    static List<Map<String, Object>> items(JsonNode fulfillmentOrders, Target target, Shipped shipped) {
        boolean partial = !target.lineItems().isEmpty() && shipped.quantities() != null
                && !shipped.quantities().isEmpty();
        Map<String, String> skuOfLine = new HashMap<>();
        target.lineItems().forEach(item -> skuOfLine.put(item.id(), item.sku()));
        Map<String, Long> left = partial ? new HashMap<>(shipped.quantities()) : Map.of();
        List<Map<String, Object>> fulfil = new ArrayList<>();
        for (JsonNode fulfillmentOrder : fulfillmentOrders.path("fulfillment_orders")) {
            if (!OPEN.contains(fulfillmentOrder.path("status").asString(""))) {
                continue;
            }
            long id = fulfillmentOrder.path("id").asLong();
            if (!partial || !fulfillmentOrder.path("line_items").isArray()) {
                fulfil.add(Map.of("fulfillment_order_id", id));
                continue;
            }
            List<Map<String, Object>> lines = new ArrayList<>();
            for (JsonNode item : fulfillmentOrder.path("line_items")) {
                String sku = skuOfLine.get(item.path("line_item_id").asString(""));
                long wanted = sku == null ? 0 : left.getOrDefault(sku, 0L);
                long quantity = Math.min(wanted, item.path("fulfillable_quantity").asLong(0));
                if (quantity > 0) {
                    lines.add(Map.of("id", item.path("id").asLong(), "quantity", quantity));
                    left.put(sku, wanted - quantity);
                }
            }
            if (!lines.isEmpty()) {
                fulfil.add(Map.of("fulfillment_order_id", id, "fulfillment_order_line_items", lines));
            }
        }
        return fulfil;
    }
}
