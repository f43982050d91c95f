package org.ordo.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.MovementKind;
import org.ordo.inventory.StockBatch;
import org.ordo.inventory.StockDemand;
import org.ordo.inventory.internal.StockLedger.Entry;
import org.ordo.inventory.internal.StockLedger.LevelChange;
import org.ordo.inventory.internal.StockLedger.NewReservation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No statement on the ledger or the reservations meets a batch's gathered rows unwritten: every statement of
 * {@link StockLedger} (the only class that issues any on {@code stock_movement} or {@code reservation}), run in a
 * transaction whose open batch gathered an order's rows, finds them written when it names those tables, and leaves
 * them gathered (for the batch's one statement at its end) when it names neither.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatheredRowsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    StockLedger ledger;
    @Autowired
    GatheredRows gathered;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** Stock of two SKUs at one location, and an order's active reservation of 3 units of the first. */
    private String sku;
    private String other;
    private String location;
    private UUID locationId;
    private UUID order;
    private UUID reservation;

    @BeforeAll
    void stock() {
        Fixtures fixtures = new Fixtures(Api.admin(port));
        location = fixtures.location(1);
        List<String> skus = fixtures.inStock(location, 10, "4.00", "6.00");
        sku = skus.get(0);
        other = skus.get(1);
        locationId = jdbc.sql("SELECT id FROM location WHERE code = :code").param("code", location)
                .query(UUID.class).single();
        order = UUID.randomUUID();
        reservation = transactions.execute(status -> inventory.reserve(demand(order, sku, 3)).reservations()
                .get(0).id());
    }

    /** A statement of the ledger, and whether it names the ledger or the reservations. */
    private record Statement(boolean onLedger, Consumer<StockLedger> call) {
    }

    /** Every statement of the ledger, by method (name and parameter types). */
    private Map<String, Statement> statements() {
        Map<String, Statement> all = new LinkedHashMap<>();
        Entry entry = new Entry(sku, locationId, MovementKind.ADJUSTMENT, 1, 0, "counted", "TEST", "T-1", "test");
        Instant since = Instant.now().minusSeconds(3600);
        // the stock levels only
        all.put("addOnHand(String,UUID,long)", levels(l -> l.addOnHand(sku, locationId, 1)));
        all.put("removeOnHand(String,UUID,long)", levels(l -> l.removeOnHand(sku, locationId, 1)));
        all.put("lock(List)", levels(l -> l.lock(List.of(sku))));
        all.put("lockAt(UUID,List)", levels(l -> l.lockAt(locationId, List.of(sku))));
        all.put("unreserve(String,UUID,long)", levels(l -> l.unreserve(sku, locationId, 1)));
        all.put("takeReserved(String,UUID,long)", levels(l -> l.takeReserved(sku, locationId, 1)));
        all.put("levels(String)", levels(l -> l.levels(sku)));
        all.put("levels(String,String,String,String,int)", levels(l -> l.levels(sku, location, null, null, 10)));
        all.put("holding(Collection)", levels(l -> l.holding(List.of(sku))));
        all.put("addReturned(String,UUID,long,boolean)", levels(l -> l.addReturned(sku, locationId, 1, true)));
        all.put("leaveQuarantine(String,UUID,long,boolean)",
                levels(l -> l.leaveQuarantine(sku, locationId, 1, false)));
        all.put("quarantined(String)", levels(l -> l.quarantined(sku)));
        all.put("levelsAt(String)", levels(l -> l.levelsAt(location)));
        // the ledger or the reservations
        all.put("reserve(List,List,List)", ledger(l -> l.reserve(List.of(new LevelChange(sku, locationId, 1)),
                List.of(entry), List.of(new NewReservation(UUID.randomUUID(), UUID.randomUUID(), 1, sku, locationId,
                        1, Instant.now())))));
        all.put("settle(List,Batch)", ledger(l -> {
            GatheredRows.Batch second = gathered.open();
            second.gather(List.of(entry), List.of(), List.of());
            l.settle(List.of(), second);
        }));
        all.put("record(List)", ledger(l -> l.record(List.of(entry))));
        all.put("lastMovement(String)", ledger(l -> l.lastMovement(sku)));
        all.put("closeActiveReservations(UUID,String)", ledger(l -> l.closeActiveReservations(order, "RELEASED")));
        all.put("closeActiveReservations(UUID,Collection,String)",
                ledger(l -> l.closeActiveReservations(order, List.of(1), "RELEASED")));
        all.put("hasIssued(UUID)", ledger(l -> l.hasIssued(order)));
        all.put("lockReservation(UUID)", ledger(l -> l.lockReservation(reservation)));
        all.put("splitReservation(UUID,long)", ledger(l -> l.splitReservation(reservation, 1)));
        all.put("closeReservation(UUID,long)", ledger(l -> l.closeReservation(reservation, 1)));
        all.put("activeReservationsAt(UUID,List)", ledger(l -> l.activeReservationsAt(locationId, List.of(order))));
        all.put("reservationsOf(UUID)", ledger(l -> l.reservationsOf(order)));
        all.put("movements(String,String,Long,int)", ledger(l -> l.movements(sku, location, null, 10)));
        all.put("discrepancies(String)", ledger(l -> l.discrepancies(sku)));
        all.put("allocatedByLine(Collection)", ledger(l -> l.allocatedByLine(List.of(order))));
        all.put("quarantineDiscrepancies(String)", ledger(l -> l.quarantineDiscrepancies(sku)));
        all.put("inTransit()", ledger(StockLedger::inTransit));
        all.put("demand(String,UUID,Instant)", ledger(l -> l.demand(sku, locationId, since)));
        all.put("demand(Collection,Instant)", ledger(l -> l.demand(List.of(sku), since)));
        return all;
    }

    private static Statement levels(Consumer<StockLedger> call) {
        return new Statement(false, call);
    }

    private static Statement ledger(Consumer<StockLedger> call) {
        return new Statement(true, call);
    }

    Stream<String> methods() {
        return statements().keySet().stream();
    }

    @Test
    void everyMethodOfTheLedgerIsCheckedHere() {
        List<String> methods = Arrays.stream(StockLedger.class.getDeclaredMethods())
                .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
                .map(GatheredRowsIntegrationTests::signature).toList();

        assertThat(statements().keySet()).containsExactlyInAnyOrderElementsOf(methods);
    }

    @Test
    void noClassButTheLedgerIssuesStatementsOnTheLedgerOrTheReservations() throws IOException {
        Pattern onThem = Pattern.compile(
                "(?i)\\bstock_movement\\b|\\b(from|join|into|update|table)\\s+reservation\\b");
        List<String> issuing;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            issuing = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String code = Files.readString(p).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                    return onThem.matcher(code).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).toList();
        }

        assertThat(issuing).containsExactly("StockLedger.java");
    }

    @ParameterizedTest
    @MethodSource("methods")
    void aStatementOnTheLedgerOrTheReservationsFindsABatchsGatheredRowsWrittenAndNoOtherWritesThem(
            String method) {
        Statement statement = statements().get(method);
        UUID batched = UUID.randomUUID();
        long[] touched = new long[1];
        long[] written = new long[2];
        transactions.executeWithoutResult(status -> {
            StockBatch batch = inventory.lockForBatch(List.of(other));
            inventory.reserve(demand(batched, other, 2), batch);
            long before = touches();
            statement.call().accept(ledger);
            touched[0] = touches() - before;
            written[0] = jdbc.sql("SELECT count(*) FROM reservation WHERE order_id = :order")
                    .param("order", batched).query(Long.class).single();
            written[1] = jdbc.sql("SELECT count(*) FROM stock_movement WHERE document_ref = :order")
                    .param("order", batched.toString()).query(Long.class).single();
            status.setRollbackOnly();
        });

        if (statement.onLedger()) {
            assertThat(written).as("the batch's reservation and ledger row, written before " + method)
                    .containsExactly(1, 1);
        } else {
            assertThat(touched[0]).as(method + " touches neither the ledger nor the reservations").isZero();
            assertThat(written).as("the batch's rows, still gathered after " + method).containsExactly(0, 0);
        }
    }

    /**
     * Scans and rows written of the ledger and the reservations in this transaction so far (PostgreSQL keeps a
     * connection's counts of earlier transactions here until it reports them: only differences count).
     */
    private long touches() {
        return jdbc.sql("""
                SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0) + n_tup_ins + n_tup_upd
                                    + n_tup_del), 0)
                FROM pg_stat_xact_user_tables WHERE relname IN ('stock_movement', 'reservation')
                """).query(Long.class).single();
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static StockDemand demand(UUID order, String sku, long quantity) {
        return new StockDemand(order, "SO-" + order, List.of(new StockDemand.Line(1, sku, quantity, false)), "edi",
                "EUR");
    }
}
