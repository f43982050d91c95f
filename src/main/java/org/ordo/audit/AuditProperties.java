package org.ordo.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the invariant checker.
 *
 * @param stuckAfter an event publication still incomplete after this long counts as stuck
 * @param messageStuckAfter a message to a customer still undelivered (queued, retrying or being sent) this long
 *        after it was queued counts as stuck: with the default retries it has long gone out or FAILED by then
 */
@ConfigurationProperties("ordo.audit")
record AuditProperties(@DefaultValue("15m") Duration stuckAfter, @DefaultValue("1h") Duration messageStuckAfter) {
}
