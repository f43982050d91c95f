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

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(String requestHash, Integer status, String response, UUID orderId) {
    }

    /** True when this transaction now owns the key. */
    public boolean claim(String client, String key, String requestHash) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (client, key, request_hash) VALUES (:client, :key, :hash)
                ON CONFLICT (client, key) DO NOTHING
                """).param("client", client).param("key", key).param("hash", requestHash).update() == 1;
    }

    public Optional<Stored> find(String client, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, response, order_id FROM idempotency_key
                WHERE client = :client AND key = :key
                """).param("client", client).param("key", key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("response"), rs.getObject("order_id", UUID.class)))
                .optional();
    }

    public void complete(String client, String key, int status, String response, UUID orderId) {
        jdbc.sql("""
                UPDATE idempotency_key SET status = :status, response = :response, order_id = :order
                WHERE client = :client AND key = :key
                """).param("client", client).param("key", key).param("status", status)
                .param("response", response).param("order", orderId).update();
    }
}
