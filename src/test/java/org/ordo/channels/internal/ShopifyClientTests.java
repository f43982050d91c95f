package org.ordo.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which fulfillment-order line items a shipment fulfils at Shopify. */
class ShopifyClientTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Two fulfillment orders (two Shopify locations); line item 11 is shirts, 12 socks. */
    static final String ORDERS = """
            {"fulfillment_orders":[
              {"id":1,"status":"open","line_items":[
                {"id":101,"line_item_id":11,"quantity":2,"fulfillable_quantity":1},
                {"id":102,"line_item_id":12,"quantity":1,"fulfillable_quantity":1}]},
              {"id":2,"status":"open","line_items":[
                {"id":201,"line_item_id":11,"quantity":2,"fulfillable_quantity":2}]},
              {"id":3,"status":"closed","line_items":[
                {"id":301,"line_item_id":11,"quantity":5,"fulfillable_quantity":5}]}]}
            """;

    static final List<ShopOrders.LineItem> ITEMS = List.of(new ShopOrders.LineItem("SHIRT", "11"),
            new ShopOrders.LineItem("SOCKS", "12"));

    @Test
    void aPartialShipmentFulfilsOnlyItsOwnQuantitiesAcrossTheOpenFulfillmentOrders() {
        var items = ShopifyClient.items(JSON.readTree(ORDERS), new ShopPlatformClient.Target("u", "t", "9", null,
                ITEMS), new ShopPlatformClient.Shipped("DHL", "T1", null, Map.of("SHIRT", 2L)));
        assertThat(items).containsExactly(
                Map.of("fulfillment_order_id", 1L, "fulfillment_order_line_items", List.of(Map.of("id", 101L,
                        "quantity", 1L))),
                Map.of("fulfillment_order_id", 2L, "fulfillment_order_line_items", List.of(Map.of("id", 201L,
                        "quantity", 1L))));
    }

    @Test
    void nothingLeftToFulfilIsNothingAndAnOrderWithoutKnownLineItemsFulfilsEveryOpenOrderWhole() {
        assertThat(ShopifyClient.items(JSON.readTree(ORDERS), new ShopPlatformClient.Target("u", "t", "9", null,
                ITEMS), new ShopPlatformClient.Shipped("DHL", "T1", null, Map.of("BELT", 1L)))).isEmpty();
        assertThat(ShopifyClient.items(JSON.readTree(ORDERS), new ShopPlatformClient.Target("u", "t", "9", null,
                List.of()), new ShopPlatformClient.Shipped("DHL", "T1", null, Map.of("SHIRT", 1L))))
                .containsExactly(Map.of("fulfillment_order_id", 1L), Map.of("fulfillment_order_id", 2L));
    }

    @Test
    void aFulfillmentWithTheTrackingNumberIsAReportSentBefore() {
        assertThat(ShopifyClient.reportedBefore(JSON.readTree("""
                {"fulfillments":[{"tracking_number":"A"},{"tracking_numbers":["B","C"]}]}"""), "C")).isTrue();
        assertThat(ShopifyClient.reportedBefore(JSON.readTree("{\"fulfillments\":[]}"), "C")).isFalse();
    }
}
