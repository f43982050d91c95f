package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.intake.ReviewEntryRejected;
import org.ordo.notification.MessageKind;
import org.ordo.party.Customer;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Ids;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the sender of a rejected review entry why, when the agent asked for it: written in the transaction of the
 * rejection (invariant 7 in docs/design.md), once per entry, in the language of the customer with that address
 * (English for an unknown sender).
 */
@Component
class ReviewRejectionNotice {

    private final Messages messages;
    private final Templates templates;
    private final PartyManagement parties;
    private final org.ordo.billing.ShopProfile shop;

    ReviewRejectionNotice(Messages messages, Templates templates, PartyManagement parties,
            org.ordo.billing.ShopProfile shop) {
        this.messages = messages;
        this.templates = templates;
        this.parties = parties;
        this.shop = shop;
    }

    @EventListener
    void on(ReviewEntryRejected rejected) {
        if (!rejected.notifySender() || rejected.sender() == null) {
            return;
        }
        String locale = parties.findCustomerByEmail(rejected.sender()).map(Customer::locale).orElse("en");
        TextBundle.Texts t = templates.in(locale);
        Map<String, String> values = Map.of("reason", rejected.reason(), "shop", shop.name());
        MessageKind kind = MessageKind.REVIEW_REJECTED;
        messages.queue(Ids.next(), new Messages.Draft(kind, null, rejected.sender(), t.locale().toLanguageTag(),
                t.render(kind.key() + ".subject", values), t.render(kind.key() + ".body", values),
                kind.name() + ":" + rejected.entryId(), null));
    }
}
