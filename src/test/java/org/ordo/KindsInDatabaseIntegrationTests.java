package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordo.billing.DocumentKind;
import org.ordo.inventory.MovementKind;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.HoldKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every kind the code can write is one the database's CHECK constraint takes. Modules extend these lists in their
 * own migrations by re-creating the constraint; a migration written without another module's new kind would drop
 * it, and the first document, message or movement of that kind would fail only in production.
 */
@IntegrationTest
class KindsInDatabaseIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDocumentKindIsTakenByTheDatabase() {
        assertThat(missing("document", "kind", DocumentKind.values())).isEmpty();
    }

    @Test
    void everyMessageKindIsTakenByTheDatabase() {
        assertThat(missing("message", "kind", MessageKind.values())).isEmpty();
    }

    @Test
    void everyMovementKindIsTakenByTheDatabase() {
        assertThat(missing("stock_movement", "kind", MovementKind.values())).isEmpty();
    }

    @Test
    void everyHoldKindIsTakenByTheDatabase() {
        assertThat(missing("customer_order", "hold_kind", HoldKind.values())).isEmpty();
    }

    /** The enum's names that no CHECK constraint on the column lists. */
    private List<String> missing(String table, String column, Enum<?>[] kinds) {
        List<String> definitions = jdbc.sql("""
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                WHERE c.conrelid = CAST(:table AS regclass) AND c.contype = 'c'
                  AND pg_get_constraintdef(c.oid) ~ ('\\m' || :column || '\\M') AND pg_get_constraintdef(c.oid) LIKE '%ANY%'
                """).param("table", table).param("column", column).query(String.class).list();
        assertThat(definitions).as("CHECK constraints listing %s.%s", table, column).isNotEmpty();
        return Arrays.stream(kinds).map(Enum::name)
                .filter(name -> definitions.stream().noneMatch(d -> d.contains("'" + name + "'")))
                .toList();
    }
}
