package org.ordo.webhooks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.Ids;
import org.ordo.webhooks.WebhookDelivery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of webhook deliveries, claimed and settled as the other outboxes are (EDI messages, mails): a round
 * claims due rows in one statement, skipping rows another node holds and taking back those whose lease ran out;
 * each outcome is conditional on the claim. One rule is webhooks' own: a delivery is not due while an earlier one
 * of the same subscription and key (the order) is undelivered, so a receiver hears of an order's events in order.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed delivery: what to send where, and the claim that must still hold when the outcome is told. */
    public record Claimed(UUID id, UUID subscriptionId, String url, UUID eventId, String body, int attempts,
            UUID claim) {
    }

    /**
     * Writes the event once and a delivery for every active subscription to its type, in the caller's transaction;
     * nothing when no subscription wants it. Answers how many deliveries were queued.
     */
    public int enqueue(UUID eventId, String type, String orderingKey, String body, Instant now) {
        return jdbc.sql("""
                WITH subscribers AS (
                    SELECT id FROM webhook_subscription WHERE status = 'ACTIVE' AND :type = ANY (events)),
                event AS (
                    INSERT INTO webhook_event (id, type, ordering_key, body, created_at)
                    SELECT :event, :type, :key, :body, :now WHERE EXISTS (SELECT 1 FROM subscribers)
                    RETURNING id)
                INSERT INTO webhook_delivery (id, subscription_id, event_id, ordering_key, status, next_attempt_at,
                                              created_at)
                SELECT gen_random_uuid(), s.id, e.id, :key, 'PENDING', :now, :now
                FROM subscribers s CROSS JOIN event e
                ORDER BY s.id
                """)
                .param("event", eventId).param("type", type).param("key", orderingKey).param("body", body)
                .param("now", Timestamp.from(now)).update();
    }

    public List<Claimed> claimDue(Instant now, int limit, Duration lease) {
        UUID claim = Ids.next();
        return jdbc.sql("""
                WITH due AS MATERIALIZED (
                    SELECT d.id FROM webhook_delivery d
                    JOIN webhook_subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
                    WHERE ((d.status = 'PENDING' AND d.next_attempt_at <= :now)
                           OR (d.status = 'SENDING' AND d.claimed_at < :expired))
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier
                                      WHERE earlier.subscription_id = d.subscription_id
                                        AND earlier.ordering_key = d.ordering_key
                                        AND earlier.seq < d.seq AND earlier.status <> 'DELIVERED')
                    ORDER BY d.seq
                    LIMIT :limit
                    FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_delivery d SET status = 'SENDING', claim = :claim, claimed_at = :now
                FROM due, webhook_subscription s, webhook_event e
                WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id
                RETURNING d.id, d.subscription_id, s.url, d.event_id, e.body, d.attempts
                """).param("now", Timestamp.from(now)).param("expired", Timestamp.from(now.minus(lease)))
                .param("limit", limit).param("claim", claim)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class), rs.getString("url"),
                        rs.getObject("event_id", UUID.class), rs.getString("body"), rs.getInt("attempts"), claim))
                .list();
    }

    /** Logs one attempt with the receiver's answer (null: none). */
    public void logAttempt(UUID deliveryId, Instant at, Integer statusCode, String error, long durationMs) {
        jdbc.sql("""
                INSERT INTO webhook_attempt (id, delivery_id, attempted_at, status_code, error, duration_ms)
                VALUES (:id, :delivery, :at, :code, :error, :ms)
                """).param("id", Ids.next()).param("delivery", deliveryId).param("at", Timestamp.from(at))
                .param("code", statusCode).param("error", error).param("ms", (int) Math.min(durationMs, Integer.MAX_VALUE))
                .update();
    }

    /** Marks a claimed delivery delivered; false when the claim was lost (its lease ran out and another took it). */
    public boolean delivered(Claimed c, Instant at, int statusCode) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at,
                       last_status = :code, last_error = NULL, claim = NULL
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """).param("at", Timestamp.from(at)).param("code", statusCode).param("id", c.id())
                .param("claim", c.claim()).update() == 1;
    }

    /** Records a failed attempt: pending again from {@code next}. */
    public boolean failed(Claimed c, Integer statusCode, String error, Instant next) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = attempts + 1, last_status = :code,
                       last_error = :error, claim = NULL, next_attempt_at = :next
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """).param("code", statusCode).param("error", error).param("next", Timestamp.from(next))
                .param("id", c.id()).param("claim", c.claim()).update() == 1;
    }

    /**
     * Queues a delivery to be sent again now (a person asked); false when there is none of that subscription, or it
     * is being sent right now.
     */
    public boolean requeue(UUID subscriptionId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, delivered_at = NULL
                WHERE id = :id AND subscription_id = :subscription AND status <> 'SENDING'
                """).param("now", Timestamp.from(now)).param("id", id).param("subscription", subscriptionId)
                .update() == 1;
    }

    /** A subscription's deliveries, newest first, without their log. */
    public List<WebhookDelivery> ofSubscription(UUID subscriptionId, Long beforeSeq, int limit) {
        return jdbc.sql("""
                SELECT d.*, e.type FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                WHERE d.subscription_id = :subscription AND (CAST(:before AS bigint) IS NULL OR d.seq < :before)
                ORDER BY d.seq DESC LIMIT :limit
                """).param("subscription", subscriptionId).param("before", beforeSeq).param("limit", limit)
                .query((rs, n) -> delivery(rs)).list();
    }

    public Optional<WebhookDelivery> find(UUID subscriptionId, UUID id) {
        return jdbc.sql("""
                SELECT d.*, e.type FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                WHERE d.id = :id AND d.subscription_id = :subscription
                """).param("id", id).param("subscription", subscriptionId).query((rs, n) -> delivery(rs)).optional()
                .map(d -> d.withLog(attempts(id)));
    }

    /** The body as it was sent (and is sent again). */
    public Optional<String> body(UUID eventId) {
        return jdbc.sql("SELECT body FROM webhook_event WHERE id = :id").param("id", eventId).query(String.class)
                .optional();
    }

    private List<WebhookDelivery.Attempt> attempts(UUID deliveryId) {
        return jdbc.sql("""
                SELECT * FROM webhook_attempt WHERE delivery_id = :id ORDER BY attempted_at, id
                """).param("id", deliveryId).query((rs, n) -> new WebhookDelivery.Attempt(
                        rs.getTimestamp("attempted_at").toInstant(), (Integer) rs.getObject("status_code"),
                        rs.getString("error"), rs.getInt("duration_ms"))).list();
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("type"), rs.getString("ordering_key"),
                WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), (Integer) rs.getObject("last_status"),
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                Subscriptions.instant(rs, "delivered_at"), List.of());
    }
}
