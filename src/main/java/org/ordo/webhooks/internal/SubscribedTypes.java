package org.ordo.webhooks.internal;

import java.util.Set;

import org.ordo.platform.PerTransaction;
import org.ordo.platform.TransactionReadLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event types some active subscription wants, read once per transaction, so that a transaction whose events
 * nobody subscribed to writes nothing for them: before, every public event cost an insert that wrote no row, two
 * per placed order, four hundred per transaction of an EDI interchange's messages (docs/benchmarks.md, P4).
 *
 * <p>A subscription still gets every event from its creation on. The read takes a shared transaction lock first,
 * in a statement of its own (so the read's snapshot is taken after the lock is held), and creating or enabling a
 * subscription takes the same lock exclusively before it writes: a new subscription waits until every transaction
 * that found no subscriber has committed (their events happened before it existed), and every transaction that
 * reads after it committed sees it. A transaction that is placing orders while an admin subscribes therefore
 * delays the subscription's answer by at most its own length (docs/webhooks.md).
 */
@Component
public class SubscribedTypes {

    private static final TransactionReadLock LOCK = new TransactionReadLock("ordo.webhooks.subscribed-types");

    private final JdbcClient jdbc;
    private final PerTransaction<Set<String>> types = new PerTransaction<>();

    SubscribedTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True when some active subscription wants events of this type, as known to the caller's transaction (read at
     * its first event); true outside a transaction, where the outbox's statement decides for itself.
     */
    public boolean wanted(String type) {
        return types.get(this::read).map(t -> t.contains(type)).orElse(true);
    }

    /**
     * Before a subscription starts wanting events (created, enabled): waits for the transactions that found no
     * subscriber to end, and keeps new ones from reading until the caller's transaction ends.
     */
    public void beforeSubscribing() {
        LOCK.beforeChanging(jdbc);
    }

    private Set<String> read() {
        LOCK.beforeReading(jdbc);
        return Set.copyOf(jdbc.sql("""
                SELECT DISTINCT type FROM webhook_subscription, unnest(events) AS type WHERE status = 'ACTIVE'
                """).query(String.class).list());
    }
}
