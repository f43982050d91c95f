package org.ordo.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the invariant checker.
 *
 * @param stuckAfter an event publication still incomplete after this long counts as stuck
 */
@ConfigurationProperties("ordo.audit")
record AuditProperties(@DefaultValue("15m") Duration stuckAfter) {
}
