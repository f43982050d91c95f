package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordo.billing.CreditNote;
import org.ordo.billing.DocumentKind;
import org.ordo.intake.ReviewEntry;
import org.ordo.inventory.MovementKind;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.HoldKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every kind the code can write is one the database's CHECK constraint takes. Modules extend these lists in their
 * own migrations with {@code allow_values(table, column, value...)} (V399), which rebuilds the constraint from every
 * value ever allowed. Before, each migration re-created the constraint from the list it knew, and one written
 * without another module's new kind dropped it: the first document, message or movement of that kind would have
 * failed only in production.
 */
@IntegrationTest
class KindsInDatabaseIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

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

    @Test
    void everyReviewEntryKindIsTakenByTheDatabase() {
        assertThat(missing("review_entry", "kind", ReviewEntry.Kind.values())).isEmpty();
    }

    @Test
    void everyCreditNoteReasonIsTakenByTheDatabase() {
        assertThat(missing("credit_note", "reason", CreditNote.Reason.values())).isEmpty();
    }

    @Test
    void everyWayToReachAFulfilmentPartnerIsTakenByTheDatabase() {
        assertThat(missing("fulfilment_partner", "delivery", org.ordo.outsourcing.PartnerDraft.Delivery.values()))
                .isEmpty();
    }

    @Test
    void allowingAValueKeepsEveryValueAllowedBefore() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly(); // DDL is transactional in PostgreSQL: nothing of this stays
            assertThat(definition("message", "kind")).doesNotContain("SOME_NEW_KIND");
            jdbc.sql("SELECT allow_values('message', 'kind', 'SOME_NEW_KIND')").query().singleRow();
            String after = definition("message", "kind");
            assertThat(after).contains("'SOME_NEW_KIND'");
            for (MessageKind kind : MessageKind.values()) {
                assertThat(after).as("kept %s", kind).contains("'" + kind.name() + "'");
            }
            // a later migration that knows only its own value cannot drop the others
            jdbc.sql("SELECT allow_values('message', 'kind', 'ANOTHER_KIND')").query().singleRow();
            assertThat(definition("message", "kind")).contains("'SOME_NEW_KIND'", "'ANOTHER_KIND'",
                    "'" + MessageKind.ORDER_CONFIRMATION.name() + "'");
        });
    }

    private String definition(String table, String column) {
        return jdbc.sql("""
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                WHERE c.conrelid = CAST(:table AS regclass) AND c.conname = :name
                """).param("table", table).param("name", table + "_" + column + "_check").query(String.class).single();
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
