package org.ordo.notification.internal;

import java.util.Map;

import org.ordo.notification.MessageKind;
import org.ordo.platform.Ids;
import org.ordo.platform.TextBundle;
import org.ordo.webhooks.WebhookManagement;
import org.ordo.webhooks.WebhookSubscriptionDisabled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The admin hears that a webhook subscription was disabled after a day of failures: written with the disabling. */
@Component
class WebhookDisabledMail {

    private final Messages messages;
    private final Templates templates;
    private final WebhookManagement webhooks;

    WebhookDisabledMail(Messages messages, Templates templates, WebhookManagement webhooks) {
        this.messages = messages;
        this.templates = templates;
        this.webhooks = webhooks;
    }

    @EventListener
    void on(WebhookSubscriptionDisabled disabled) {
        webhooks.alertRecipient().ifPresent(recipient -> {
            TextBundle.Texts t = templates.in(webhooks.alertLocale());
            Map<String, String> values = Map.of("id", disabled.subscriptionId().toString(), "url", disabled.url(),
                    "since", disabled.failingSince() == null ? "-" : disabled.failingSince().toString(),
                    "error", disabled.lastError() == null ? "-" : disabled.lastError());
            MessageKind kind = MessageKind.WEBHOOK_DISABLED;
            messages.queue(Ids.next(), new Messages.Draft(kind, null, recipient, t.locale().toLanguageTag(),
                    t.render(kind.key() + ".subject", values), t.render(kind.key() + ".body", values),
                    kind.name() + ":" + disabled.subscriptionId() + ":" + disabled.failingSince(), null));
        });
    }
}
