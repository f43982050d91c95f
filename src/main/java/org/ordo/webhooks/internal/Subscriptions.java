package org.ordo.webhooks.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.security.SealedSecrets;
import org.ordo.webhooks.WebhookSubscription;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Receivers' subscriptions; a state change is one conditional statement, so two nodes never both make it. Signing
 * secrets are stored sealed (a database dump does not give them away), opened only to sign a delivery.
 */
@Repository
public class Subscriptions {

    private final JdbcClient jdbc;
    private final SealedSecrets sealed;

    Subscriptions(JdbcClient jdbc, SealedSecrets sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    public void create(UUID id, String url, List<String> events, String description, String secret, Instant now,
            String actor) {
        jdbc.sql("""
                INSERT INTO webhook_subscription (id, url, events, description, secret_sealed, status, created_at,
                                                  created_by)
                VALUES (:id, :url, CAST(:events AS text[]), :description, :secret, 'ACTIVE', :now, :actor)
                """)
                .param("id", id).param("url", url).param("events", "{" + String.join(",", events) + "}")
                .param("description", description).param("secret", sealed.seal(secret)).param("now", Timestamp.from(now))
                .param("actor", actor).update();
    }

    public Optional<WebhookSubscription> find(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE id = :id").param("id", id)
                .query((rs, n) -> subscription(rs)).optional();
    }

    public List<WebhookSubscription> all() {
        return jdbc.sql("SELECT * FROM webhook_subscription ORDER BY created_at, id").query((rs, n) -> subscription(rs))
                .list();
    }

    /** The secret deliveries are signed with. */
    public String secret(UUID id) {
        return jdbc.sql("SELECT secret, secret_sealed FROM webhook_subscription WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getString("secret") != null ? rs.getString("secret")
                        : sealed.open(rs.getBytes("secret_sealed")))
                .single();
    }

    /**
     * Seals the secrets an earlier version kept in clear (V480), once per start; each row in its own conditional
     * statement, so two nodes starting at once seal each once.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void sealClearSecrets() {
        jdbc.sql("SELECT id, secret FROM webhook_subscription WHERE secret IS NOT NULL")
                .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("secret")}).list()
                .forEach(row -> jdbc.sql("""
                        UPDATE webhook_subscription SET secret_sealed = :sealed, secret = NULL
                        WHERE id = :id AND secret IS NOT NULL
                        """).param("sealed", sealed.seal((String) row[1])).param("id", row[0]).update());
    }

    /** Disables an active subscription; false when it is not active (already disabled, or gone). */
    public boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_subscription SET status = 'DISABLED', disabled_at = :now, disabled_reason = :reason
                WHERE id = :id AND status = 'ACTIVE'
                """).param("id", id).param("now", Timestamp.from(now)).param("reason", reason).update() == 1;
    }

    /** Enables a disabled subscription with a clean record of failures; false when it was not disabled. */
    public boolean enable(UUID id) {
        return jdbc.sql("""
                UPDATE webhook_subscription SET status = 'ACTIVE', disabled_at = NULL, disabled_reason = NULL,
                       failing_since = NULL
                WHERE id = :id AND status = 'DISABLED'
                """).param("id", id).update() == 1;
    }

    /** Deletes it with its deliveries and their log. */
    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id").param("id", id).update() == 1;
    }

    /** A delivery got through: the receiver is not failing (any more). */
    public void answered(UUID id) {
        jdbc.sql("UPDATE webhook_subscription SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
                .param("id", id).update();
    }

    /**
     * An attempt failed at {@code now}: the receiver is failing since then unless it already was; disabled when it
     * has been failing since before {@code failingBefore}. True when this call disabled it.
     */
    public boolean failedAndDisabledWhenFailingSince(UUID id, Instant now, Instant failingBefore, String reason) {
        jdbc.sql("UPDATE webhook_subscription SET failing_since = :now WHERE id = :id AND failing_since IS NULL")
                .param("id", id).param("now", Timestamp.from(now)).update();
        return jdbc.sql("""
                UPDATE webhook_subscription SET status = 'DISABLED', disabled_at = :now, disabled_reason = :reason
                WHERE id = :id AND status = 'ACTIVE' AND failing_since <= :before
                """).param("id", id).param("now", Timestamp.from(now)).param("before", Timestamp.from(failingBefore))
                .param("reason", reason).update() == 1;
    }

    private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
        Array events = rs.getArray("events");
        return new WebhookSubscription(rs.getObject("id", UUID.class), rs.getString("url"),
                Arrays.asList((String[]) events.getArray()), rs.getString("description"),
                WebhookSubscription.Status.valueOf(rs.getString("status")), instant(rs, "failing_since"),
                instant(rs, "disabled_at"), rs.getString("disabled_reason"), instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
