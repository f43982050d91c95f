package org.ordo.channels.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which Ordo order each shop's order became, and what Ordo needs to report its shipment to the shop. */
@Repository
public class ShopOrders {

    public record Link(UUID orderId, String channelCode, String platformOrderId, String deliveryId) {
    }

    private final JdbcClient jdbc;

    ShopOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the placing transaction; the unique key refuses the same shop order twice. */
    public void link(Link link) {
        jdbc.sql("""
                INSERT INTO shop_order (order_id, channel_code, platform_order_id, delivery_id)
                VALUES (:order, :channel, :platformOrder, :delivery)
                """)
                .param("order", link.orderId()).param("channel", link.channelCode())
                .param("platformOrder", link.platformOrderId()).param("delivery", link.deliveryId()).update();
    }

    public Optional<Link> find(UUID orderId) {
        return jdbc.sql("SELECT * FROM shop_order WHERE order_id = :order").param("order", orderId)
                .query((rs, n) -> new Link(rs.getObject("order_id", UUID.class), rs.getString("channel_code"),
                        rs.getString("platform_order_id"), rs.getString("delivery_id"))).optional();
    }

    public Optional<UUID> orderOf(String channelCode, String platformOrderId) {
        return jdbc.sql("SELECT order_id FROM shop_order WHERE channel_code = :channel AND platform_order_id = :id")
                .param("channel", channelCode).param("id", platformOrderId).query(UUID.class).optional();
    }
}
