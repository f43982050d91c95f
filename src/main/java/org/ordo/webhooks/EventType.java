package org.ordo.webhooks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The public event types a receiver can subscribe to, each with its schema version: a field may be added within a
 * version, never renamed or removed (then the version goes up). docs/webhooks.md shows each schema.
 */
public enum EventType {
    ORDER_PLACED("order.placed"),
    ORDER_PAID("order.paid"),
    ORDER_RELEASED("order.released"),
    ORDER_SHIPPED("order.shipped"),
    ORDER_DELIVERED("order.delivered"),
    ORDER_CANCELLED("order.cancelled"),
    RETURN_RECEIVED("return.received"),
    STOCK_LOW("stock.low");

    /** The schema version of every type today. */
    public static final int VERSION = 1;

    private final String name;

    EventType(String name) {
        this.name = name;
    }

    /** The name receivers see in {@code type} and subscribe with, e.g. {@code order.shipped}. */
    public String typeName() {
        return name;
    }

    public static Optional<EventType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name.equals(name)).findFirst();
    }
}
