package org.ordo.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.IntegrationTest;
import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.OrderReleased;
import org.ordo.ordering.Pricing;
import org.ordo.ordering.TimelineReason;
import org.ordo.platform.Ids;
import org.ordo.platform.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment gate's release written with the order's insert decides what the release that reads the lines back
 * ({@link Orders#releaseRecorded}) decides, for every kind of order: both are asked of the same lines, each in a
 * transaction that is rolled back.
 */
@IntegrationTest
class ReleaseAtInsertIntegrationTests {

    @Autowired
    Orders orders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** Lines as {type, quantity, reserved, backordered}. */
    private static final List<long[][]> CASES = List.of(
            new long[][] {{1, 3, 3, 0}, {1, 1, 1, 0}}, // all reserved
            new long[][] {{1, 3, 0, 3}, {1, 2, 0, 2}}, // all backordered
            new long[][] {{1, 3, 1, 2}, {1, 2, 0, 2}}, // partly reserved
            new long[][] {{1, 3, 3, 0}, {1, 2, 0, 2}}, // one line reserved, one backordered
            new long[][] {{0, 1, 0, 0}}, // digital only
            new long[][] {{1, 2, 0, 2}, {0, 1, 0, 0}}, // backordered with a digital line
            new long[][] {{0, 2, 0, 0}, {1, 1, 1, 0}, {0, 1, 0, 0}}); // reserved with digital lines

    @Test
    void theReleaseAtInsertAndTheReleaseReadBackFromTheLinesAgree() {
        List<FulfillmentStatus> atInsert = new ArrayList<>();
        for (long[][] lines : CASES) {
            List<Orders.NewLine> newLines = lines(lines);
            FulfillmentStatus rule = Orders.releasedAs(newLines);
            FulfillmentStatus from = newLines.stream().anyMatch(l -> l.backordered() > 0)
                    ? FulfillmentStatus.BACKORDERED : FulfillmentStatus.UNFULFILLED;
            TimelineReason why = TimelineReason.of("released-on-terms", "released to the warehouse: terms allow"
                    + " shipping before payment (invoice)", "invoice");

            // read back: placed, then released by reading its lines
            Orders.Released readBack = rolledBack(() -> {
                UUID id = Ids.next();
                assertThat(orders.insert(order(id, from), newLines, List.of(placed()), null)).isPresent();
                return orders.releaseRecorded(id, from, "test", why);
            });
            // at insert: written released in the insert's statement
            String[] written = rolledBack(() -> {
                UUID id = Ids.next();
                assertThat(orders.insert(order(id, from), newLines, List.of(placed()), new Orders.ReleaseAtInsert(
                        rule, new Orders.NewEntry("test", "fulfillment", from.name(), rule.name(), why)))).isPresent();
                return jdbc.sql("""
                        SELECT o.fulfillment_status, o.released_at = o.created_at AS released,
                               (SELECT string_agg(coalesce(t.from_status, 'null') || '>' || t.to_status || ':' || t.reason_code, ','
                                                  ORDER BY t.id) FROM order_timeline t WHERE t.order_id = o.id) AS timeline
                        FROM customer_order o WHERE o.id = :id
                        """).param("id", id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2),
                                rs.getString(3)}).single();
            });

            assertThat(readBack.fulfillment()).as("the read-back's rule for %s", newLines).isEqualTo(rule);
            assertThat(written[0]).isEqualTo(rule.name());
            assertThat(written[1]).isEqualTo("t");
            assertThat(written[2]).isEqualTo("null>OPEN:placed," + from.name() + ">" + rule.name()
                    + ":released-on-terms");
            // what the release tells its listeners: the digital lines, in line order, as written
            assertThat(readBack.digitalLines()).containsExactlyElementsOf(newLines.stream()
                    .filter(l -> "DIGITAL".equals(l.type()))
                    .map(l -> new OrderReleased.DigitalLine(l.lineNo(), l.sku(), l.name(), l.quantity())).toList());
            atInsert.add(rule);
        }
        // the cases cover both outcomes
        assertThat(atInsert).contains(FulfillmentStatus.RELEASED, FulfillmentStatus.BACKORDERED);
    }

    private <T> T rolledBack(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private static List<Orders.NewLine> lines(long[][] lines) {
        List<Orders.NewLine> newLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            long[] l = lines[i];
            Money price = Money.rounded(new BigDecimal("10.00"), "EUR");
            newLines.add(new Orders.NewLine(i + 1, "REL-" + i, "Article " + i, l[0] == 1 ? "PHYSICAL" : "DIGITAL", l[1],
                    price, new BigDecimal("19"), false, Pricing.line(price, new BigDecimal("19"), false, l[1]), l[2],
                    l[3]));
        }
        return newLines;
    }

    private static Orders.NewOrder order(UUID id, FulfillmentStatus fulfillment) {
        Money zero = Money.zero("EUR");
        return new Orders.NewOrder(id, "REL-" + id, "api", null, Ids.next(), "release@example.com", "Release Test",
                "en", "EUR", "invoice", fulfillment, null, null, zero, zero, zero, null, Instant.now(), null, "test",
                LocalDate.now(), null);
    }

    private static Orders.NewEntry placed() {
        return new Orders.NewEntry("test", "order", null, "OPEN", TimelineReason.of("placed", "placed via api", "api"));
    }
}
