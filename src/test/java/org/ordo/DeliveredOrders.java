package org.ordo;

import static org.ordo.Fixtures.expect;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Orders that reached the customer, made through the real API: placed, paid by bank transfer, picked, packed,
 * shipped and (when asked) delivered, at a location of their own.
 */
public final class DeliveredOrders {

    private final Api api;
    private final Warehouse floor;

    public DeliveredOrders(Api api, Api warehouseApi) {
        this.api = api;
        this.floor = new Warehouse(warehouseApi);
    }

    /** Places and pays an order (lines as sku, quantity, ...) and returns it. */
    public JsonNode placedAndPaid(Object... skuAndQuantity) {
        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", skuAndQuantity)), 201).json();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                "amount", Map.of("amount", order.get("totals").get("gross").get("amount").asString(),
                        "currency", "EUR"))), 201);
        return order;
    }

    /** Picks everything released at the location and ships these lines of the order (line number to units). */
    public JsonNode ship(JsonNode order, String location, Map<Integer, Long> lines) {
        JsonNode pickList = floor.pickListAt(location);
        floor.pickAll(pickList);
        return floor.packAndShip(order.get("id").asString(), location, "DHL", lines);
    }

    /** Ships parcels already picked (a second shipment of the same order). */
    public JsonNode shipPicked(JsonNode order, String location, Map<Integer, Long> lines) {
        return floor.packAndShip(order.get("id").asString(), location, "DHL", lines);
    }

    public void delivered(JsonNode shipment) {
        String body = """
                {"eventId":"%s","carrier":"DHL","trackingNumber":"%s","status":"delivered","at":"%s","description":"scan"}"""
                .formatted(Fixtures.unique("EV"), shipment.get("trackingNumber").asString(), Instant.now());
        expect(api.webhook("/api/v1/shipping/webhooks/tracking", "X-Ordo-Signature", Api.TRACKING_SECRET,
                Instant.now().getEpochSecond(), body), 200);
    }

    /** A paid order of these lines, shipped whole from the location and delivered. */
    public JsonNode delivered(String location, Object... skuAndQuantity) {
        JsonNode order = placedAndPaid(skuAndQuantity);
        Map<Integer, Long> all = new HashMap<>();
        for (int i = 0; i + 1 < skuAndQuantity.length; i += 2) {
            all.put(i / 2 + 1, ((Number) skuAndQuantity[i + 1]).longValue());
        }
        delivered(ship(order, location, all));
        return expect(api.get("/api/v1/orders/" + order.get("id").asString()), 200).json();
    }
}
