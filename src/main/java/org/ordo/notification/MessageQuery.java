package org.ordo.notification;

import java.util.UUID;

/** A page of messages, newest first: optionally only one status or one order. */
public record MessageQuery(MessageStatus status, UUID orderId, String after, int limit) {
}
