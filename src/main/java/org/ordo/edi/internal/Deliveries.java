package org.ordo.edi.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of outgoing EDI messages, kept on {@code edi_message}: claims of due messages (skipping rows another
 * dispatcher holds, taking back those whose lease ran out) and their outcomes, each conditional on the claim.
 */
@Repository
public class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed message: what to deliver, to whom, and the claim that must still hold when the outcome is told. */
    public record Claimed(UUID id, String partner, String type, long controlNumber, String body, int attempts,
            UUID claim) {
    }

    public List<Claimed> claimDue(Instant now, int limit, Duration lease) {
        UUID claim = Ids.next();
        return jdbc.sql("""
                WITH due AS MATERIALIZED (
                    SELECT id FROM edi_message
                    WHERE (delivery_status = 'QUEUED' AND next_delivery_at <= :now)
                       OR (delivery_status = 'SENDING' AND delivery_claimed_at < :expired)
                    ORDER BY next_delivery_at, control_number
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE edi_message m SET delivery_status = 'SENDING', delivery_claim = :claim,
                                         delivery_claimed_at = :now
                FROM due WHERE m.id = due.id
                RETURNING m.id, m.partner_code, m.type, m.control_number, m.body, m.delivery_attempts
                """).param("now", Timestamp.from(now)).param("expired", Timestamp.from(now.minus(lease)))
                .param("limit", limit).param("claim", claim)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("partner_code"),
                        rs.getString("type"), rs.getLong("control_number"), rs.getString("body"),
                        rs.getInt("delivery_attempts"), claim))
                .list();
    }

    /** Marks a claimed message delivered; false when the claim was lost (its lease ran out and another took it). */
    public boolean delivered(Claimed c, Instant at, String to) {
        return jdbc.sql("""
                UPDATE edi_message SET delivery_status = 'DELIVERED', delivery_attempts = delivery_attempts + 1,
                       delivered_at = :at, delivered_to = :to, delivery_error = NULL, delivery_claim = NULL
                WHERE id = :id AND delivery_status = 'SENDING' AND delivery_claim = :claim
                """).param("at", Timestamp.from(at)).param("to", to).param("id", c.id()).param("claim", c.claim())
                .update() == 1;
    }

    /**
     * Keeps claimed messages undelivered (their partner takes no delivery and fetches them through the API), all in
     * one statement: an interchange of thousands of orders has as many order responses (docs/benchmarks.md, P4).
     * Answers how many claims still held.
     */
    public int keptAll(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE edi_message m SET delivery_status = 'KEPT', delivery_claim = NULL
                FROM unnest(CAST(:ids AS uuid[]), CAST(:claims AS uuid[])) AS c(id, claim)
                WHERE m.id = c.id AND m.delivery_status = 'SENDING' AND m.delivery_claim = c.claim
                """).param("ids", claimed.stream().map(Claimed::id).toArray(UUID[]::new))
                .param("claims", claimed.stream().map(Claimed::claim).toArray(UUID[]::new)).update();
    }

    /** Records a failed attempt: queued again at {@code next}, or FAILED when it was the last. */
    public boolean failed(Claimed c, String error, boolean last, Instant next) {
        return jdbc.sql("""
                UPDATE edi_message SET delivery_status = CASE WHEN :last THEN 'FAILED' ELSE 'QUEUED' END,
                       delivery_attempts = delivery_attempts + 1, delivery_error = :error, delivery_claim = NULL,
                       next_delivery_at = :next
                WHERE id = :id AND delivery_status = 'SENDING' AND delivery_claim = :claim
                """).param("last", last).param("error", error).param("next", Timestamp.from(next))
                .param("id", c.id()).param("claim", c.claim()).update() == 1;
    }

    /**
     * Queues an outgoing message of the partner for delivery again, now (a resend asked for by a person); false
     * when there is no such outgoing message or it is being sent right now.
     */
    public boolean requeue(String partner, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE edi_message SET delivery_status = 'QUEUED', next_delivery_at = :now, delivery_error = NULL
                WHERE id = :id AND partner_code = :partner AND direction = 'OUT' AND delivery_status <> 'SENDING'
                """).param("now", Timestamp.from(now)).param("id", id).param("partner", partner).update() == 1;
    }
}
