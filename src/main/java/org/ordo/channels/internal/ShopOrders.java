package org.ordo.channels.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which Ordo order each shop's order became, and what Ordo needs to report its shipment to the shop. */
@Repository
public class ShopOrders {

    /**
     * @param lineItems the shop's line items by SKU (empty for orders taken before they were kept)
     */
    public record Link(UUID orderId, String channelCode, String platformOrderId, String deliveryId,
            List<LineItem> lineItems) {

        public Link(UUID orderId, String channelCode, String platformOrderId, String deliveryId) {
            this(orderId, channelCode, platformOrderId, deliveryId, List.of());
        }
    }

    /** One of the shop's line items of the order: our SKU and the shop's id of the item. */
    public record LineItem(String sku, String id) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ShopOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the placing transaction; the unique key refuses the same shop order twice. */
    public void link(Link link) {
        jdbc.sql("""
                INSERT INTO shop_order (order_id, channel_code, platform_order_id, delivery_id, line_items)
                VALUES (:order, :channel, :platformOrder, :delivery, CAST(:lines AS jsonb))
                """)
                .param("order", link.orderId()).param("channel", link.channelCode())
                .param("platformOrder", link.platformOrderId()).param("delivery", link.deliveryId())
                .param("lines", link.lineItems().isEmpty() ? null : JSON.writeValueAsString(link.lineItems()))
                .update();
    }

    public Optional<Link> find(UUID orderId) {
        return jdbc.sql("SELECT * FROM shop_order WHERE order_id = :order").param("order", orderId)
                .query((rs, n) -> new Link(rs.getObject("order_id", UUID.class), rs.getString("channel_code"),
                        rs.getString("platform_order_id"), rs.getString("delivery_id"),
                        lineItems(rs.getString("line_items")))).optional();
    }

    private static List<LineItem> lineItems(String json) {
        if (json == null) {
            return List.of();
        }
        List<LineItem> items = new ArrayList<>();
        for (JsonNode item : JSON.readTree(json)) {
            items.add(new LineItem(item.path("sku").asString(null), item.path("id").asString(null)));
        }
        return items;
    }

    public Optional<UUID> orderOf(String channelCode, String platformOrderId) {
        return jdbc.sql("SELECT order_id FROM shop_order WHERE channel_code = :channel AND platform_order_id = :id")
                .param("channel", channelCode).param("id", platformOrderId).query(UUID.class).optional();
    }
}
