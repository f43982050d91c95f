package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.platform.Ids;
import org.ordo.platform.TextBundle;
import org.ordo.purchasing.PurchasingManagement;
import org.ordo.purchasing.ReorderPointReached;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The buyers hear once that a SKU fell below its reorder point: written with the alert, once per alert. */
@Component
class ReorderAlertMail {

    private final Messages messages;
    private final Templates templates;
    private final PurchasingManagement purchasing;

    ReorderAlertMail(Messages messages, Templates templates, PurchasingManagement purchasing) {
        this.messages = messages;
        this.templates = templates;
        this.purchasing = purchasing;
    }

    @EventListener
    void on(ReorderPointReached reached) {
        purchasing.alertRecipient().ifPresent(recipient -> {
            TextBundle.Texts t = templates.in(purchasing.alertLocale());
            Map<String, String> values = Map.of("sku", reached.sku(), "location", reached.location(),
                    "position", t.number(reached.position()), "reorderPoint", t.number(reached.reorderPoint()),
                    "quantity", t.number(reached.quantity()), "supplier",
                    reached.supplier() == null ? "-" : reached.supplier());
            MessageKind kind = MessageKind.REORDER_ALERT;
            messages.queue(Ids.next(), new Messages.Draft(kind, null, recipient, t.locale().toLanguageTag(),
                    t.render(kind.key() + ".subject", values), t.render(kind.key() + ".body", values),
                    kind.name() + ":" + reached.alertId(), null));
        });
    }
}
