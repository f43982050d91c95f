package org.ordo.ordering;

import java.util.List;
import java.util.UUID;

import org.ordo.platform.Money;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Event: an order was accepted and its stock reserved or backordered. {@code skus} are the distinct SKUs of its
 * lines. {@code order} is the order as placed, read in the placing transaction before the placement rules
 * (automatic holds, release) ran, so that the listeners in that transaction need not read it again; it is not
 * written into the stored event publication (listeners after the commit get ids and SKUs, and read what they need):
 * the whole order there cost about 2 KB per placed order and a hash of it (docs/benchmarks.md, "The write path").
 * A publication stored before this change still carries the order and is read with it.
 */
public record OrderPlaced(UUID orderId, String number, String channel, UUID customerId, Money total,
        boolean backordered, List<String> skus,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) OrderView order) {

    /** The event of a placed order, its SKUs taken from the order's lines. */
    public OrderPlaced(UUID orderId, String number, String channel, UUID customerId, Money total,
            boolean backordered, OrderView order) {
        this(orderId, number, channel, customerId, total, backordered,
                order.lines().stream().map(OrderView.Line::sku).distinct().toList(), order);
    }

    /** The distinct SKUs ordered; from the order for a publication stored before events carried them. */
    public List<String> orderedSkus() {
        if (skus != null) {
            return skus;
        }
        return order == null ? List.of() : order.lines().stream().map(OrderView.Line::sku).distinct().toList();
    }
}
