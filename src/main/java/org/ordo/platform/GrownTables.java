package org.ordo.platform;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyzes the tables that have grown well beyond the size PostgreSQL last measured while they were small, so
 * that the plans each connection keeps are made again for their size (docs/design.md, "Plans of a growing table").
 *
 * <p>PostgreSQL plans a foreign key's check ({@code SELECT 1 FROM ONLY customer_order x WHERE id = $1 FOR KEY
 * SHARE OF x}) once per connection and keeps the plan; so it does with the statements Ordo prepares. Planned on a
 * table of a few pages, that plan is a sequential scan, and the connection keeps it while the table grows, until
 * the table's statistics change: every check then reads the whole table, a cost per order that grows with the
 * orders placed. Autovacuum analyzes a table after a tenth of it changed, but it looks at most once a minute: a
 * new installation's first large interchange (10,000 orders in half a minute) was placed with a sequential scan per
 * check all through (docs/benchmarks.md). An {@code ANALYZE} changes the statistics, and with them every
 * connection's plans on the table are made again at their next transaction.
 *
 * <p>A table counts as grown when its file holds more than twice the pages of its last analysis and 8 more (the
 * size at which an index scan becomes the cheaper plan for one row), and that analysis saw fewer than
 * {@value #SMALL_PAGES} pages: the plans of a large table do not flip as it grows, and autovacuum keeps its
 * statistics. The check is one read of the catalogue; each node runs it every
 * {@code ordo.database.grown-tables-every} and a batch placement before its orders.
 */
@Component
public class GrownTables {

    private static final Logger log = LoggerFactory.getLogger(GrownTables.class);

    /** Tables whose last analysis saw this many pages or more are left to autovacuum. */
    static final int SMALL_PAGES = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate apart;

    GrownTables(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The tables of Ordo's schema that have grown since they were analyzed small. */
    public List<String> grown() {
        return jdbc.sql("""
                SELECT c.relname FROM pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                  AND c.relpages < :small AND pg_has_role(c.relowner, 'MEMBER')
                  AND pg_relation_size(c.oid) / current_setting('block_size')::int
                      > 2 * greatest(c.relpages, 0) + 8
                ORDER BY c.relname
                """).param("small", SMALL_PAGES).query(String.class).list();
    }

    /**
     * Analyzes the grown tables, each in a transaction of its own beside the caller's (which may be placing a batch
     * and goes on at once); the tables analyzed. A table another session is analyzing or vacuuming is skipped, not
     * waited for: that session's statistics will do.
     */
    public List<String> analyze() {
        List<String> tables = grown();
        List<String> analyzed = new ArrayList<>(tables.size());
        for (String table : tables) {
            try {
                apart.executeWithoutResult(tx -> {
                    jdbc.sql("SET LOCAL lock_timeout = '200ms'").update();
                    jdbc.sql("ANALYZE " + quoted(table)).update();
                });
                analyzed.add(table);
            } catch (DataAccessException busy) {
                log.debug("Did not analyze {} now: {}", table, busy.getMostSpecificCause().getMessage());
            }
        }
        if (!analyzed.isEmpty()) {
            log.info("Analyzed {}: grown to more than twice their size at their last analysis", analyzed);
        }
        return analyzed;
    }

    @Scheduled(initialDelayString = "${ordo.database.grown-tables-every:PT10S}",
            fixedDelayString = "${ordo.database.grown-tables-every:PT10S}")
    void analyzeEvery() {
        analyze();
    }

    /** A table name from the catalogue as an identifier (it holds lower-case letters, digits and _ only). */
    private static String quoted(String table) {
        return '"' + table.replace("\"", "\"\"") + '"';
    }
}
