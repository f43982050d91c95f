package org.ordo.platform.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Actor;
import org.ordo.platform.Cursor;
import org.ordo.platform.Ids;
import org.ordo.platform.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security audit log: an append-only record (the table refuses updates and deletes) of changes to access and
 * of refused attempts, each with when, what, who acted ({@link Actor#current()}), about whom or what, and the
 * client address of the request it came with. It lives in the platform because the platform's own users and keys
 * write to it and every module may (rejected webhooks); the audit module shows it.
 */
@Component
public class SecurityAuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    SecurityAuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One entry of the log. {@code address}: the client's IP address, null when not from a request. */
    public record SecurityEvent(UUID id, Instant occurredAt, SecurityEventKind kind, String actor, String subject,
            String detail, String address) {
    }

    /**
     * Records a change in the caller's transaction, so that the entry exists exactly when the change does (a
     * change rolled back leaves no entry). {@code subject}: whom or what it is about, e.g. {@code user:anna},
     * {@code api-key:shop}; {@code detail}: free text for people, may be null.
     */
    public void record(SecurityEventKind kind, String subject, String detail) {
        append(kind, subject, detail);
    }

    /**
     * Records a refused attempt in a transaction of its own, committed at once: the entry stays even when the
     * caller's transaction is rolled back by the refusal (a rejected webhook, a failed login).
     */
    public void recordRefusal(SecurityEventKind kind, String subject, String detail) {
        ownTransaction.executeWithoutResult(status -> append(kind, subject, detail));
    }

    /** The log, newest first; keyset paging with {@code after} (a previous answer's {@code next}). */
    public Slice<SecurityEvent> newestFirst(int limit, String after) {
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after.trim(), "after");
        List<SecurityEvent> rows = jdbc.sql("""
                SELECT * FROM security_event
                WHERE CAST(:at AS timestamptz) IS NULL OR (occurred_at, id) < (:at, :id)
                ORDER BY occurred_at DESC, id DESC
                LIMIT :limit
                """)
                .param("at", cursor == null ? null : Timestamp.from(cursor.at()))
                .param("id", cursor == null ? null : cursor.id()).param("limit", limit + 1)
                .query(SecurityAuditLog::event).list();
        return Slice.of(rows, limit, e -> new Cursor(e.occurredAt(), e.id()).encode());
    }

    private void append(SecurityEventKind kind, String subject, String detail) {
        jdbc.sql("""
                INSERT INTO security_event (id, occurred_at, kind, actor, subject, detail, address)
                VALUES (:id, :at, :kind, :actor, :subject, :detail, :address)
                """)
                .param("id", Ids.next()).param("at", Timestamp.from(clock.instant())).param("kind", kind.name())
                .param("actor", Actor.current()).param("subject", subject).param("detail", shorten(detail))
                .param("address", clientAddress()).update();
    }

    /** The client address of the current request (the proxy's forwarded one when forwarded headers are trusted). */
    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000) + "…";
    }

    private static SecurityEvent event(ResultSet rs, int n) throws SQLException {
        return new SecurityEvent(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                SecurityEventKind.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("subject"),
                rs.getString("detail"), rs.getString("address"));
    }
}
