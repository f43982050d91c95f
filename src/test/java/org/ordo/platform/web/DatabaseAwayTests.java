package org.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is away" (503, retry) rather than a bug (500); see bench/fault-pg-restart.sh. */
class DatabaseAwayTests {

    @Test
    void aRollbackThatFailsOnTheClosedConnectionOfAStoppedServerIsTheDatabaseAway() {
        // what PostgreSQL's fast shutdown did to orders being placed: the statement failed with 57P01, then the
        // rollback failed on the closed connection and hid the first failure
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("insert",
                new SQLException("terminating connection due to administrator command", "57P01")));

        assertThat(ApiExceptionHandler.databaseAway(rollback)).isTrue();
    }

    @Test
    void noConnectionFromThePoolIsTheDatabaseAway() {
        assertThat(ApiExceptionHandler.databaseAway(new CannotCreateTransactionException("open",
                new SQLTransientConnectionException("ordo - Connection is not available")))).isTrue();
        assertThat(ApiExceptionHandler.databaseAway(new IllegalStateException("publish",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
    }

    @Test
    void constraintsAndBugsAreNot() {
        assertThat(ApiExceptionHandler.databaseAway(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(ApiExceptionHandler.databaseAway(new NullPointerException())).isFalse();
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalArgumentException("a bug"));
        assertThat(ApiExceptionHandler.databaseAway(rollback)).isFalse();
    }
}
