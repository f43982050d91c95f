package org.ordo.notification;

/**
 * Where a message is: {@code QUEUED} waits for its next attempt, {@code SENDING} is claimed by one dispatcher,
 * {@code SENT} was accepted by the SMTP server (or SMS gateway), {@code FAILED} gave up after the last attempt (or
 * the gateway refused it), {@code KEPT} was not sent because no SMTP server (or SMS gateway) is configured (read
 * it in the API).
 */
public enum MessageStatus {
    QUEUED, SENDING, SENT, FAILED, KEPT;

    public static MessageStatus parse(String value) {
        for (MessageStatus s : values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }
}
