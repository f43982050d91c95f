package org.ordo.notification.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ordo.digital.DownloadLinksGranted;
import org.ordo.digital.Entitlement;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Ids;
import org.ordo.platform.security.TrackingTokens;
import org.ordo.shipping.Carrier;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShipmentDelivered;
import org.ordo.shipping.ShipmentShipped;
import org.ordo.shipping.ShippingManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the message for a domain event into the outbox while the event's transaction is still open: plain
 * (synchronous) listeners, so the message commits or rolls back with the change that caused it (invariant 7).
 * Each message has a dedupe key, so an event handled twice queues it once.
 */
@Component
class Composer {

    private final Messages messages;
    private final Templates templates;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final NotificationProperties settings;
    private final TrackingTokens tracking;

    Composer(Messages messages, Templates templates, OrderManagement orders, ShippingManagement shipping,
            NotificationProperties settings, TrackingTokens tracking) {
        this.messages = messages;
        this.templates = templates;
        this.orders = orders;
        this.shipping = shipping;
        this.settings = settings;
        this.tracking = tracking;
    }

    @EventListener
    void on(OrderPlaced placed) {
        OrderView order = orders.require(placed.orderId());
        Templates.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("lines", order.lines().stream().map(line -> t.render("order-confirmation.line", Map.of(
                "quantity", t.number(line.quantity()), "article", line.name(), "sku", line.sku(),
                "amount", t.money(line.gross())))).collect(Collectors.joining("\n")));
        values.put("net", t.money(order.totals().net()));
        values.put("tax", t.money(order.totals().tax()));
        values.put("total", t.money(order.totals().gross()));
        queue(MessageKind.ORDER_CONFIRMATION, order, t, values, "");
    }

    @EventListener
    void on(ShipmentShipped shipped) {
        OrderView order = orders.require(shipped.orderId());
        Templates.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("carrier", carrierName(shipped.carrier()));
        values.put("tracking", shipped.trackingNumber());
        values.put("trackingUrl", shipped.trackingUrl());
        queue(MessageKind.SHIPPING_NOTICE, order, t, values, ":" + shipped.shipmentId());
    }

    @EventListener
    void on(ShipmentDelivered delivered) {
        OrderView order = orders.require(delivered.orderId());
        Shipment shipment = shipping.shipmentsOf(delivered.orderId()).stream()
                .filter(s -> s.id().equals(delivered.shipmentId())).findFirst().orElseThrow();
        Templates.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("carrier", carrierName(shipment.carrier()));
        values.put("tracking", shipment.trackingNumber());
        values.put("trackingUrl", shipment.trackingUrl());
        queue(MessageKind.DELIVERY_NOTICE, order, t, values, ":" + delivered.shipmentId());
    }

    @EventListener
    void on(DownloadLinksGranted granted) {
        if (granted.links().isEmpty()) {
            return;
        }
        OrderView order = orders.require(granted.orderId());
        Templates.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        String base = settings.publicUrl().replaceAll("/+$", "");
        values.put("links", granted.links().stream().map((Entitlement link) -> t.render("download-links.line",
                Map.of("article", link.name(), "url", base + link.url(), "expires", t.date(link.expiresAt()),
                        "downloads", t.number(link.maxDownloads())))).collect(Collectors.joining("\n")));
        queue(MessageKind.DOWNLOAD_LINKS, order, t, values, "");
    }

    private Map<String, String> basics(OrderView order, Templates.Texts t) {
        Map<String, String> values = new HashMap<>();
        // The customer's page of this order (status, parcels, downloads), behind an unguessable token.
        values.put("orderPage", settings.publicUrl().replaceAll("/+$", "") + "/track/" + tracking.token(order.id()));
        values.put("name", order.customer().name());
        values.put("number", order.number());
        values.put("date", t.date(order.createdAt()));
        values.put("greeting", t.render("greeting", Map.of("name", order.customer().name())));
        values.put("closing", t.render("closing", Map.of()));
        return values;
    }

    private String carrierName(String code) {
        return shipping.carriers().stream().filter(c -> c.code().equals(code)).map(Carrier::name).findFirst()
                .orElse(code);
    }

    private void queue(MessageKind kind, OrderView order, Templates.Texts t, Map<String, String> values,
            String cause) {
        String subject = t.render(kind.key() + ".subject", values);
        String body = t.render(kind.key() + ".body", values);
        UUID id = Ids.next();
        messages.queue(id, new Messages.Draft(kind, order.id(), order.customer().email(),
                t.locale().toLanguageTag(), subject, body, kind.name() + ":" + order.id() + cause, null));
    }
}
