package org.ordo.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.Cursor;
import org.ordo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review queue's entries. Closing one is a conditional update on {@code status = 'OPEN'}: it happens once. */
@Repository
public class ReviewEntries {

    /** An entry as stored; the draft is JSON. */
    public record Row(UUID id, UUID documentId, String part, String kind, String reason, String sender,
            String readText, String draft, String owner, Instant openedAt, Instant slaDueAt, String status,
            String decidedBy, Instant decidedAt, String decisionNote, UUID orderId, String contentType) {
    }

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    ReviewEntries(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    /**
     * Opens an entry for the document's part, once: the same document and part again changes nothing and gives the
     * entry opened first.
     */
    public UUID open(UUID documentId, String part, String kind, String reason, String sender, String readText,
            String draftJson, Instant openedAt, Instant slaDueAt) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO review_entry (id, document_id, part, kind, reason, sender, read_text, draft, opened_at,
                                          sla_due_at)
                VALUES (:id, :document, :part, :kind, :reason, :sender, :text, CAST(:draft AS jsonb), :opened, :due)
                ON CONFLICT (document_id, part) DO NOTHING
                """).param("id", id).param("document", documentId).param("part", part).param("kind", kind)
                .param("reason", reason).param("sender", sender).param("text", readText).param("draft", draftJson)
                .param("opened", Timestamp.from(openedAt)).param("due", Timestamp.from(slaDueAt)).update();
        return jdbc.sql("SELECT id FROM review_entry WHERE document_id = :document AND part = :part")
                .param("document", documentId).param("part", part).query(UUID.class).single();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(ReviewEntries::map).optional();
    }

    /** Entries, the soonest due first; {@code status} null for every status. */
    public List<Row> list(String status, String kind, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            sql.append(" AND r.status = :status");
            params.put("status", status);
        }
        if (kind != null) {
            sql.append(" AND r.kind = :kind");
            params.put("kind", kind);
        }
        if (after != null) {
            sql.append(" AND (r.sla_due_at, r.id) > (:due, :after)");
            params.put("due", Timestamp.from(after.at()));
            params.put("after", after.id());
        }
        sql.append(" ORDER BY r.sla_due_at, r.id LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(ReviewEntries::map).list();
    }

    /** Gives an open entry to a person; false if it is closed or does not exist. */
    public boolean assign(UUID id, String owner) {
        return jdbc.sql("UPDATE review_entry SET owner = :owner WHERE id = :id AND status = 'OPEN'")
                .param("id", id).param("owner", owner).update() == 1;
    }

    /** Closes an open entry; false if another person closed it first (or it does not exist). */
    public boolean close(UUID id, String status, String by, Instant at, String note, UUID orderId, String draftJson) {
        return jdbc.sql("""
                UPDATE review_entry SET status = :status, decided_by = :by, decided_at = :at, decision_note = :note,
                       order_id = :order, draft = coalesce(CAST(:draft AS jsonb), draft)
                WHERE id = :id AND status = 'OPEN'
                """).param("id", id).param("status", status).param("by", by).param("at", Timestamp.from(at))
                .param("note", note).param("order", orderId).param("draft", draftJson).update() == 1;
    }

    /**
     * Once no entry of the document is open, the document is done: processed (linked to the last order placed from
     * it) if any entry was confirmed or resolved, discarded if every one was rejected.
     */
    public void settleDocument(UUID documentId) {
        jdbc.sql("""
                UPDATE inbound_document d SET
                       status = CASE WHEN EXISTS (SELECT 1 FROM review_entry r WHERE r.document_id = d.id
                                                  AND r.status IN ('CONFIRMED', 'RESOLVED'))
                                     THEN 'PROCESSED' ELSE 'DISCARDED' END,
                       produced_type = coalesce(d.produced_type, CASE WHEN o.order_id IS NULL THEN NULL ELSE 'ORDER' END),
                       produced_id = coalesce(d.produced_id, o.order_id),
                       processed_at = :now
                FROM (SELECT (SELECT order_id FROM review_entry WHERE document_id = :document AND order_id IS NOT NULL
                              ORDER BY decided_at DESC LIMIT 1) AS order_id) o
                WHERE d.id = :document AND d.status = 'REVIEW'
                  AND NOT EXISTS (SELECT 1 FROM review_entry r WHERE r.document_id = d.id AND r.status = 'OPEN')
                """).param("now", now()).param("document", documentId).update();
    }

    /**
     * Documents that wait for review without an open entry in the queue, where no person would ever see them
     * (invariant 6 in docs/design.md); at most {@code limit}.
     */
    public List<String> documentsOutOfQueue(int limit) {
        return jdbc.sql("""
                SELECT 'inbound document ' || d.id || ' (' || d.channel || ') waits for review but has no open entry '
                       || 'in the review queue'
                FROM inbound_document d
                WHERE d.status = 'REVIEW'
                  AND NOT EXISTS (SELECT 1 FROM review_entry r WHERE r.document_id = d.id AND r.status = 'OPEN')
                ORDER BY d.received_at LIMIT :limit
                """).param("limit", limit).query(String.class).list();
    }

    private static final String SELECT = """
            SELECT r.*, r.draft::text AS draft_json, d.content_type
            FROM review_entry r JOIN inbound_document d ON d.id = r.document_id
            """;

    private static Row map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class), rs.getString("part"),
                rs.getString("kind"), rs.getString("reason"), rs.getString("sender"), rs.getString("read_text"),
                rs.getString("draft_json"), rs.getString("owner"), rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("sla_due_at").toInstant(), rs.getString("status"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"),
                rs.getObject("order_id", UUID.class), rs.getString("content_type"));
    }
}
