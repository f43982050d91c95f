package org.ordo.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transaction lock for something small that many transactions read once ({@link PerTransaction}) and few change:
 * readers share it until their transaction ends, a writer takes it alone. So a change waits for every transaction
 * that read before it (what they did happened before the change existed), and every transaction that reads after
 * the change committed sees it, on any node of the database. Each call is a statement of its own, so that the read
 * after {@link #beforeReading} takes its snapshot with the lock held.
 */
public final class TransactionReadLock {

    private final String name;

    /** {@code name}: the lock's key, the same on every node (hashed by PostgreSQL). */
    public TransactionReadLock(String name) {
        this.name = name;
    }

    /** Before reading: shared with the other readers until the caller's transaction ends. */
    public void beforeReading(JdbcClient jdbc) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtext(:name))").param("name", name).query(rs -> {
        });
    }

    /** Before changing: waits for the transactions that read, and holds new readers off until the caller's ends. */
    public void beforeChanging(JdbcClient jdbc) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:name))").param("name", name).query(rs -> {
        });
    }
}
