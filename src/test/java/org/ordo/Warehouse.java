package org.ordo;

import static org.ordo.Fixtures.expect;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The warehouse's side of a story, through the API with a warehouse key: pick lists, picking, packing, shipping. */
public final class Warehouse {

    private final Api api;

    public Warehouse(Api warehouseApi) {
        this.api = warehouseApi;
    }

    public JsonNode pickListAt(String location) {
        return expect(api.post("/api/v1/fulfillment/pick-lists", Map.of("location", location)), 201).json();
    }

    /** Confirms every line of a pick list with its SKU and full quantity. */
    public void pickAll(JsonNode pickList) {
        for (JsonNode line : pickList.get("lines")) {
            expect(api.post("/api/v1/fulfillment/pick-lists/" + pickList.get("id").asString() + "/lines/"
                    + line.get("lineNo").asInt() + "/pick", Map.of("sku", line.get("sku").asString(),
                    "quantity", line.get("quantity").asLong())), 200);
        }
    }

    /** Packs the given order lines (line number to quantity) into one parcel and ships it; returns the shipment. */
    public JsonNode packAndShip(String orderId, String location, String carrier, Map<Integer, Long> items) {
        List<Map<String, Object>> parcelItems = items.entrySet().stream()
                .map(e -> Map.<String, Object>of("lineNo", e.getKey(), "quantity", e.getValue())).toList();
        JsonNode parcels = expect(api.post("/api/v1/fulfillment/orders/" + orderId + "/parcels",
                Map.of("location", location, "parcels", List.of(Map.of("weightGrams", 900, "lengthMm", 300,
                        "widthMm", 200, "heightMm", 100, "items", parcelItems)))), 201).json();
        String parcelId = parcels.get(parcels.size() - 1).get("id").asString();
        return expect(api.post("/api/v1/fulfillment/orders/" + orderId + "/shipments", Map.of("parcels",
                List.of(parcelId), "carrier", carrier, "service", "Paket", "trackingNumber",
                Fixtures.unique("TRK").replace("-", ""))), 201).json();
    }
}
