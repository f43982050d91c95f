package org.ordo.ordering.internal;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The savepoint each order of a batch is placed in (docs/benchmarks.md, P4): setting the next one releases the
 * last in the same round trip, so a batch's order costs one round trip for its savepoint, not two (set, then
 * release). A refused order is rolled back to its savepoint, which stays set until the next order's replaces it.
 * One name for all, so the statements are the same for every order; used in the caller's transaction.
 */
@Component
public class OrderSavepoints {

    private static final String NAME = "ordo_order";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    OrderSavepoints(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A batch's chain of savepoints, one order's at a time. */
    public Chain chain() {
        return new Chain();
    }

    public final class Chain {

        private boolean set;

        private Chain() {
        }

        /** Sets the savepoint of the next order, releasing the last one's (its work stays, as committed to it). */
        public void next() {
            jdbc.sql(set ? "RELEASE SAVEPOINT " + NAME + "; SAVEPOINT " + NAME : "SAVEPOINT " + NAME).update();
            set = true;
        }

        /**
         * Undoes everything since the current order's savepoint was set, and what the refusal marked: an inner
         * transactional call it passed through marked the whole transaction rollback-only, which the rollback to
         * the savepoint clears as Spring's own savepoints do.
         */
        public void rollback() {
            jdbc.sql("ROLLBACK TO SAVEPOINT " + NAME).update();
            if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
                holder.resetRollbackOnly();
            }
        }

        /** Releases the last savepoint, so the caller's transaction goes on as before the batch. */
        public void end() {
            if (set) {
                jdbc.sql("RELEASE SAVEPOINT " + NAME).update();
                set = false;
            }
        }
    }
}
