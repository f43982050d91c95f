package org.ordo.platform;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the caller's transaction only: made at the transaction's first call, the same for every later
 * call in it, gone when it ends, and set aside while another transaction runs inside it (REQUIRES_NEW). For what a
 * transaction that places many orders (an EDI interchange's batch, docs/benchmarks.md P4) would otherwise read once
 * per order. A savepoint rolled back does not reset it: keep in it only what stays true for the whole transaction,
 * or check again when it is written what a rolled-back savepoint may have undone.
 */
public final class PerTransaction<T> {

    private final Object key = new Object();
    private final Consumer<T> beforeCommit;

    /** A value that is only read. */
    public PerTransaction() {
        this(value -> {
        });
    }

    /** A value that {@code beforeCommit} writes out before the transaction commits (still inside it). */
    public PerTransaction(Consumer<T> beforeCommit) {
        this.beforeCommit = beforeCommit;
    }

    /** The value of the caller's transaction, made by {@code first} at its first call; empty outside one. */
    public Optional<T> get(Supplier<T> first) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null) {
            value = first.get();
            bind(value);
        }
        return Optional.of(value);
    }

    /** The value of the caller's transaction if it has made one; never makes one. */
    public Optional<T> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T value = (T) TransactionSynchronizationManager.getResource(key);
        return Optional.ofNullable(value);
    }

    private void bind(T value) {
        TransactionSynchronizationManager.bindResource(key, value);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, value);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                beforeCommit.accept(value);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }
}
