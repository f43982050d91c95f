package org.ordo.notification.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.ordo.platform.RetryBackOff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of customer messages (see application.properties and docs/configuration.md).
 *
 * @param smtp the mail server; a blank host means none: messages are kept, not sent
 * @param templateDir a folder whose template files win over the built-in ones; null: {@code <data dir>/templates}
 * @param publicUrl where customers reach this server (download links in mails), kept without trailing slashes
 * @param batchSize how many messages one dispatcher claims at a time
 * @param maxAttempts after this many failed attempts a message is FAILED
 * @param firstRetryAfter the wait after the first failure; it doubles with each further failure
 * @param maxRetryAfter the longest wait between attempts
 * @param lease a message claimed (SENDING) for longer than this is claimed again: its node died mid-send
 */
@ConfigurationProperties("ordo.notification")
public record NotificationProperties(
        @DefaultValue Smtp smtp,
        Path templateDir,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("20") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT2S") Duration firstRetryAfter,
        @DefaultValue("PT1H") Duration maxRetryAfter,
        @DefaultValue("PT5M") Duration lease) {

    public NotificationProperties {
        // links are this and a path: trimmed once here, not for every message
        publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }

    public record Smtp(String host, @DefaultValue("587") int port, String user, String password,
            @DefaultValue("orders@localhost") String from, @DefaultValue("PT30S") Duration timeout) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /** The wait before the next attempt after {@code attempts} failed ones: doubling, capped. */
    public Duration retryAfter(int attempts) {
        return new RetryBackOff(firstRetryAfter, maxRetryAfter).after(attempts);
    }
}
