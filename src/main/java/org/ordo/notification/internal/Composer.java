package org.ordo.notification.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ordo.billing.Quote;
import org.ordo.billing.QuoteManagement;
import org.ordo.billing.QuoteSent;
import org.ordo.billing.Seller;
import org.ordo.billing.CreditNoteIssued;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.billing.InvoiceIssued;
import org.ordo.digital.DownloadLinksGranted;
import org.ordo.digital.Entitlement;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderDelayed;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentReminderDue;
import org.ordo.ordering.UnpaidOrderExpired;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Ids;
import org.ordo.platform.TextBundle;
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
    private final PartyManagement parties;
    private final Seller seller;
    private final QuoteManagement quotes;
    private final TrackingTokens tracking;

    /** Kinds that also go out as an SMS (text {@code <key>.sms}) to customers who agreed to SMS. */
    static final Set<MessageKind> SMS_KINDS = EnumSet.of(MessageKind.SHIPPING_NOTICE, MessageKind.DELAY_NOTICE);

    Composer(Messages messages, Templates templates, OrderManagement orders, ShippingManagement shipping,
            NotificationProperties settings, PartyManagement parties, Seller seller, QuoteManagement quotes,
            TrackingTokens tracking) {
        this.messages = messages;
        this.templates = templates;
        this.orders = orders;
        this.shipping = shipping;
        this.settings = settings;
        this.parties = parties;
        this.seller = seller;
        this.quotes = quotes;
        this.tracking = tracking;
    }

    @EventListener
    void on(OrderPlaced placed) {
        OrderView order = placed.order();
        TextBundle.Texts t = templates.in(order.customer().locale());
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
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("invoice", issued.number());
        values.put("total", t.money(order.totals().gross()));
        queue(MessageKind.INVOICE, order, t, values, ":" + issued.number(), issued.documents());
    }

    @EventListener
    void on(CreditNoteIssued issued) {
        OrderView order = orders.require(issued.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("creditNote", issued.number());
        values.put("invoice", issued.invoiceNumber());
        values.put("amount", t.money(issued.gross()));
        queue(MessageKind.CREDIT_NOTE, order, t, values, ":" + issued.number(), issued.documents());
    }

    @EventListener
    void on(ShipmentShipped shipped) {
        OrderView order = orders.require(shipped.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("carrier", carrierName(shipped.carrier()));
        values.put("tracking", shipped.trackingNumber());
        values.put("trackingUrl", shipped.trackingUrl());
        // Where the customer starts a return: the form behind the order's page (as on the packing slip).
        values.put("returnPage", values.get("orderPage") + "/return");
        queue(MessageKind.SHIPPING_NOTICE, order, t, values, ":" + shipped.shipmentId());
    }

    @EventListener
    void on(ShipmentDelivered delivered) {
        OrderView order = orders.require(delivered.orderId());
        Shipment shipment = shipping.requireShipment(delivered.shipmentId());
        TextBundle.Texts t = templates.in(order.customer().locale());
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
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        String base = settings.publicUrl().replaceAll("/+$", "");
        values.put("links", granted.links().stream().map((Entitlement link) -> t.render("download-links.line",
                Map.of("article", link.name(), "url", base + link.url(), "expires", t.date(link.expiresAt()),
                        "downloads", t.number(link.maxDownloads())))).collect(Collectors.joining("\n")));
        queue(MessageKind.DOWNLOAD_LINKS, order, t, values, "");
    }

    @EventListener
    void on(PaymentReminderDue due) {
        OrderView order = orders.require(due.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("due", t.money(due.due()));
        // The statement import books a transfer to the order its reference names.
        values.put("reference", order.number());
        values.put("bankDetails", bankDetails(t));
        queue(MessageKind.PAYMENT_REMINDER, order, t, values, "");
    }

    /** Where to transfer money to: the seller's account, or how to ask for it. */
    String bankDetails(TextBundle.Texts t) {
        return seller.iban() != null && !seller.iban().isBlank()
                ? t.render("payment-reminder.bank", Map.of("holder", nonNull(seller.name()), "iban",
                        seller.iban().trim(), "bic", nonNull(seller.bic())))
                : t.render("payment-reminder.no-bank", Map.of());
    }

    @EventListener
    void on(UnpaidOrderExpired expired) {
        OrderView order = orders.require(expired.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("due", t.money(expired.due()));
        queue(MessageKind.UNPAID_ORDER_CANCELLED, order, t, values, "");
    }

    @EventListener
    void on(OrderDelayed delayed) {
        OrderView order = orders.require(delayed.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = basics(order, t);
        values.put("promised", t.date(delayed.promisedAt()));
        values.put("reason", delayed.backordered().isEmpty() ? t.render("delay-notice.reason.late", Map.of())
                : t.render("delay-notice.reason.backordered", Map.of("articles",
                        String.join(", ", delayed.backordered()))));
        queue(MessageKind.DELAY_NOTICE, order, t, values, "");
    }

    @EventListener
    void on(QuoteSent sent) {
        Quote quote = quotes.require(sent.quoteId());
        TextBundle.Texts t = templates.in(quote.customer().locale());
        Map<String, String> values = new HashMap<>();
        values.put("name", quote.customer().name());
        values.put("quote", quote.number());
        values.put("date", t.date(quote.createdAt()));
        values.put("validUntil", t.date(quote.validUntil()));
        values.put("greeting", t.render("greeting", Map.of("name", quote.customer().name())));
        values.put("closing", t.render("closing", Map.of()));
        values.put("lines", quote.lines().stream().map(line -> t.render("quote.line", Map.of(
                "quantity", t.number(line.quantity()), "article", line.name(), "sku", line.sku(),
                "amount", t.money(line.gross())))).collect(Collectors.joining("\n")));
        values.put("net", t.money(quote.net()));
        values.put("tax", t.money(quote.tax()));
        values.put("total", t.money(quote.gross()));
        MessageKind kind = MessageKind.QUOTE;
        messages.queue(Ids.next(), new Messages.Draft(kind, null, quote.customer().email(),
                t.locale().toLanguageTag(), t.render(kind.key() + ".subject", values),
                t.render(kind.key() + ".body", values), kind.name() + ":" + quote.id() + ":" + sent.sending(), null,
                List.of(sent.documentId())));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.trim();
    }

    /** The values every message about an order has (its page, number, greeting); for the message classes too. */
    Map<String, String> basics(OrderView order, TextBundle.Texts t) {
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

    /** Queues a message about an order, once per kind, order and cause; for the message classes too. */
    void queue(MessageKind kind, OrderView order, TextBundle.Texts t, Map<String, String> values,
            String cause) {
        queue(kind, order, t, values, cause, List.of());
    }

    void queue(MessageKind kind, OrderView order, TextBundle.Texts t, Map<String, String> values,
            String cause, List<UUID> attachments) {
        String subject = t.render(kind.key() + ".subject", values);
        String body = t.render(kind.key() + ".body", values);
        UUID id = Ids.next();
        messages.queue(id, new Messages.Draft(kind, order.id(), order.customer().email(),
                t.locale().toLanguageTag(), subject, body, kind.name() + ":" + order.id() + cause, null,
                attachments));
        if (SMS_KINDS.contains(kind)) {
            parties.findCustomer(order.customer().id())
                    .filter(c -> c.smsConsent() && c.phone() != null && !c.phone().isBlank())
                    .ifPresent(c -> messages.queue(Ids.next(), Messages.SMS, new Messages.Draft(kind, order.id(),
                            c.phone().trim(), t.locale().toLanguageTag(), subject, t.render(kind.key() + ".sms",
                                    values), "SMS:" + kind.name() + ":" + order.id() + cause, null)));
        }
    }
}
