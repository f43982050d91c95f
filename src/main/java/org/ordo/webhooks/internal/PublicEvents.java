package org.ordo.webhooks.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.ordo.ordering.OrderCancelled;
import org.ordo.ordering.OrderPaid;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderReleased;
import org.ordo.platform.Ids;
import org.ordo.platform.Money;
import org.ordo.purchasing.ReorderPointReached;
import org.ordo.returns.ReturnReceived;
import org.ordo.shipping.ShipmentDelivered;
import org.ordo.shipping.ShipmentShipped;
import org.ordo.webhooks.EventType;
import org.ordo.webhooks.PublicEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the public events from the modules' events, in the transaction that published them: a delivery is written
 * with its cause (invariant 7 in docs/design.md), and the deliveries of one order are numbered in the order their
 * changes committed, which is the order receivers get them in. Each public event is published too, for Kafka.
 * The field names here are the documented schema (docs/webhooks.md): add fields, never rename or remove one
 * without a new version.
 *
 * <p>An event no active subscription wants, with Kafka not configured, is not made at all: its data is neither
 * gathered nor converted to JSON, and nothing is published (docs/benchmarks.md, P4). Which types are wanted is read
 * once per transaction ({@link SubscribedTypes}), never cached across transactions, so a subscription created or
 * enabled on another node is seen by every transaction that starts after it committed.
 */
@Component
class PublicEvents {

    private final Outbox outbox;
    private final SubscribedTypes subscribed;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    /** With Kafka configured every public event is published for it, wanted by a subscription or not. */
    private final boolean kafka;

    PublicEvents(Outbox outbox, SubscribedTypes subscribed, ApplicationEventPublisher events, JsonMapper json,
            Clock clock, Environment environment) {
        this.kafka = KafkaWhenConfigured.configured(environment);
        this.outbox = outbox;
        this.subscribed = subscribed;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(OrderPlaced placed) {
        publish(EventType.ORDER_PLACED, () -> {
            List<Map<String, Object>> lines = placed.order() == null ? List.of() : placed.order().lines().stream()
                    .map(l -> fields("lineNo", l.lineNo(), "sku", l.sku(), "quantity", l.quantity())).toList();
            return fields("orderId", placed.orderId(), "number", placed.number(), "channel", placed.channel(),
                    "externalReference", placed.order() == null ? null : placed.order().externalRef(),
                    "customerId", placed.customerId(), "total", money(placed.total()), "backordered",
                    placed.backordered(), "lines", lines);
        });
    }

    @EventListener
    void on(OrderPaid paid) {
        publish(EventType.ORDER_PAID, () -> fields("orderId", paid.orderId(), "number", paid.number()));
    }

    @EventListener
    void on(OrderReleased released) {
        publish(EventType.ORDER_RELEASED, () -> fields("orderId", released.orderId(), "number", released.number()));
    }

    @EventListener
    void on(ShipmentShipped shipped) {
        publish(EventType.ORDER_SHIPPED, () -> fields("orderId", shipped.orderId(), "shipmentId", shipped.shipmentId(),
                "carrier", shipped.carrier(), "trackingNumber", shipped.trackingNumber(), "trackingUrl",
                shipped.trackingUrl(), "shippedAt", shipped.shippedAt()));
    }

    @EventListener
    void on(ShipmentDelivered delivered) {
        publish(EventType.ORDER_DELIVERED, () -> fields("orderId", delivered.orderId(), "shipmentId",
                delivered.shipmentId()));
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        publish(EventType.ORDER_CANCELLED, () -> fields("orderId", cancelled.orderId(), "number", cancelled.number(),
                "reason", cancelled.reason()));
    }

    @EventListener
    void on(ReturnReceived received) {
        publish(EventType.RETURN_RECEIVED, () -> fields("orderId", received.orderId(), "returnId", received.returnId(),
                "returnNumber", received.number()));
    }

    @EventListener
    void on(ReorderPointReached reached) {
        publish(EventType.STOCK_LOW, () -> fields("sku", reached.sku(), "location", reached.location(), "position",
                reached.position(), "reorderPoint", reached.reorderPoint()));
    }

    private void publish(EventType type, Supplier<Map<String, Object>> data) {
        // an event no subscription wants is not written (once per transaction it is asked which are wanted), and
        // without Kafka not made either
        boolean wanted = subscribed.wanted(type.typeName());
        if (!wanted && !kafka) {
            return;
        }
        // ids, instants and numbers as JSON has them, so that the registry's copy for Kafka reads back the same
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = json.convertValue(data.get(), LinkedHashMap.class);
        PublicEvent event = new PublicEvent(Ids.next(), type.typeName(), EventType.VERSION, clock.instant(), plain);
        if (wanted) {
            outbox.enqueue(event.id(), event.type(), event.orderingKey(), json.writeValueAsString(event),
                    event.timestamp());
        }
        events.publishEvent(event);
    }

    private static Map<String, Object> money(Money money) {
        return money == null ? null : fields("amount", money.amount().toPlainString(), "currency", money.currency());
    }

    /** Fields in the order given (the documented order), nulls kept: a receiver sees every field of the schema. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
