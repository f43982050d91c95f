package org.ordo.intake.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of order intake, per API client. Claiming a key inserts its row; a concurrent request with
 * the same key waits on the unique index until the first one commits (then sees its answer) or rolls back
 * (then claims the key itself). Only successful answers are kept: a refused request changes nothing.
 */
@Repository
public class IdempotencyKeys {

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    IdempotencyKeys(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    public record Stored(String requestHash, Integer status, String response, UUID orderId, UUID producedId) {
    }

    /**
     * Claims the key and, only if this transaction now owns it, stores the inbound document as received: one
     * statement. The document's id when the key was claimed; empty when the key was already taken (nothing stored).
     */
    public Optional<UUID> claimAndStore(String client, String key, String requestHash, String channel,
            String contentType, byte[] body, String receivedBy) {
        UUID id = org.ordo.platform.Ids.next();
        return jdbc.sql("""
                WITH claimed AS (
                    INSERT INTO idempotency_key (client, key, request_hash) VALUES (:client, :key, :hash)
                    ON CONFLICT (client, key) DO NOTHING
                    RETURNING 1)
                INSERT INTO inbound_document (id, channel, content_type, body, sha256, received_by, status)
                SELECT :id, :channel, :type, :body, :hash, :by, 'RECEIVED' FROM claimed
                RETURNING id
                """).param("client", client).param("key", key).param("hash", requestHash).param("id", id)
                .param("channel", channel).param("type", contentType).param("body", body).param("by", receivedBy)
                .query(UUID.class).optional();
    }

    /**
     * The order is placed: marks the document processed (linked to the order) and keeps the answer with the key,
     * in one statement.
     */
    public void completeWithDocument(String client, String key, int status, String response, UUID orderId,
            UUID documentId) {
        jdbc.sql("""
                WITH document AS (
                    UPDATE inbound_document SET status = 'PROCESSED', produced_type = 'ORDER', produced_id = :order,
                           processed_at = :now, reason = NULL
                    WHERE id = :document)
                UPDATE idempotency_key SET status = :status, response = :response, order_id = :order
                WHERE client = :client AND key = :key
                """).param("now", now()).param("client", client).param("key", key).param("status", status)
                .param("response", response).param("order", orderId).param("document", documentId).update();
    }

    /**
     * The request produced something else than an order (type and id, e.g. a return request): marks the document
     * processed (linked to it) and keeps the answer with the key, in one statement.
     */
    public void completeWithDocument(String client, String key, int status, String response, String producedType,
            UUID producedId, UUID documentId) {
        jdbc.sql("""
                WITH document AS (
                    UPDATE inbound_document SET status = 'PROCESSED', produced_type = :type, produced_id = :produced,
                           processed_at = :now, reason = NULL
                    WHERE id = :document)
                UPDATE idempotency_key SET status = :status, response = :response, produced_id = :produced
                WHERE client = :client AND key = :key
                """).param("now", now()).param("client", client).param("key", key).param("status", status)
                .param("response", response).param("type", producedType).param("produced", producedId)
                .param("document", documentId).update();
    }

    /** Keeps the answer with the key, for a document that produced no single order. */
    /**
     * Claims the key for a document stored before; true when this transaction now owns it. A concurrent claim waits
     * on the key's row until the first commits (then false) or rolls back (then this one owns it).
     */
    public boolean claim(String client, String key, String requestHash) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (client, key, request_hash) VALUES (:client, :key, :hash)
                ON CONFLICT (client, key) DO NOTHING
                """).param("client", client).param("key", key).param("hash", requestHash).update() == 1;
    }

    public void complete(String client, String key, int status, String response) {
        jdbc.sql("UPDATE idempotency_key SET status = :status, response = :response WHERE client = :client AND key = :key")
                .param("client", client).param("key", key).param("status", status).param("response", response)
                .update();
    }

    public Optional<Stored> find(String client, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, response, order_id, produced_id FROM idempotency_key
                WHERE client = :client AND key = :key
                """).param("client", client).param("key", key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("response"), rs.getObject("order_id", UUID.class),
                        rs.getObject("produced_id", UUID.class)))
                .optional();
    }
}
