package org.ordo.intake.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.intake.InboundDocument;
import org.ordo.platform.Cursor;
import org.ordo.platform.Ids;
import org.ordo.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InboundDocuments {

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    InboundDocuments(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    public UUID store(String channel, String contentType, byte[] body, String receivedBy) {
        return store(channel, contentType, body, Sha256.hex(body), receivedBy);
    }

    /** Stores the body whose SHA-256 the caller has already taken (an interchange of megabytes is hashed once). */
    public UUID store(String channel, String contentType, byte[] body, String sha256, String receivedBy) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO inbound_document (id, channel, content_type, body, sha256, received_by, status)
                VALUES (:id, :channel, :type, :body, :sha, :by, 'RECEIVED')
                """).param("id", id).param("channel", channel).param("type", contentType).param("body", body)
                .param("sha", sha256).param("by", receivedBy).update();
        return id;
    }

    /** Removes a document stored a moment ago that turned out to repeat one taken before (nothing refers to it). */
    /**
     * The oldest document of the channel with this content that is still received: left by an attempt to take it
     * that failed before its end.
     */
    public Optional<UUID> unfinished(String channel, String sha256) {
        return jdbc.sql("""
                SELECT id FROM inbound_document
                WHERE status = 'RECEIVED' AND channel = :channel AND sha256 = :sha
                ORDER BY received_at, id LIMIT 1
                """).param("channel", channel).param("sha", sha256).query(UUID.class).optional();
    }

    public void discard(UUID id) {
        jdbc.sql("DELETE FROM inbound_document WHERE id = :id AND status = 'RECEIVED'").param("id", id).update();
    }

    public void processed(UUID id, String producedType, UUID producedId) {
        jdbc.sql("""
                UPDATE inbound_document SET status = 'PROCESSED', produced_type = :type, produced_id = :produced,
                       processed_at = :now, reason = NULL
                WHERE id = :id
                """).param("now", now()).param("id", id).param("type", producedType).param("produced", producedId).update();
    }

    public void review(UUID id, String reason) {
        jdbc.sql("UPDATE inbound_document SET status = 'REVIEW', reason = :reason WHERE id = :id")
                .param("id", id).param("reason", reason).update();
    }

    public Optional<InboundDocument> find(UUID id, boolean withBody) {
        return jdbc.sql("SELECT *, length(body) AS size FROM inbound_document WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs, withBody)).optional();
    }

    public Optional<byte[]> body(UUID id) {
        return jdbc.sql("SELECT body FROM inbound_document WHERE id = :id").param("id", id).query(byte[].class)
                .optional();
    }

    public List<InboundDocument> list(InboundDocument.Status status, String channel, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, channel, content_type, sha256, received_at, received_by, status, reason, produced_type,
                       produced_id, processed_at, length(body) AS size
                FROM inbound_document WHERE true
                """);
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (channel != null) {
            sql.append(" AND channel = :channel");
            params.put("channel", channel);
        }
        if (after != null) {
            sql.append(" AND (received_at, id) < (:at, :id)");
            params.put("at", java.sql.Timestamp.from(after.at()));
            params.put("id", after.id());
        }
        sql.append(" ORDER BY received_at DESC, id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs, false)).list();
    }

    private static InboundDocument map(ResultSet rs, boolean withBody) throws SQLException {
        var processed = rs.getTimestamp("processed_at");
        return new InboundDocument(rs.getObject("id", UUID.class), rs.getString("channel"),
                rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"),
                InboundDocument.Status.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getString("produced_type"), rs.getObject("produced_id", UUID.class),
                processed == null ? null : processed.toInstant(),
                withBody ? new String(rs.getBytes("body"), StandardCharsets.UTF_8) : null);
    }
}
