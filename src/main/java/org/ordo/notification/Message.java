package org.ordo.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to a customer and its delivery state; {@code body} is null in lists. {@code resentFrom} names the
 * message this one copies.
 */
public record Message(UUID id, MessageKind kind, UUID orderId, String channel, String recipient, String locale,
        String subject, String body, MessageStatus status, int attempts, Instant nextAttemptAt, String lastError,
        UUID resentFrom, Instant createdAt, Instant sentAt) {

    public Message withoutBody() {
        return new Message(id, kind, orderId, channel, recipient, locale, subject, null, status, attempts,
                nextAttemptAt, lastError, resentFrom, createdAt, sentAt);
    }
}
