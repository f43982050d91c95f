package org.ordo.notification.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ordo.billing.CreditNoteIssued;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.billing.InvoiceIssued;
import org.ordo.digital.DownloadLinksGranted;
import org.ordo.digital.Entitlement;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Ids;
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

    Composer(Messages messages, Templates templates, OrderManagement orders, ShippingManagement shipping,
            NotificationProperties settings) {
        this.messages = messages;
        this.templates = templates;
        this.orders = orders;
        this.shipping = shipping;
        this.settings = settings;
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
        // The confirmation PDF is rendered after this commits; the dispatcher waits for it (see Dispatcher).
        queue(MessageKind.ORDER_CONFIRMATION, order, t, values, "",
                List.of(DocumentArchive.idOf(DocumentKind.CONFIRMATION, order.number())));
    }

    @EventListener
    void on(InvoiceIssued issued) {
        OrderView order = orders.require(issued.orderId());
        Templates.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("invoice", issued.number());
        values.put("total", t.money(order.totals().gross()));
        queue(MessageKind.INVOICE, order, t, values, ":" + issued.number(), issued.documents());
    }

    @EventListener
    void on(CreditNoteIssued issued) {
        OrderView order = orders.require(issued.orderId());
        Templates.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("creditNote", issued.number());
        values.put("invoice", issued.invoiceNumber());
        values.put("amount", t.money(issued.gross()));
        queue(MessageKind.CREDIT_NOTE, order, t, values, ":" + issued.number(), issued.documents());
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

    private static Map<String, String> basics(OrderView order, Templates.Texts t) {
        Map<String, String> values = new HashMap<>();
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
        queue(kind, order, t, values, cause, List.of());
    }

    private void queue(MessageKind kind, OrderView order, Templates.Texts t, Map<String, String> values,
            String cause, List<UUID> attachments) {
        String subject = t.render(kind.key() + ".subject", values);
        String body = t.render(kind.key() + ".body", values);
        UUID id = Ids.next();
        messages.queue(id, new Messages.Draft(kind, order.id(), order.customer().email(),
                t.locale().toLanguageTag(), subject, body, kind.name() + ":" + order.id() + cause, null,
                attachments));
    }
}
