package org.ordo.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing at the login form. Failures are counted per user name and per client address in
 * PostgreSQL (table {@code login_failure}), so every node sees the same counts. Past the allowed number, logins for
 * that name or from that address are refused without looking at the password (the right one too) for a window
 * that doubles with each further failure ({@link LoginSettings}). Failures and refusals are logged and written to
 * the {@link SecurityAuditLog}.
 * <p>
 * A successful login forgets the failures of its user name, not those of its address: otherwise a guesser with one
 * account of their own could reset their address's count at will.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final LoginSettings settings;
    private final Clock clock;
    private final SecurityAuditLog audit;

    LoginThrottle(JdbcClient jdbc, LoginSettings settings, Clock clock, SecurityAuditLog audit) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /** A login refused because of too many failures; it names the moment from which logins are taken again. */
    public static final class LoginThrottledException extends AccountStatusException {

        private final transient Instant until;

        LoginThrottledException(Instant until) {
            super("Too many failed logins: try again after " + until);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    /**
     * The form login's provider wrapped in the throttle: refused while locked, failures counted, a success clears
     * its user name's failures.
     */
    public AuthenticationProvider protect(AuthenticationProvider provider) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String name = userKey(attempt.getName());
                String address = attempt.getDetails() instanceof WebAuthenticationDetails web
                        ? web.getRemoteAddress() : null;
                Optional<Instant> locked = lockedUntil(name, address);
                if (locked.isPresent()) {
                    log.warn("Login as {} from {} refused until {}: too many failed logins", name, address,
                            locked.get());
                    audit.recordRefusal(SecurityEventKind.LOGIN_THROTTLED, "user:" + name,
                            "refused until " + locked.get());
                    throw new LoginThrottledException(locked.get());
                }
                Authentication result;
                try {
                    result = provider.authenticate(attempt);
                } catch (BadCredentialsException | AccountStatusException e) {
                    failed(name, address);
                    throw e;
                }
                if (result != null) {
                    succeeded(name);
                }
                return result;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return provider.supports(authentication);
            }
        };
    }

    /** Until when logins for this user name or from this address are refused; empty when they are not. */
    public Optional<Instant> lockedUntil(String username, String address) {
        return jdbc.sql("""
                SELECT locked_until FROM login_failure
                WHERE throttle_key IN (:keys) AND locked_until > :now
                ORDER BY locked_until DESC LIMIT 1
                """)
                .param("keys", keys(userKey(username), address)).param("now", Timestamp.from(clock.instant()))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Counts a failed login for the name and the address, and locks either once past its allowance. Deletes the
     * rows whose failures are forgotten and whose lock is over, so that made-up names do not pile up.
     */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        jdbc.sql("""
                DELETE FROM login_failure
                WHERE last_failure_at < :forgotten AND (locked_until IS NULL OR locked_until < :now)
                """)
                .param("forgotten", Timestamp.from(now.minus(settings.forgetAfter())))
                .param("now", Timestamp.from(now)).update();
        String name = userKey(username);
        int forName = count("user:" + name, settings.maxFailures());
        int forAddress = address == null ? 0 : count("address:" + address, settings.maxFailuresPerAddress());
        log.info("Failed login as {} from {} ({} failures for the name, {} from the address)", name, address,
                forName, forAddress);
        audit.recordRefusal(SecurityEventKind.LOGIN_FAILED, "user:" + name,
                forName + " failures for the name, " + forAddress + " from the address");
    }

    /** Forgets the failures of a user name after a successful login. */
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failure WHERE throttle_key = :key").param("key", "user:" + userKey(username))
                .update();
    }

    /** Adds one failure (starting again when the last one is long ago) and locks the key when past the allowance. */
    private int count(String key, int allowed) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                INSERT INTO login_failure (throttle_key, failures, last_failure_at) VALUES (:key, 1, :now)
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN login_failure.last_failure_at < :forgotten THEN 1
                                    ELSE login_failure.failures + 1 END,
                    locked_until = CASE WHEN login_failure.last_failure_at < :forgotten THEN NULL
                                        ELSE login_failure.locked_until END,
                    last_failure_at = :now
                RETURNING failures
                """)
                .param("key", key).param("now", Timestamp.from(now))
                .param("forgotten", Timestamp.from(now.minus(settings.forgetAfter())))
                .query(Integer.class).single();
        Duration lockout = settings.lockoutAfter(failures, allowed);
        if (!lockout.isZero()) {
            jdbc.sql("""
                    UPDATE login_failure SET locked_until = GREATEST(locked_until, :until) WHERE throttle_key = :key
                    """)
                    .param("key", key).param("until", Timestamp.from(now.plus(lockout))).update();
        }
        return failures;
    }

    private static List<String> keys(String name, String address) {
        return address == null ? List.of("user:" + name) : List.of("user:" + name, "address:" + address);
    }

    /** User names are stored in lower case; a name longer than any user's is cut, so it cannot bloat the table. */
    private static String userKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return name.length() > 60 ? name.substring(0, 60) : name;
    }
}
