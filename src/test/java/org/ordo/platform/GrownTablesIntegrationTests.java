package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A foreign key's check planned while the referenced table was small reads the whole table at every check while
 * it grows; {@link GrownTables} analyzes the table, and the same connection's next checks use the index.
 */
@IntegrationTest
class GrownTablesIntegrationTests {

    @Autowired
    GrownTables grownTables;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropProbes() {
        jdbc.sql("DROP TABLE IF EXISTS grown_probe_child, grown_probe_parent").update();
    }

    @Test
    void aGrownTablesChecksUseItsIndexOnceAnalyzed() throws SQLException {
        // autovacuum is kept off the probe, so that only GrownTables analyzes it
        jdbc.sql("CREATE TABLE grown_probe_parent (id int PRIMARY KEY, pad text) WITH (autovacuum_enabled = false)")
                .update();
        jdbc.sql("CREATE TABLE grown_probe_child (id serial PRIMARY KEY,"
                + " parent int NOT NULL REFERENCES grown_probe_parent)").update();
        jdbc.sql("INSERT INTO grown_probe_parent SELECT n, 'small' FROM generate_series(1, 10) n").update();
        jdbc.sql("ANALYZE grown_probe_parent").update();
        assertThat(grownTables.grown()).doesNotContain("grown_probe_parent");

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // the check's plan is made (and kept, after five runs) while the parent has one page
            assertThat(sequentialScansOfParent(connection, 10)).isPositive();
            jdbc.sql("INSERT INTO grown_probe_parent SELECT n, repeat('p', 60) FROM generate_series(11, 20000) n")
                    .update();
            assertThat(grownTables.grown()).contains("grown_probe_parent");
            // kept while the table grew: every check reads the whole table
            assertThat(sequentialScansOfParent(connection, 5)).isEqualTo(5);

            assertThat(grownTables.analyze()).contains("grown_probe_parent");

            assertThat(grownTables.grown()).doesNotContain("grown_probe_parent");
            assertThat(sequentialScansOfParent(connection, 5)).isZero();
        }
    }

    /** Inserts children of parent 7 in one transaction; the sequential scans of the parent it made. */
    private static long sequentialScansOfParent(Connection connection, int children) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO grown_probe_child (parent) VALUES (7)");
                PreparedStatement scans = connection.prepareStatement(
                        "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'grown_probe_parent'")) {
            // counted within the transaction: the view holds what this session has not yet reported
            long before = count(scans);
            for (int i = 0; i < children; i++) {
                insert.executeUpdate();
            }
            long scanned = count(scans) - before;
            connection.commit();
            return scanned;
        }
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
