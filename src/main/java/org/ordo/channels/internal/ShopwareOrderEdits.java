package org.ordo.channels.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ordo.platform.Address;
import tools.jackson.databind.JsonNode;

/**
 * Shopware 6's Admin API, the way its administration edits an order: the order's product line items are read;
 * when quantities differ or SKUs are missing, the edit happens in a version of the order
 * ({@code _action/version/order}): line items patched, deleted or added ({@code _action/order/<id>/product/<id>},
 * the product found by its product number), the order recalculated and the version merged. The delivery's
 * shipping address is patched in place. An order that already matches gets no version.
 */
final class ShopwareOrderEdits implements ShopOrderEditor {

    @Override
    public void reportChanged(ShopPlatformClient.Target target, Changed changed) {
        String api = target.apiUrl();
        String bearer = bearer(target);
        String orderId = target.platformOrderId();
        JsonNode items = ShopCalls.ok("GET", api + "/order/" + orderId + "/line-items", null, "Authorization", bearer)
                .json().path("data");
        Map<String, Long> shop = new HashMap<>();
        Map<String, String> itemOfSku = new HashMap<>();
        for (JsonNode item : items) {
            if (!"product".equals(item.path("type").asString("product"))) {
                continue;
            }
            String sku = item.path("payload").path("productNumber").asString("");
            shop.merge(sku, item.path("quantity").asLong(), Long::sum);
            itemOfSku.putIfAbsent(sku, item.path("id").asString());
        }
        Map<String, Long> differ = ShopOrderEditor.differing(shop, changed.quantities());
        if (!differ.isEmpty()) {
            String version = ShopCalls.ok("POST", api + "/_action/version/order/" + orderId, Map.of(),
                    "Authorization", bearer).json().path("versionId").asString();
            String[] inVersion = {"Authorization", bearer, "sw-version-id", version};
            for (Map.Entry<String, Long> wanted : differ.entrySet()) {
                String item = itemOfSku.get(wanted.getKey());
                if (item != null && wanted.getValue() == 0) {
                    ShopCalls.ok("DELETE", api + "/order-line-item/" + item, null, inVersion);
                } else if (item != null) {
                    ShopCalls.ok("PATCH", api + "/order-line-item/" + item, Map.of("quantity", wanted.getValue()),
                            inVersion);
                } else {
                    String product = idOf(api, bearer, "product", "productNumber", wanted.getKey());
                    ShopCalls.ok("POST", api + "/_action/order/" + orderId + "/product/" + product,
                            Map.of("quantity", wanted.getValue()), inVersion);
                }
            }
            ShopCalls.ok("POST", api + "/_action/order/" + orderId + "/recalculate", Map.of(), inVersion);
            ShopCalls.ok("POST", api + "/_action/version/merge/order/" + version, Map.of(), "Authorization", bearer);
        }
        if (changed.shipping() != null && target.deliveryId() != null) {
            String address = ShopCalls.ok("GET", api + "/order-delivery/" + target.deliveryId(), null,
                    "Authorization", bearer).json().path("data").path("shippingOrderAddressId").asString(null);
            if (address == null) {
                throw new ShopPlatformClient.CallFailed("delivery " + target.deliveryId() + " has no shipping address");
            }
            ShopCalls.ok("PATCH", api + "/order-address/" + address, shipping(changed.shipping(),
                    idOf(api, bearer, "country", "iso", changed.shipping().country())), "Authorization", bearer);
        }
    }

    /** The integration's token (client credentials: the API token is {@code <access key>:<secret>}). */
    private static String bearer(ShopPlatformClient.Target target) {
        int colon = target.apiToken().indexOf(':');
        ShopCalls.Answer token = ShopCalls.ok("POST", target.apiUrl() + "/oauth/token", Map.of(
                "grant_type", "client_credentials", "client_id", target.apiToken().substring(0, colon),
                "client_secret", target.apiToken().substring(colon + 1)));
        return "Bearer " + token.json().path("access_token").asString("");
    }

    /** The id of the one {@code entity} whose {@code field} equals {@code value}; none: the call fails. */
    private static String idOf(String api, String bearer, String entity, String field, String value) {
        JsonNode found = ShopCalls.ok("POST", api + "/search/" + entity, Map.of("limit", 1, "filter", List.of(
                Map.of("type", "equals", "field", field, "value", value))), "Authorization", bearer).json().path("data");
        if (found.isEmpty()) {
            throw new ShopPlatformClient.CallFailed("the shop has no " + entity + " with " + field + " " + value);
        }
        return found.get(0).path("id").asString();
    }

    private static Map<String, Object> shipping(Address a, String countryId) {
        String[] name = ShopOrderEditor.firstAndLast(a.name());
        Map<String, Object> shipping = new LinkedHashMap<>();
        shipping.put("firstName", name[0]);
        shipping.put("lastName", name[1]);
        shipping.put("company", ShopOrderEditor.text(a.company()));
        shipping.put("street", ShopOrderEditor.text(a.street()));
        shipping.put("additionalAddressLine1", ShopOrderEditor.text(a.street2()));
        shipping.put("zipcode", ShopOrderEditor.text(a.postalCode()));
        shipping.put("city", ShopOrderEditor.text(a.city()));
        shipping.put("countryId", countryId);
        return shipping;
    }
}
