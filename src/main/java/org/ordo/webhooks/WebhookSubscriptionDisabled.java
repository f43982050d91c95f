package org.ordo.webhooks;

import java.time.Instant;
import java.util.UUID;

/** Event: a subscription was disabled because its receiver failed every attempt for a day; the admin is told. */
public record WebhookSubscriptionDisabled(UUID subscriptionId, String url, Instant failingSince, String lastError) {
}
