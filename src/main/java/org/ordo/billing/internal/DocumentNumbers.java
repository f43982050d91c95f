package org.ordo.billing.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Gap-free document numbers: the counter row stays locked until the caller's transaction ends. */
@Repository
public class DocumentNumbers {

    private final JdbcClient jdbc;

    DocumentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of a series in a year, inside the caller's transaction (a rollback returns it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String series, int year) {
        return jdbc.sql("""
                INSERT INTO document_counter (series, year, last) VALUES (:series, :year, 1)
                ON CONFLICT (series, year) DO UPDATE SET last = document_counter.last + 1
                RETURNING last
                """).param("series", series).param("year", year).query(Long.class).single();
    }

    /**
     * Series and years of invoices and credit notes whose numbers are not gap-free: fewer documents than the
     * highest number, a first number other than 1, or a counter that moved past the last document.
     */
    public List<String> gaps() {
        return jdbc.sql("""
                WITH issued AS (
                    SELECT 'invoice' AS kind, series, year, seq FROM invoice
                    UNION ALL
                    SELECT 'credit note', series, year, seq FROM credit_note),
                per_series AS (
                    SELECT kind, series, year, count(*) AS issued, min(seq) AS lowest, max(seq) AS highest
                    FROM issued GROUP BY kind, series, year)
                SELECT p.*, c.last AS counter
                FROM per_series p LEFT JOIN document_counter c ON c.series = p.series AND c.year = p.year
                WHERE p.issued <> p.highest OR p.lowest <> 1 OR c.last IS DISTINCT FROM p.highest
                ORDER BY p.kind, p.series, p.year
                """).query((rs, n) -> "%s numbers of series %s in %d: %d issued, lowest %d, highest %d, counter at %s"
                        .formatted(rs.getString("kind"), rs.getString("series"), rs.getInt("year"),
                                rs.getLong("issued"), rs.getLong("lowest"), rs.getLong("highest"),
                                rs.getObject("counter") == null ? "none" : rs.getLong("counter")))
                .list();
    }
}
