package org.ordo.notification.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ordo.billing.Seller;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderView;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Ids;
import org.ordo.platform.TextBundle;
import org.ordo.platform.security.TrackingTokens;
import org.ordo.shipping.Carrier;
import org.ordo.shipping.ShippingManagement;
import org.springframework.stereotype.Component;

/**
 * What every message about an order shares: its basic values (page, number, greeting) and how it is queued. Each
 * message kind is its own class named after it ({@link OrderConfirmation}, {@link ShippingNotice}, …), a plain
 * (synchronous) listener that writes its message into the outbox while the event's transaction is still open, so
 * the message commits or rolls back with the change that caused it (invariant 7 in docs/design.md). Each message
 * has a dedupe key, so an event handled twice queues it once.
 */
@Component
class Composer {

    private final Messages messages;
    private final ShippingManagement shipping;
    private final NotificationProperties settings;
    private final PartyManagement parties;
    private final Seller seller;
    private final TrackingTokens tracking;
    private final org.ordo.billing.ShopProfile shop;

    /** Kinds that also go out as an SMS (text {@code <key>.sms}) to customers who agreed to SMS. */
    static final Set<MessageKind> SMS_KINDS = EnumSet.of(MessageKind.SHIPPING_NOTICE, MessageKind.DELAY_NOTICE);

    Composer(Messages messages, ShippingManagement shipping, NotificationProperties settings, PartyManagement parties,
            Seller seller, TrackingTokens tracking, org.ordo.billing.ShopProfile shop) {
        this.shop = shop;
        this.messages = messages;
        this.shipping = shipping;
        this.settings = settings;
        this.parties = parties;
        this.seller = seller;
        this.tracking = tracking;
    }

    /** Where to transfer money to: the seller's account, or how to ask for it. */
    String bankDetails(TextBundle.Texts t) {
        return seller.iban() != null && !seller.iban().isBlank()
                ? t.render("payment-reminder.bank", Map.of("holder", nonNull(seller.name()), "iban",
                        seller.iban().trim(), "bic", nonNull(seller.bic())))
                : t.render("payment-reminder.no-bank", Map.of());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.trim();
    }

    /** The values every message about an order has (its page, number, greeting); for the message classes too. */
    Map<String, String> basics(OrderView order, TextBundle.Texts t) {
        Map<String, String> values = new HashMap<>();
        // The customer's page of this order (status, parcels, downloads), behind an unguessable token.
        values.put("orderPage", settings.publicUrl() + "/track/" + tracking.token(order.id()));
        values.put("name", order.customer().name());
        values.put("number", order.number());
        values.put("date", t.date(order.createdAt()));
        values.put("greeting", t.render("greeting", Map.of("name", order.customer().name())));
        values.put("closing", closing(t));
        return values;
    }

    /** The end of every mail, signed with the shop's name as an admin set it (docs/back-office.md). */
    String closing(TextBundle.Texts t) {
        return t.render("closing", Map.of("shop", shop.name()));
    }

    /** The carrier's name as customers know it; its code when it is not configured. */
    String carrierName(String code) {
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
        Messages.Draft draft = draft(kind, order, t, values, cause, attachments);
        messages.queue(Ids.next(), draft);
        String subject = draft.subject();
        if (SMS_KINDS.contains(kind)) {
            parties.findCustomer(order.customer().id())
                    .filter(c -> c.smsConsent() && c.phone() != null && !c.phone().isBlank())
                    .ifPresent(c -> messages.queue(Ids.next(), Messages.SMS, new Messages.Draft(kind, order.id(),
                            c.phone().trim(), t.locale().toLanguageTag(), subject, t.render(kind.key() + ".sms",
                                    values), "SMS:" + kind.name() + ":" + order.id() + cause, null)));
        }
    }

    /**
     * Queues the e-mail about an order that this transaction places, written with the transaction's others before
     * its commit ({@link Messages#queueForPlacedOrder}); the same message as {@link #queue} writes at once.
     */
    void queueForPlacedOrder(MessageKind kind, OrderView order, TextBundle.Texts t, Map<String, String> values,
            List<UUID> attachments) {
        messages.queueForPlacedOrder(Ids.next(), draft(kind, order, t, values, "", attachments));
    }

    private static Messages.Draft draft(MessageKind kind, OrderView order, TextBundle.Texts t,
            Map<String, String> values, String cause, List<UUID> attachments) {
        return new Messages.Draft(kind, order.id(), order.customer().email(), t.locale().toLanguageTag(),
                t.render(kind.key() + ".subject", values), t.render(kind.key() + ".body", values),
                kind.name() + ":" + order.id() + cause, null, attachments);
    }
}
