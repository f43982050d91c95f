package org.ordo.channels.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of order changes to tell the shops: one row per change, claimed by one node at a time; an outcome holds
 * only while the claim does (docs/design.md, "Outboxes").
 */
@Repository
public class ChangeNotices {

    /** A notice as kept: what to tell and how far it got. */
    public record Notice(UUID id, UUID changeId, UUID orderId, int version, String status, int attempts,
            String lastError, UUID claim) {
    }

    private final JdbcClient jdbc;

    ChangeNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Once per change: a repeated OrderChanged (the registry resubmits) adds nothing. */
    public void enqueue(UUID changeId, UUID orderId, int version, Instant now) {
        jdbc.sql("""
                INSERT INTO shop_change_notice (id, change_id, order_id, version, status, next_attempt_at, created_at)
                VALUES (:id, :change, :order, :version, 'PENDING', :now, :now)
                ON CONFLICT (change_id) DO NOTHING
                """)
                .param("id", Ids.next()).param("change", changeId).param("order", orderId).param("version", version)
                .param("now", Timestamp.from(now)).update();
    }

    /**
     * Claims up to {@code limit} due notices (PENDING, or SENDING whose node's lease ran out) for this node: they
     * are SENDING until {@code leaseUntil}. SKIP LOCKED: several nodes never claim the same one.
     */
    public List<Notice> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE shop_change_notice n SET status = 'SENDING', attempts = n.attempts + 1, next_attempt_at = :lease,
                                                claim = :claim
                WHERE n.id IN (SELECT id FROM shop_change_notice
                               WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
                               ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING n.*
                """)
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).param("limit", limit)
                .param("claim", Ids.next()).query(ChangeNotices::notice).list();
    }

    /** The shop took the notice; false when this node's claim was lost (its lease ran out and another took it). */
    public boolean sent(Notice notice, Instant now) {
        return jdbc.sql("""
                UPDATE shop_change_notice SET status = 'SENT', sent_at = :now, last_error = NULL, claim = NULL
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """).param("id", notice.id()).param("claim", notice.claim()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * The attempt failed: due again at {@code retryAt}, or FAILED for good when {@code retryAt} is null; false when
     * this node's claim was lost, so a late failure never undoes another node's notice.
     */
    public boolean failed(Notice notice, String error, Instant retryAt) {
        return jdbc.sql("""
                UPDATE shop_change_notice SET status = CASE WHEN CAST(:retry AS timestamptz) IS NULL THEN 'FAILED'
                                                             ELSE 'PENDING' END,
                       next_attempt_at = COALESCE(CAST(:retry AS timestamptz), next_attempt_at), last_error = :error,
                       claim = NULL
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """)
                .param("id", notice.id()).param("claim", notice.claim())
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt)).update() == 1;
    }

    /** The notices of an order, oldest first. */
    public List<Notice> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM shop_change_notice WHERE order_id = :order ORDER BY version, created_at")
                .param("order", orderId).query(ChangeNotices::notice).list();
    }

    private static Notice notice(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Notice(rs.getObject("id", UUID.class), rs.getObject("change_id", UUID.class),
                rs.getObject("order_id", UUID.class), rs.getInt("version"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("claim", UUID.class));
    }
}
