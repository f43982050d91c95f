package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.platform.Ids;
import org.ordo.platform.TextBundle;
import org.ordo.promise.PromiseManagement;
import org.ordo.promise.ShipmentAtRisk;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The warehouse staff hear once that a promised shipment is at risk: written with the flag, once per shipment. */
@Component
class AtRiskAlertMail {

    private final Messages messages;
    private final Templates templates;
    private final PromiseManagement promises;

    AtRiskAlertMail(Messages messages, Templates templates, PromiseManagement promises) {
        this.messages = messages;
        this.templates = templates;
        this.promises = promises;
    }

    @EventListener
    void on(ShipmentAtRisk risk) {
        promises.alertRecipient().ifPresent(recipient -> {
            TextBundle.Texts t = templates.in(promises.alertLocale());
            Map<String, String> values = Map.of("number", risk.orderNumber() == null ? "-" : risk.orderNumber(),
                    "warehouse", risk.warehouse(), "carrier", risk.carrier(), "service", risk.service(),
                    "shipBy", t.date(risk.shipBy()), "deliverBy", t.date(risk.deliverBy()));
            MessageKind kind = MessageKind.SHIPMENT_AT_RISK;
            messages.queue(Ids.next(), new Messages.Draft(kind, null, recipient, t.locale().toLanguageTag(),
                    t.render(kind.key() + ".subject", values), t.render(kind.key() + ".body", values),
                    kind.name() + ":" + risk.orderId() + ":" + risk.warehouse(), null));
        });
    }
}
