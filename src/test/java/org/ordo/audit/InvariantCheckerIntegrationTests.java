package org.ordo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.intake.Intake;
import org.ordo.intake.OpenReview;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.audit.InvariantReport.Finding;
import org.ordo.platform.database.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The checker finds each broken invariant, and only that one. Each test breaks the data with SQL that skips the
 * rules (dropping a CHECK constraint where it has to) inside one transaction, runs the checker in that same
 * transaction and rolls everything back: the shared database stays intact for the other tests.
 */
@IntegrationTest
class InvariantCheckerIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    InvariantChecker checker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DatabaseServer database;
    @Autowired
    Intake intake;
    @Autowired
    ReviewQueue reviews;

    Api api;
    Fixtures fixtures;
    String location;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
    }

    @Test
    void aCleanDatabasePasses() {
        InvariantReport report = checker.check();

        assertThat(report.findings()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.invariants()).containsExactly(InvariantChecker.STOCK_EQUALS_LEDGER,
                InvariantChecker.STOCK_NOT_NEGATIVE, InvariantChecker.RESERVED_WITHIN_ON_HAND,
                InvariantChecker.RESERVED_EQUALS_RESERVATIONS, InvariantChecker.OPEN_LINES_COVERED,
                InvariantChecker.ORDER_HAS_TIMELINE, InvariantChecker.OUTBOX_NOT_STUCK,
                InvariantChecker.REFUNDS_WITHIN_RECEIVED, InvariantChecker.PAYMENT_STATUS_AGREES,
                InvariantChecker.DOCUMENT_NUMBERS_GAP_FREE, InvariantChecker.DIGITAL_HOLDS_NO_STOCK,
                InvariantChecker.MESSAGES_NOT_RETRYING_TOO_LONG,
                InvariantChecker.QUARANTINE_NEVER_RESERVED, InvariantChecker.RETURN_WITHIN_ANNOUNCED,
                InvariantChecker.RETURN_REFUNDS_WITHIN_RECEIVED, InvariantChecker.PURCHASE_RECEIVED_WITHIN_TOLERANCE,
                InvariantChecker.EXCHANGE_CREDITS_MOVED, InvariantChecker.REVIEW_DOCUMENTS_QUEUED,
                InvariantChecker.ORDER_TOTALS_EQUAL_LINES, InvariantChecker.BINS_EQUAL_LOCATION_STOCK,
                InvariantChecker.NO_BIN_OVER_CAPACITY, InvariantChecker.CAPACITY_NOT_OVERBOOKED,
                InvariantChecker.IN_TRANSIT_EQUALS_OPEN_TRANSFERS, InvariantChecker.BIN_STOCK_EQUALS_BIN_LEDGER);
    }

    @Test
    void anOrderWhoseTotalsAreNotTheSumOfItsLinesIsFound() {
        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json();
        String number = order.get("number").asString();

        InvariantReport report = brokenThenChecked(() -> jdbc.sql("""
                UPDATE order_line SET net = net + 1, gross = gross + 1 WHERE order_id = :id
                """).param("id", UUID.fromString(order.get("id").asString())).update());

        assertThat(about(report, number)).containsExactly(new Finding(InvariantChecker.ORDER_TOTALS_EQUAL_LINES,
                number + ": totals 23.80 EUR but its lines add up to 24.80 EUR (net 20.00 EUR vs 21.00 EUR, tax "
                        + "3.80 EUR vs 3.80 EUR)"));
    }

    @Test
    void aDayBookedPastItsCapacityIsFound() {
        String warehouse = Fixtures.unique("OVERBOOKED");
        // a day of capacity 3 in three stripes of one, the first booked twice (its share's CHECK dropped)
        InvariantReport report = brokenThenChecked(() -> {
            sql("ALTER TABLE promise_booking_stripe DROP CONSTRAINT promise_booking_stripe_within_share");
            sql("INSERT INTO promise_booking_stripe (location, day, stripe, booked, capacity) VALUES ('" + warehouse
                    + "', DATE '2031-06-04', 0, 2, 1), ('" + warehouse + "', DATE '2031-06-04', 1, 1, 1), ('"
                    + warehouse + "', DATE '2031-06-04', 2, 1, 1), ('" + warehouse
                    + "', DATE '2031-06-05', 0, 2, 1), ('" + warehouse + "', DATE '2031-06-05', 1, 0, 1)");
            sql("INSERT INTO promise_booking_day (location, day, capacity, found_full) VALUES ('" + warehouse
                    + "', DATE '2031-06-04', 3, true), ('" + warehouse + "', DATE '2031-06-05', 2, true)");
        });

        assertThat(about(report, warehouse)).containsExactly(
                new Finding(InvariantChecker.CAPACITY_NOT_OVERBOOKED,
                        warehouse + " 2031-06-04: 4 > 3 (stripe 0: 2 > its share 1)"),
                new Finding(InvariantChecker.CAPACITY_NOT_OVERBOOKED,
                        warehouse + " 2031-06-05: 2 of 2 (stripe 0: 2 > its share 1)"));
    }

    @Test
    void aDaysRowThatDisagreesWithItsStripesIsFound() {
        String warehouse = Fixtures.unique("DISAGREE");
        // four days within their shares: one marked full with room, one whose row has another capacity than its
        // stripes' shares, stripes without a row, a row without stripes
        InvariantReport report = brokenThenChecked(() -> {
            sql("INSERT INTO promise_booking_stripe (location, day, stripe, booked, capacity) VALUES ('" + warehouse
                    + "', DATE '2031-06-04', 0, 1, 1), ('" + warehouse + "', DATE '2031-06-04', 1, 0, 1), ('"
                    + warehouse + "', DATE '2031-06-05', 0, 1, 2), ('" + warehouse
                    + "', DATE '2031-06-06', 0, 0, 1)");
            sql("INSERT INTO promise_booking_day (location, day, capacity, found_full) VALUES ('" + warehouse
                    + "', DATE '2031-06-04', 2, true), ('" + warehouse + "', DATE '2031-06-05', 3, false), ('"
                    + warehouse + "', DATE '2031-06-07', 1, false)");
        });

        assertThat(about(report, warehouse)).containsExactly(
                new Finding(InvariantChecker.CAPACITY_NOT_OVERBOOKED,
                        warehouse + " 2031-06-04: marked full with 1 of 2 booked"),
                new Finding(InvariantChecker.CAPACITY_NOT_OVERBOOKED,
                        warehouse + " 2031-06-05: the day's capacity 3 but its stripes' shares add up to 2"),
                new Finding(InvariantChecker.CAPACITY_NOT_OVERBOOKED,
                        warehouse + " 2031-06-06: stripes without the day's row"),
                new Finding(InvariantChecker.CAPACITY_NOT_OVERBOOKED,
                        warehouse + " 2031-06-07: the day's row without stripes"));
    }

    @Test
    void anExchangeCreditNotTakenFromTheReturnedOrderIsFound() {
        String replacement = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json().get("id").asString();
        String returned = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json().get("id").asString();
        String rma = Fixtures.unique("RMA-TEST");
        Runnable credit = () -> payment(replacement, "EXCHANGE_CREDIT", rma);

        assertThat(invariantsAbout(brokenThenChecked(credit), rma))
                .containsExactly(InvariantChecker.EXCHANGE_CREDITS_MOVED);
        // Moved: the same amount booked as a refund with the same RMA number on the returned order.
        assertThat(invariantsAbout(brokenThenChecked(() -> {
            credit.run();
            payment(returned, "REFUND", rma);
        }), rma)).isEmpty();
    }

    private void payment(String orderId, String kind, String reference) {
        jdbc.sql("""
                INSERT INTO payment (id, order_id, kind, amount, currency, reference, status, actor)
                VALUES (:id, :order, :kind, 5.00, 'EUR', :reference, 'BOOKED', 'test')
                """).param("id", UUID.randomUUID()).param("order", UUID.fromString(orderId)).param("kind", kind)
                .param("reference", reference).update();
    }

    @Test
    void aDocumentWaitingForReviewThatNoEntryShowsIsFound() {
        UUID document = intake.archive("email", "text/plain", "3 x something".getBytes(StandardCharsets.UTF_8),
                "test");
        reviews.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER, "free text", null, "3 x something", null));

        // the entry closed behind the queue's back: the document would wait for review with nobody seeing it
        InvariantReport report = brokenThenChecked(() -> sql("UPDATE review_entry SET status = 'RESOLVED', "
                + "decided_by = 'sql', decided_at = now(), decision_note = 'by hand' WHERE document_id = '"
                + document + "'"));

        assertThat(about(report, document.toString())).containsExactly(new Finding(
                InvariantChecker.REVIEW_DOCUMENTS_QUEUED, "inbound document " + document
                        + " (email) waits for review but has no open entry in the review queue"));
        assertThat(about(checker.check(), document.toString())).isEmpty();
    }

    @Test
    void quarantinedStockOffItsLedgerOrReservedIsFound() {
        InvariantReport offLedger = brokenThenChecked(() -> sql(
                "UPDATE stock_level SET quarantined = 2 WHERE sku = '" + sku + "'"));
        assertThat(invariantsAbout(offLedger, sku)).containsExactly(InvariantChecker.QUARANTINE_NEVER_RESERVED);

        expect(api.placeOrder(Fixtures.order("EUR", sku, 4)), 201);
        InvariantReport reserved = brokenThenChecked(() -> {
            sql("ALTER TABLE stock_level DROP CONSTRAINT stock_quarantine_never_reserved");
            sql("UPDATE stock_level SET quarantined = 2 WHERE sku = '" + sku + "'");
        });
        assertThat(about(reserved, sku)).singleElement().satisfies(f -> {
            assertThat(f.invariant()).isEqualTo(InvariantChecker.QUARANTINE_NEVER_RESERVED);
            assertThat(f.message()).contains("quarantined=2 (ledger 0), on_hand=5, reserved=4");
        });
    }

    @Test
    void aStrayLedgerRowMakesStockDifferFromTheLedger() {
        InvariantReport report = brokenThenChecked(() -> movement("RECEIPT", 3));

        assertThat(about(report, sku)).singleElement().satisfies(f -> {
            assertThat(f.invariant()).isEqualTo(InvariantChecker.STOCK_EQUALS_LEDGER);
            assertThat(f.message()).contains("level on_hand=5", "ledger on_hand=8");
        });
        assertThat(report.ok()).isFalse();
    }

    @Test
    void negativeStockIsFound() {
        InvariantReport report = brokenThenChecked(() -> {
            sql("ALTER TABLE stock_level DROP CONSTRAINT stock_on_hand_not_negative");
            sql("ALTER TABLE stock_level DROP CONSTRAINT stock_reserved_within_on_hand");
            sql("UPDATE stock_level SET on_hand = -1 WHERE sku = '" + sku + "'");
            movement("ADJUSTMENT", -6);
        });

        assertThat(invariantsAbout(report, sku)).containsExactly(InvariantChecker.STOCK_NOT_NEGATIVE);
    }

    @Test
    void aReservationBeyondOnHandIsFound() {
        expect(api.placeOrder(Fixtures.order("EUR", sku, 3)), 201);

        InvariantReport report = brokenThenChecked(() -> {
            sql("ALTER TABLE stock_level DROP CONSTRAINT stock_reserved_within_on_hand");
            sql("UPDATE stock_level SET on_hand = 2 WHERE sku = '" + sku + "'");
            movement("ADJUSTMENT", -3);
        });

        assertThat(about(report, sku)).singleElement().satisfies(f -> {
            assertThat(f.invariant()).isEqualTo(InvariantChecker.RESERVED_WITHIN_ON_HAND);
            assertThat(f.message()).contains("3 reserved but only 2 on hand");
        });
    }

    @Test
    void aReservationTheLevelDoesNotCountIsFound() {
        expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201);

        InvariantReport report = brokenThenChecked(() -> jdbc.sql("""
                INSERT INTO reservation (id, order_id, line_no, sku, location_id, quantity)
                VALUES (:id, :order, 1, :sku, (SELECT id FROM location WHERE code = :location), 1)
                """).param("id", UUID.randomUUID()).param("order", UUID.randomUUID()).param("sku", sku)
                .param("location", location).update());

        assertThat(about(report, sku)).singleElement().satisfies(f -> {
            assertThat(f.invariant()).isEqualTo(InvariantChecker.RESERVED_EQUALS_RESERVATIONS);
            assertThat(f.message()).contains("level says 2 reserved, active reservations hold 3");
        });
    }

    @Test
    void anOrderWithoutTimelineIsFound() {
        String number = Fixtures.unique("SO-TEST");

        InvariantReport report = brokenThenChecked(() -> jdbc.sql("""
                INSERT INTO customer_order (id, number, channel, customer_id, customer_email, customer_name, locale,
                    currency, payment_method, status, payment_status, fulfillment_status, net, tax, gross,
                    promised_at, created_by)
                VALUES (:id, :number, 'web', :customer, 'x@example.com', 'X', 'en', 'EUR', 'card', 'OPEN', 'PENDING',
                    'UNFULFILLED', 0, 0, 0, now(), 'test')
                """).param("id", UUID.randomUUID()).param("number", number).param("customer", UUID.randomUUID())
                .update());

        assertThat(about(report, number)).containsExactly(new Finding(InvariantChecker.ORDER_HAS_TIMELINE,
                "order " + number + " has no timeline entry"));
    }

    @Test
    void anOpenLineNeitherReservedNorBackorderedIsFound() {
        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json();
        String number = order.get("number").asString();

        InvariantReport report = brokenThenChecked(() -> jdbc
                .sql("UPDATE order_line SET quantity = quantity + 1 WHERE order_id = :id")
                .param("id", UUID.fromString(order.get("id").asString())).update());

        assertThat(about(report, number)).containsExactly(new Finding(InvariantChecker.OPEN_LINES_COVERED,
                number + " line 1 (" + sku + "): quantity 3 but reserved 2 + backordered 0"));
    }

    @Test
    void aLineWhoseReservationsHoldAnotherQuantityIsFound() {
        JsonNode order = expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json();
        String number = order.get("number").asString();

        InvariantReport report = brokenThenChecked(() -> jdbc.sql("""
                UPDATE order_line SET reserved = reserved - 1, backordered = backordered + 1 WHERE order_id = :id
                """).param("id", UUID.fromString(order.get("id").asString())).update());

        assertThat(about(report, number)).containsExactly(new Finding(InvariantChecker.OPEN_LINES_COVERED,
                number + " line 1 (" + sku + "): the line says 1 reserved, its reservations hold 2"));
    }

    @Test
    void anEventPublicationIncompleteForTooLongIsStuck() {
        String old = Fixtures.unique("test.OldListener");
        String fresh = Fixtures.unique("test.FreshListener");

        InvariantReport report = brokenThenChecked(() -> {
            publication(old, "1 hour");
            publication(fresh, "1 minute");
        });

        assertThat(about(report, old)).singleElement()
                .satisfies(f -> assertThat(f.invariant()).isEqualTo(InvariantChecker.OUTBOX_NOT_STUCK));
        assertThat(about(report, fresh)).isEmpty();
        assertThat(checker.stuckAfter()).hasMinutes(15);
    }

    @Test
    void aRefundBeyondWhatWasReceivedIsFound() {
        JsonNode order = paidByCard();
        String number = order.get("number").asString();

        InvariantReport report = brokenThenChecked(() -> payment(order, "REFUND", "20.00"));

        assertThat(about(report, number)).anySatisfy(f -> {
            assertThat(f.invariant()).isEqualTo(InvariantChecker.REFUNDS_WITHIN_RECEIVED);
            assertThat(f.message()).isEqualTo(number + ": refunded 20.00 EUR but received only 11.90 EUR");
        });
    }

    @Test
    void aPaymentStatusTheMoneyDoesNotBearOutIsFound() {
        JsonNode paid = paidByCard();
        JsonNode unpaid = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json();

        InvariantReport report = brokenThenChecked(() -> {
            sql("UPDATE customer_order SET payment_status = 'PAID' WHERE id = '" + unpaid.get("id").asString() + "'");
            sql("UPDATE customer_order SET payment_status = 'REFUNDED' WHERE id = '" + paid.get("id").asString()
                    + "'");
        });

        assertThat(invariantsAbout(report, unpaid.get("number").asString()))
                .containsExactly(InvariantChecker.PAYMENT_STATUS_AGREES);
        assertThat(about(report, unpaid.get("number").asString()).get(0).message())
                .contains("is PAID but what was kept does not cover the total");
        assertThat(about(report, paid.get("number").asString())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("is REFUNDED but not everything received went back"));
    }

    @Test
    void aGapInInvoiceOrCreditNoteNumbersIsFound() {
        String invoiceSeries = Fixtures.unique("INV-TEST");
        String creditSeries = Fixtures.unique("CN-TEST");

        InvariantReport report = brokenThenChecked(() -> {
            UUID first = invoice(invoiceSeries, 1);
            invoice(invoiceSeries, 3); // number 2 is missing
            sql("INSERT INTO document_counter (series, year, last) VALUES ('" + invoiceSeries + "', 2026, 3)");
            creditNote(creditSeries, 2, first); // number 1 is missing, and no counter took 2
        });

        assertThat(about(report, invoiceSeries)).containsExactly(new Finding(
                InvariantChecker.DOCUMENT_NUMBERS_GAP_FREE, "invoice numbers of series " + invoiceSeries
                        + " in 2026: 2 issued, lowest 1, highest 3, counter at 3"));
        assertThat(about(report, creditSeries)).containsExactly(new Finding(
                InvariantChecker.DOCUMENT_NUMBERS_GAP_FREE, "credit note numbers of series " + creditSeries
                        + " in 2026: 1 issued, lowest 2, highest 2, counter at none"));
    }

    @Test
    void stockOfADigitalArticleIsFound() {
        String ebook = fixtures.article("DIGITAL", "5.00", "EUR", "7", false, false);

        InvariantReport report = brokenThenChecked(() -> {
            jdbc.sql("""
                    INSERT INTO stock_level (sku, location_id, on_hand, reserved)
                    VALUES (:sku, (SELECT id FROM location WHERE code = :location), 4, 0)
                    """).param("sku", ebook).param("location", location).update();
            jdbc.sql("""
                    INSERT INTO stock_movement (sku, location_id, kind, on_hand_delta, reserved_delta, reason, actor)
                    VALUES (:sku, (SELECT id FROM location WHERE code = :location), 'RECEIPT', 4, 0, 'test', 'test')
                    """).param("sku", ebook).param("location", location).update();
        });

        assertThat(about(report, ebook)).containsExactly(new Finding(InvariantChecker.DIGITAL_HOLDS_NO_STOCK,
                ebook + " is digital but holds on_hand=4 reserved=0 at " + location));
    }

    @Test
    void aMessageRetryingForTooLongIsFound() {
        String stuck = Fixtures.unique("stuck").toLowerCase() + "@example.com";
        String fresh = Fixtures.unique("fresh").toLowerCase() + "@example.com";

        InvariantReport report = brokenThenChecked(() -> {
            message(stuck, "2 hours", 5);
            message(fresh, "10 minutes", 2);
        });

        assertThat(about(report, stuck)).singleElement().satisfies(f -> {
            assertThat(f.invariant()).isEqualTo(InvariantChecker.MESSAGES_NOT_RETRYING_TOO_LONG);
            assertThat(f.message()).contains("QUEUED after 5 attempts: connection refused");
        });
        assertThat(about(report, fresh)).isEmpty();
        assertThat(checker.messageStuckAfter()).hasHours(1);
    }

    @Test
    void theCommandPrintsFindingsAndExitsNonZeroOnlyWhenSomethingIsWrong() {
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        assertThat(command(clean).check()).isEqualTo(0);
        assertThat(clean.toString(StandardCharsets.UTF_8)).contains("OK: all 24 invariants hold");

        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        int exit = transaction.execute(tx -> {
            tx.setRollbackOnly();
            movement("RECEIPT", 3);
            return command(broken).check();
        });
        assertThat(exit).isEqualTo(1);
        assertThat(broken.toString(StandardCharsets.UTF_8))
                .contains("FAIL " + InvariantChecker.STOCK_EQUALS_LEDGER + ": " + sku)
                .contains("FAILED: 1 finding, 1 of 24 invariants broken: " + InvariantChecker.STOCK_EQUALS_LEDGER);
    }

    @Test
    void administratorsCanRunTheCheckOverHttp() {
        Api.Response response = api.get("/api/v1/admin/invariants");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("ok").isBoolean()).isTrue();
        assertThat(response.json().get("ok").asBoolean()).isTrue();
        assertThat(response.json().get("invariants")).hasSize(24);
        assertThat(response.json().get("findings")).isEmpty();
        assertThat(api.withNewKey("AGENT").get("/api/v1/admin/invariants").status()).isEqualTo(403);
        assertThat(api.withNewKey("INTEGRATION").get("/api/v1/admin/invariants").status()).isEqualTo(403);
        assertThat(api.as(null).get("/api/v1/admin/invariants").status()).isEqualTo(401);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Breaks the data, checks, and rolls both back. */
    private InvariantReport brokenThenChecked(Runnable breakage) {
        return transaction.execute(tx -> {
            tx.setRollbackOnly();
            breakage.run();
            return checker.check();
        });
    }

    private InvariantCheckCommand command(ByteArrayOutputStream out) {
        return new InvariantCheckCommand(checker, database, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static List<Finding> about(InvariantReport report, String text) {
        return report.findings().stream().filter(f -> f.message().contains(text)).toList();
    }

    private static List<String> invariantsAbout(InvariantReport report, String text) {
        return about(report, text).stream().map(Finding::invariant).toList();
    }

    private void sql(String statement) {
        jdbc.sql(statement).update();
    }

    private void movement(String kind, long onHandDelta) {
        jdbc.sql("""
                INSERT INTO stock_movement (sku, location_id, kind, on_hand_delta, reserved_delta, reason, actor)
                VALUES (:sku, (SELECT id FROM location WHERE code = :location), :kind, :delta, 0, 'test', 'test')
                """).param("sku", sku).param("location", location).param("kind", kind).param("delta", onHandDelta)
                .update();
    }

    /** An order of one article (11.90 EUR) whose card payment was captured in full. */
    private JsonNode paidByCard() {
        java.util.Map<String, Object> body = new java.util.HashMap<>(Fixtures.order("EUR", sku, 1));
        body.put("paymentMethod", "card");
        String id = expect(api.placeOrder(body), 201).json().get("id").asString();
        expect(api.paymentEvent(Fixtures.unique("evt"), "payment_intent.succeeded", id, "amount_received", 1190,
                "EUR"), 200);
        return expect(api.get("/api/v1/orders/" + id), 200).json();
    }

    private void payment(JsonNode order, String kind, String amount) {
        jdbc.sql("""
                INSERT INTO payment (id, order_id, kind, amount, currency, status, actor)
                VALUES (:id, :order, :kind, CAST(:amount AS numeric), 'EUR', 'BOOKED', 'test')
                """).param("id", UUID.randomUUID()).param("order", UUID.fromString(order.get("id").asString()))
                .param("kind", kind).param("amount", amount).update();
    }

    private UUID invoice(String series, long seq) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO invoice (id, number, series, year, seq, order_id, order_number, customer_email,
                    customer_name, currency, net, tax, gross, lines)
                VALUES (:id, :number, :series, 2026, :seq, :order, 'SO-0', 'x@example.com', 'X', 'EUR', 10, 1.9,
                    11.9, '[]')
                """).param("id", id).param("number", series + "-" + seq).param("series", series).param("seq", seq)
                .param("order", UUID.randomUUID()).update();
        return id;
    }

    private void creditNote(String series, long seq, UUID invoice) {
        jdbc.sql("""
                INSERT INTO credit_note (id, number, series, year, seq, invoice_id, invoice_number, order_id,
                    order_number, refund_key, reason, customer_email, customer_name, currency, net, tax, gross, lines)
                VALUES (:id, :number, :series, 2026, :seq, :invoice, 'INV', :order, 'SO-0', :key, 'REFUND',
                    'x@example.com', 'X', 'EUR', 10, 1.9, 11.9, '[]')
                """).param("id", UUID.randomUUID()).param("number", series + "-" + seq).param("series", series)
                .param("seq", seq).param("invoice", invoice).param("order", UUID.randomUUID())
                .param("key", "test:" + UUID.randomUUID()).update();
    }

    private void message(String recipient, String age, int attempts) {
        jdbc.sql("""
                INSERT INTO message (id, kind, channel, recipient, locale, subject, body, status, attempts,
                    last_error, created_at)
                VALUES (:id, 'ORDER_CONFIRMATION', 'EMAIL', :recipient, 'en', 'Test', 'Test', 'QUEUED', :attempts,
                    'connection refused', now() - CAST(:age AS interval))
                """).param("id", UUID.randomUUID()).param("recipient", recipient).param("attempts", attempts)
                .param("age", age).update();
    }

    private void publication(String listener, String age) {
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    status, completion_attempts)
                VALUES (:id, :listener, 'org.ordo.ordering.OrderPlaced', '{}', now() - CAST(:age AS interval),
                    'PUBLISHED', 1)
                """).param("id", UUID.randomUUID()).param("listener", listener).param("age", age).update();
    }
}
