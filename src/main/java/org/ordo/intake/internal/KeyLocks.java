package org.ordo.intake.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * One lock per idempotency key in this JVM, held while a document under that key is taken. Requests that repeat a
 * key wait here without a database connection: a document taken in steps needs a second connection for its steps
 * while its first holds the key's row, and twenty waiting repeats must not take the whole pool. (Other nodes are
 * kept apart by the key's row itself.)
 */
@Component
public class KeyLocks {

    private record Held(ReentrantLock lock, int users) {
    }

    private final ConcurrentHashMap<String, Held> locks = new ConcurrentHashMap<>();

    public <T> T withLock(String client, String key, Supplier<T> work) {
        String id = client + '\u0000' + key;
        Held held = locks.compute(id, (k, h) -> h == null ? new Held(new ReentrantLock(), 1)
                : new Held(h.lock(), h.users() + 1));
        held.lock().lock();
        try {
            return work.get();
        } finally {
            held.lock().unlock();
            locks.compute(id, (k, h) -> h.users() == 1 ? null : new Held(h.lock(), h.users() - 1));
        }
    }
}
