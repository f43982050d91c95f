package org.ordo.webhooks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.ordo.webhooks.internal.Outbox;
import org.ordo.webhooks.internal.ReceiverAddresses;
import org.ordo.webhooks.internal.StandardWebhooks;
import org.ordo.webhooks.internal.SubscribedTypes;
import org.ordo.webhooks.internal.Subscriptions;
import org.ordo.webhooks.internal.WebhookSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receivers' subscriptions to public events, and what was delivered to them. */
@Service
public class WebhookManagement {

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final WebhookSettings settings;
    private final ReceiverAddresses addresses;
    private final Clock clock;
    private final SubscribedTypes subscribed;

    WebhookManagement(Subscriptions subscriptions, Outbox outbox, WebhookSettings settings, Clock clock,
            SubscribedTypes subscribed) {
        this.subscriptions = subscriptions;
        this.subscribed = subscribed;
        this.outbox = outbox;
        this.settings = settings;
        this.addresses = new ReceiverAddresses(settings.allowHttpLocalhost(), settings.allowPrivateNetworks());
        this.clock = clock;
    }

    /**
     * Subscribes a receiver: from now on every event of the chosen types is queued for it. Refuses (422, naming
     * each field) a URL that is not https on a public address, an unknown or repeated event type, a long
     * description. Answers the signing secret, this once.
     */
    @Transactional
    public NewSubscription subscribe(SubscriptionDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft == null) {
            throw new InvalidInputException("url", Wording.of("webhooks.is_required_the_receiver_s_https"));
        }
        Wording urlProblem = addresses.problem(draft.url());
        if (urlProblem != null) {
            errors.add(new FieldError("url", urlProblem));
        }
        Set<String> events = new LinkedHashSet<>();
        if (draft.events() == null || draft.events().isEmpty()) {
            errors.add(new FieldError("events", Wording.of("webhooks.is_required_one_or_more_of", typeNames())));
        } else if (draft.events().size() > SubscriptionDraft.MAX_EVENTS) {
            errors.add(new FieldError("events", Wording.of("webhooks.at_most_each_type_once",
                    SubscriptionDraft.MAX_EVENTS, typeNames())));
        } else {
            for (int i = 0; i < draft.events().size(); i++) {
                String type = draft.events().get(i);
                if (type == null || EventType.named(type).isEmpty()) {
                    errors.add(new FieldError("events[" + i + "]", Wording.of("webhooks.is_not_an_event_type_one",
                            typeNames())));
                } else if (!events.add(type)) {
                    errors.add(new FieldError("events[" + i + "]", Wording.of("webhooks.is_named_twice")));
                }
            }
        }
        String description = draft.description() == null || draft.description().isBlank() ? null
                : draft.description().strip();
        if (description != null && (description.length() > 500 || TextInput.fault(description, false) != null)) {
            errors.add(new FieldError("description", Wording.of("webhooks.must_be_at_most_500_characters")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = Ids.next();
        String secret = StandardWebhooks.newSecret();
        // from its commit on, every event of its types is queued for it, in whichever transaction (SubscribedTypes)
        subscribed.beforeSubscribing();
        subscriptions.create(id, draft.url(), List.copyOf(events), description, secret, clock.instant(),
                Actor.current());
        return new NewSubscription(subscription(id), secret);
    }

    public List<WebhookSubscription> subscriptions() {
        return subscriptions.all();
    }

    public WebhookSubscription subscription(UUID id) {
        return subscriptions.find(id).orElseThrow(() -> new NotFoundException("Webhook subscription", id));
    }

    /** Stops queueing events for it; what is queued waits. Refuses (409) one that is disabled already. */
    @Transactional
    public WebhookSubscription disable(UUID id) {
        subscription(id);
        if (!subscriptions.disable(id, "disabled by " + Actor.current(), clock.instant())) {
            throw new ConflictException("webhook-disabled", "Subscription is disabled",
                    Wording.of("webhooks.webhook_subscription_is_disabled_already", id));
        }
        return subscription(id);
    }

    /**
     * Queues events for it again and sends what waited, in order; its record of failures starts afresh. Refuses
     * (409) one that is active.
     */
    @Transactional
    public WebhookSubscription enable(UUID id) {
        subscription(id);
        subscribed.beforeSubscribing();
        if (!subscriptions.enable(id)) {
            throw new ConflictException("webhook-active", "Subscription is active",
                    Wording.of("webhooks.webhook_subscription_is_active_already", id));
        }
        return subscription(id);
    }

    /** Deletes it with its deliveries and their log; nothing more is sent to it. */
    @Transactional
    public void delete(UUID id) {
        if (!subscriptions.delete(id)) {
            throw new NotFoundException("Webhook subscription", id);
        }
    }

    /** Its deliveries, newest first, at most {@code limit}, without their log. */
    public List<WebhookDelivery> deliveries(UUID subscriptionId, int limit) {
        subscription(subscriptionId);
        return outbox.ofSubscription(subscriptionId, null, limit);
    }

    /** One delivery with every attempt and the receiver's answers. */
    public WebhookDelivery delivery(UUID subscriptionId, UUID deliveryId) {
        return outbox.find(subscriptionId, deliveryId)
                .orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
    }

    /** The body the delivery sends, as signed. */
    public Optional<String> body(UUID subscriptionId, UUID deliveryId) {
        return outbox.body(delivery(subscriptionId, deliveryId).eventId());
    }

    /**
     * Sends a delivery again, now, with the same webhook-id and body (a receiver lost it, or was fixed). Refuses
     * (409) one that is being sent right now.
     */
    @Transactional
    public WebhookDelivery redeliver(UUID subscriptionId, UUID deliveryId) {
        delivery(subscriptionId, deliveryId);
        if (!outbox.requeue(subscriptionId, deliveryId, clock.instant())) {
            throw new ConflictException("webhook-sending", "Delivery is being sent",
                    Wording.of("webhooks.webhook_delivery_is_being_sent_right", deliveryId));
        }
        return delivery(subscriptionId, deliveryId);
    }

    /** Who is mailed when a subscription is disabled after a day of failures (empty: nobody), in which language. */
    public Optional<String> alertRecipient() {
        return settings.alertEmail() == null || settings.alertEmail().isBlank() ? Optional.empty()
                : Optional.of(settings.alertEmail().trim());
    }

    public String alertLocale() {
        return settings.alertLocale();
    }

    private static String typeNames() {
        return String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::typeName).toList());
    }
}
