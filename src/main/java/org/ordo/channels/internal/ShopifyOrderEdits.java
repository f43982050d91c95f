package org.ordo.channels.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ordo.platform.Address;
import tools.jackson.databind.JsonNode;

/**
 * Shopify: the order is read ({@code GET orders/<id>.json}); quantities that differ and SKUs it lacks go through
 * Shopify's order editing (GraphQL Admin API: {@code orderEditBegin}, {@code orderEditSetQuantity} with restock,
 * {@code orderEditAddVariant} for a variant found by SKU, {@code orderEditCommit} with the staff note, the customer
 * not notified by Shopify, since Ordo mails the customer itself); the shipping address is set by the REST order
 * update ({@code PUT orders/<id>.json}). An order that already matches gets no edit.
 */
final class ShopifyOrderEdits implements ShopOrderEditor {

    @Override
    public void reportChanged(ShopPlatformClient.Target target, Changed changed) {
        String token = target.apiToken();
        String order = target.apiUrl() + "/orders/" + target.platformOrderId() + ".json";
        JsonNode current = ShopCalls.ok("GET", order, null, "X-Shopify-Access-Token", token).json().path("order");
        Map<String, Long> shop = new HashMap<>();
        for (JsonNode item : current.path("line_items")) {
            long quantity = item.has("current_quantity") ? item.path("current_quantity").asLong()
                    : item.path("quantity").asLong();
            shop.merge(item.path("sku").asString(""), quantity, Long::sum);
        }
        Map<String, Long> differ = ShopOrderEditor.differing(shop, changed.quantities());
        if (!differ.isEmpty()) {
            edit(target, changed, shop, differ);
        }
        if (changed.shipping() != null) {
            ShopCalls.ok("PUT", order, Map.of("order", Map.of("id", Long.parseLong(target.platformOrderId()),
                    "shipping_address", shipping(changed.shipping()))), "X-Shopify-Access-Token", token);
        }
    }

    private static void edit(ShopPlatformClient.Target target, Changed changed, Map<String, Long> shop,
            Map<String, Long> differ) {
        JsonNode begun = graphql(target, "orderEditBegin", """
                mutation begin($id: ID!) { orderEditBegin(id: $id) {
                  calculatedOrder { id lineItems(first: 250) { nodes { id sku quantity } } }
                  userErrors { field message } } }""", Map.of("id", "gid://shopify/Order/" + target.platformOrderId()));
        String calculated = begun.path("calculatedOrder").path("id").asString();
        Map<String, String> lineOfSku = new HashMap<>();
        for (JsonNode line : begun.path("calculatedOrder").path("lineItems").path("nodes")) {
            lineOfSku.putIfAbsent(line.path("sku").asString(""), line.path("id").asString());
        }
        for (Map.Entry<String, Long> wanted : differ.entrySet()) {
            String line = lineOfSku.get(wanted.getKey());
            if (shop.containsKey(wanted.getKey()) && line != null) {
                graphql(target, "orderEditSetQuantity", """
                        mutation quantity($id: ID!, $line: ID!, $quantity: Int!) {
                          orderEditSetQuantity(id: $id, lineItemId: $line, quantity: $quantity, restock: true) {
                            userErrors { field message } } }""",
                        Map.of("id", calculated, "line", line, "quantity", wanted.getValue()));
                continue;
            }
            JsonNode variants = graphql(target, "productVariants", """
                    query variant($q: String!) { productVariants(first: 1, query: $q) { nodes { id } } }""",
                    Map.of("q", "sku:\"" + wanted.getKey().replace("\"", "") + "\"")).path("nodes");
            if (variants.isEmpty()) {
                throw new ShopPlatformClient.CallFailed("SKU " + wanted.getKey() + " is not a variant of the shop");
            }
            graphql(target, "orderEditAddVariant", """
                    mutation add($id: ID!, $variant: ID!, $quantity: Int!) {
                      orderEditAddVariant(id: $id, variantId: $variant, quantity: $quantity, allowDuplicates: false) {
                        userErrors { field message } } }""",
                    Map.of("id", calculated, "variant", variants.get(0).path("id").asString(), "quantity",
                            wanted.getValue()));
        }
        graphql(target, "orderEditCommit", """
                mutation commit($id: ID!, $note: String!) {
                  orderEditCommit(id: $id, notifyCustomer: false, staffNote: $note) {
                    order { id } userErrors { field message } } }""", Map.of("id", calculated, "note", changed.note()));
    }

    /** One GraphQL call; errors and user errors throw. Answers the field's result. */
    private static JsonNode graphql(ShopPlatformClient.Target target, String field, String query,
            Map<String, Object> variables) {
        String url = target.apiUrl() + "/graphql.json";
        JsonNode answer = ShopCalls.ok("POST", url, Map.of("query", query, "variables", variables),
                "X-Shopify-Access-Token", target.apiToken()).json();
        if (answer.path("errors").size() > 0) {
            throw new ShopPlatformClient.CallFailed("POST " + url + " " + field + ": " + answer.path("errors"));
        }
        JsonNode result = answer.path("data").path(field);
        if (result.path("userErrors").size() > 0) {
            throw new ShopPlatformClient.CallFailed("POST " + url + " " + field + ": " + result.path("userErrors"));
        }
        return result;
    }

    private static Map<String, Object> shipping(Address a) {
        String[] name = ShopOrderEditor.firstAndLast(a.name());
        Map<String, Object> shipping = new LinkedHashMap<>();
        shipping.put("first_name", name[0]);
        shipping.put("last_name", name[1]);
        shipping.put("company", ShopOrderEditor.text(a.company()));
        shipping.put("address1", ShopOrderEditor.text(a.street()));
        shipping.put("address2", ShopOrderEditor.text(a.street2()));
        shipping.put("zip", ShopOrderEditor.text(a.postalCode()));
        shipping.put("city", ShopOrderEditor.text(a.city()));
        shipping.put("province_code", ShopOrderEditor.text(a.region()));
        shipping.put("country_code", ShopOrderEditor.text(a.country()));
        return shipping;
    }
}
