package org.ordo.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins are throttled (see {@link LoginThrottle}): after {@code maxFailures} failures for one user name,
 * or {@code maxFailuresPerAddress} from one client address, logins are refused for {@code lockout}, twice as long
 * after each further failure, at most {@code maxLockout}. Failures are forgotten after {@code forgetAfter} without
 * another one.
 */
@ConfigurationProperties("ordo.security.login")
public record LoginSettings(@DefaultValue("5") int maxFailures, @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("30s") Duration lockout, @DefaultValue("15m") Duration maxLockout,
        @DefaultValue("24h") Duration forgetAfter) {

    public LoginSettings {
        if (maxFailures < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("ordo.security.login.max-failures(-per-address) must be at least 1");
        }
        if (lockout.isNegative() || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("ordo.security.login.max-lockout must be at least lockout");
        }
    }

    /**
     * How long logins are refused after the {@code failures}-th failure in a row, with {@code allowed} failures
     * allowed: none below it, then the lockout doubling with each further failure, capped.
     */
    Duration lockoutAfter(int failures, int allowed) {
        if (failures < allowed) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - allowed, 30);
        Duration window = lockout.multipliedBy(1L << doublings);
        return window.compareTo(maxLockout) > 0 ? maxLockout : window;
    }
}
