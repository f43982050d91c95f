package org.ordo.channels.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ordo.platform.Address;
import tools.jackson.databind.JsonNode;

/**
 * WooCommerce's REST API v3: the order is read ({@code GET orders/<id>}), and one update
 * ({@code PUT orders/<id>}) sets the quantities of its line items that differ (0 removes one), adds the SKUs it
 * lacks (their product found by {@code GET products?sku=}) and sets the shipping address; then a private note
 * says which version and why, unless the order has that note already.
 */
final class WooCommerceOrderEdits implements ShopOrderEditor {

    @Override
    public void reportChanged(ShopPlatformClient.Target target, Changed changed) {
        String auth = "Basic " + Base64.getEncoder().encodeToString(target.apiToken().getBytes(StandardCharsets.UTF_8));
        String order = target.apiUrl() + "/orders/" + target.platformOrderId();
        JsonNode current = ShopCalls.ok("GET", order, null, "Authorization", auth).json();
        Map<String, Long> left = new HashMap<>(changed.quantities());
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : current.path("line_items")) {
            String sku = item.path("sku").asString("");
            long wanted = left.getOrDefault(sku, 0L);
            left.remove(sku); // a second item of the same SKU is removed
            if (item.path("quantity").asLong() != wanted) {
                items.add(Map.of("id", item.path("id").asLong(), "quantity", wanted));
            }
        }
        for (Map.Entry<String, Long> added : new java.util.TreeMap<>(left).entrySet()) {
            if (added.getValue() <= 0) {
                continue;
            }
            JsonNode products = ShopCalls.ok("GET", target.apiUrl() + "/products?sku="
                    + java.net.URLEncoder.encode(added.getKey(), StandardCharsets.UTF_8), null, "Authorization", auth)
                    .json();
            if (products.isEmpty()) {
                throw new ShopPlatformClient.CallFailed("SKU " + added.getKey() + " is not a product of the shop");
            }
            items.add(Map.of("product_id", products.get(0).path("id").asLong(), "quantity", added.getValue()));
        }
        Map<String, Object> update = new LinkedHashMap<>();
        if (!items.isEmpty()) {
            update.put("line_items", items);
        }
        if (changed.shipping() != null) {
            update.put("shipping", shipping(changed.shipping()));
        }
        if (!update.isEmpty()) {
            ShopCalls.ok("PUT", order, update, "Authorization", auth);
        }
        JsonNode notes = ShopCalls.ok("GET", order + "/notes", null, "Authorization", auth).json();
        for (JsonNode note : notes) {
            if (changed.note().equals(note.path("note").asString(null))) {
                return; // noted before; the answer to that call was lost
            }
        }
        ShopCalls.ok("POST", order + "/notes", Map.of("note", changed.note(), "customer_note", false),
                "Authorization", auth);
    }

    private static Map<String, Object> shipping(Address a) {
        String[] name = ShopOrderEditor.firstAndLast(a.name());
        Map<String, Object> shipping = new LinkedHashMap<>();
        shipping.put("first_name", name[0]);
        shipping.put("last_name", name[1]);
        shipping.put("company", ShopOrderEditor.text(a.company()));
        shipping.put("address_1", ShopOrderEditor.text(a.street()));
        shipping.put("address_2", ShopOrderEditor.text(a.street2()));
        shipping.put("postcode", ShopOrderEditor.text(a.postalCode()));
        shipping.put("city", ShopOrderEditor.text(a.city()));
        shipping.put("state", ShopOrderEditor.text(a.region()));
        shipping.put("country", ShopOrderEditor.text(a.country()));
        return shipping;
    }
}
