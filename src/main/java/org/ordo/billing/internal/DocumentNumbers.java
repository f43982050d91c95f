package org.ordo.billing.internal;

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
}
