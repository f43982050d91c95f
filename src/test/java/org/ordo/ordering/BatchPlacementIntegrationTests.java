package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.notification.Message;
import org.ordo.notification.MessageKind;
import org.ordo.notification.Notifications;
import org.ordo.platform.Address;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of orders placed in one transaction through the one placement path (EDI places an interchange's messages
 * so, docs/benchmarks.md, P4): each order is checked, priced, reserved and released as alone, a refused one rolls
 * back its own work only, and the others proceed.
 */
@IntegrationTest
class BatchPlacementIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    OrderManagement orders;
    @Autowired
    Json json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Notifications notifications;
    @Autowired
    org.ordo.inventory.InventoryManagement inventory;

    @Test
    void aRefusedOrderOfABatchRollsBackItsOwnWorkOnlyAndTheOthersArePlacedAndReleased() {
        Stocked b = stocked();
        String prefix = Fixtures.unique("BATCH");

        List<OrderManagement.Placement> placed = orders.placeAll(List.of(
                order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 3L), new PlaceOrder.Line(b.other(), 1L)),
                order(prefix + "-2", b, new PlaceOrder.Line(b.sku(), 8L)), // 7 left: refused, 409
                order(prefix + "-3", b, new PlaceOrder.Line(b.sku(), 7L))),
                new PlaceOrder.Source(null, "batch-test"));

        assertThat(placed).hasSize(3);
        assertThat(placed.get(0).order()).isNotNull();
        assertThat(placed.get(0).order().lines()).extracting(OrderView.Line::sku).containsExactly(b.sku(), b.other());
        assertThat(placed.get(1).order()).isNull();
        assertThat(placed.get(1).refusal()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Not enough stock");
        assertThat(placed.get(2).order()).isNotNull();

        // the refused order left nothing behind; the others hold all 10 units and went to the warehouse on terms
        assertThat(jdbc.sql("SELECT count(*) FROM customer_order WHERE external_ref = :ref")
                .param("ref", prefix + "-2").query(Long.class).single()).isZero();
        assertThat(b.api().get("/api/v1/inventory/" + b.sku()).json().get("reserved").asLong()).isEqualTo(10);
        assertThat(b.api().get("/api/v1/inventory/" + b.other()).json().get("reserved").asLong()).isEqualTo(1);
        for (int i : new int[] {0, 2}) {
            OrderView now = orders.require(placed.get(i).order().id());
            assertThat(now.releasedAt()).as("released on the customer's terms").isNotNull();
            assertThat(now.customer().id()).isEqualTo(b.customer());
        }
    }

    @Test
    void anOrderTheGateReleasesIsWrittenReleasedWithItsInsertAndItsRowIsNeverUpdated() {
        Stocked b = stocked();
        String prefix = Fixtures.unique("BATCH");

        Counted batch = placeCounting(this::orderUpdates,
                order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 10L)),
                order(prefix + "-2", b, new PlaceOrder.Line(b.sku(), 1L)), // none left: refused, 409
                order(prefix + "-3", b, new PlaceOrder.Line(b.other(), 2L)));
        List<OrderManagement.Placement> placed = batch.placed();

        assertThat(placed).extracting(p -> p.order() != null).containsExactly(true, false, true);
        assertThat(batch.counted()).as("rows of customer_order updated in the placing transaction").isZero();
        for (int i : new int[] {0, 2}) {
            OrderView now = orders.require(placed.get(i).order().id());
            assertThat(now.releasedAt()).isEqualTo(now.createdAt());
            assertThat(now.fulfillmentStatus()).isEqualTo(FulfillmentStatus.RELEASED);
            assertThat(now.timeline()).extracting(e -> e.dimension() + ":" + e.from() + ">" + e.to() + ":"
                    + e.reasonCode()).containsExactly("order:null>OPEN:placed-with-reference",
                            "fulfillment:UNFULFILLED>RELEASED:released-on-terms");
            // the batch answers the order as placed, before the gate, as its listeners saw it
            assertThat(placed.get(i).order().releasedAt()).isNull();
            assertThat(placed.get(i).order().timeline()).hasSize(1);
        }
    }

    @Test
    void theSecondOrderOfABatchWithTheSameReferenceIsRefusedAndLeavesNeitherStockNorCapacityBooked() {
        Stocked b = stocked();
        String prefix = Fixtures.unique("BATCH");

        // the numbers are drawn for the whole batch at once: the second order meets the first only when it writes,
        // after it reserved and was promised, and rolls all of that back
        List<OrderManagement.Placement> placed = orders.placeAll(List.of(
                order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 2L)),
                order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 3L)),
                order(prefix + "-3", b, new PlaceOrder.Line(b.sku(), 1L))),
                new PlaceOrder.Source(null, "batch-test"));

        assertThat(placed.get(0).order()).isNotNull();
        assertThat(placed.get(1).refusal()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("external reference");
        assertThat(placed.get(2).order()).isNotNull();
        assertThat(Long.parseLong(placed.get(2).order().number().substring(3)))
                .as("numbers increase in the batch's order")
                .isGreaterThan(Long.parseLong(placed.get(0).order().number().substring(3)));
        assertThat(b.api().get("/api/v1/inventory/" + b.sku()).json().get("reserved").asLong()).isEqualTo(3);
        // the promise of the refused order is neither kept nor booked
        assertThat(jdbc.sql("SELECT coalesce(sum(booked), 0) FROM promise_booking WHERE location = :l")
                .param("l", b.location()).query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM promised_shipment WHERE location = :l")
                        .param("l", b.location()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aBatchLocksAndUpdatesEachStockLevelOnceAndItsOrdersSeeTheStockAsIfPlacedOneAfterAnother() {
        Stocked b = stocked();
        String prefix = Fixtures.unique("BATCH");

        Counted batch = placeCounting(this::stockLevelUpdates,
                order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 4L), new PlaceOrder.Line(b.other(), 1L)),
                // reserves 5 and is refused at its insert: the orders after it find those 5 free again
                order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 5L)),
                order(prefix + "-3", b, new PlaceOrder.Line(b.sku(), 6L), new PlaceOrder.Line(b.other(), 2L)),
                order(prefix + "-4", b, new PlaceOrder.Line(b.sku(), 1L)), // none left: refused
                order(prefix + "-5", b, new PlaceOrder.Line(b.other(), 7L)));
        List<OrderManagement.Placement> placed = batch.placed();

        assertThat(placed).extracting(p -> p.order() != null).containsExactly(true, false, true, false, true);
        assertThat(placed.get(1).refusal()).hasMessageContaining("external reference");
        assertThat(placed.get(3).refusal()).hasMessageContaining("Not enough stock");
        // rows of stock_level this transaction updated: one per level the batch reserved on, not one per order
        assertThat(batch.counted()).isEqualTo(2);
        assertThat(b.api().get("/api/v1/inventory/" + b.sku()).json().get("reserved").asLong()).isEqualTo(10);
        assertThat(b.api().get("/api/v1/inventory/" + b.other()).json().get("reserved").asLong()).isEqualTo(10);
        // the ledger and the reservations still have a row per order line, and add up to the levels
        for (String s : List.of(b.sku(), b.other())) {
            assertThat(jdbc.sql("SELECT count(*) FROM stock_movement WHERE sku = :sku AND kind = 'RESERVATION'")
                    .param("sku", s).query(Long.class).single()).isEqualTo(s.equals(b.sku()) ? 2 : 3);
            assertThat(jdbc.sql("SELECT sum(reserved_delta) FROM stock_movement WHERE sku = :sku")
                    .param("sku", s).query(Long.class).single()).isEqualTo(10);
            assertThat(jdbc.sql("SELECT sum(quantity) FROM reservation WHERE sku = :sku AND status = 'ACTIVE'")
                    .param("sku", s).query(Long.class).single()).isEqualTo(10);
        }
    }

    @Test
    void aBatchWritesItsOrdersLedgerRowsAndReservationsInOneStatementAndNoneOfARefusedOrder() {
        Stocked b = stocked();
        String prefix = Fixtures.unique("BATCH");

        Map<String, Long> statements = new java.util.HashMap<>();
        List<OrderManagement.Placement> placed = transactions.execute(status -> {
            countStatements("reservation", "stock_movement", "customer_order", "order_line", "order_timeline");
            List<OrderManagement.Placement> p = orders.placeAll(List.of(
                    order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 4L), new PlaceOrder.Line(b.other(), 1L)),
                    order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 5L)), // reserved, then refused at its insert
                    order(prefix + "-3", b, new PlaceOrder.Line(b.sku(), 7L)), // 6 left: refused, 409
                    order(prefix + "-4", b, new PlaceOrder.Line(b.sku(), 6L), new PlaceOrder.Line(b.other(), 2L))),
                    new PlaceOrder.Source(null, "batch-test"));
            statements.putAll(countedStatements());
            status.setRollbackOnly(); // the counting triggers go with it
            return p;
        });

        assertThat(placed).extracting(p -> p.order() != null).containsExactly(true, false, false, true);
        assertThat(statements).as("statements that inserted into each table").containsEntry("reservation", 1L)
                .containsEntry("stock_movement", 1L).containsEntry("customer_order", 1L)
                .containsEntry("order_line", 1L).containsEntry("order_timeline", 1L);
    }

    @Test
    void anOrderWhoseReferenceAnotherTransactionWroteMeanwhileIsRefusedAloneAndLeavesNothing() throws Exception {
        Stocked b = stocked();
        String prefix = Fixtures.unique("BATCH");
        // another transaction places prefix-2 and commits only once the batch waits for it: the batch looked for the
        // reference before, did not see it, and meets it as it writes its orders
        java.util.concurrent.CountDownLatch placedElsewhere = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Future<UUID> elsewhere = java.util.concurrent.Executors.newSingleThreadExecutor()
                .submit(() -> transactions.execute(status -> {
                    UUID id = orders.place(order(prefix + "-2", b, new PlaceOrder.Line(b.other(), 1L)),
                            new PlaceOrder.Source(null, "batch-test")).id();
                    placedElsewhere.countDown();
                    awaitSomeoneWaitingForALock();
                    return id;
                }));
        placedElsewhere.await();
        List<OrderManagement.Placement> placed = orders.placeAll(List.of(
                order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 2L)),
                order(prefix + "-2", b, new PlaceOrder.Line(b.sku(), 3L)),
                order(prefix + "-3", b, new PlaceOrder.Line(b.sku(), 4L))),
                new PlaceOrder.Source(null, "batch-test"));
        UUID other = elsewhere.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(placed).extracting(p -> p.order() != null).containsExactly(true, false, true);
        assertThat(placed.get(1).refusal()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("external reference");
        assertThat(jdbc.sql("SELECT id FROM customer_order WHERE channel = 'edi' AND external_ref = :ref")
                .param("ref", prefix + "-2").query(UUID.class).list()).containsExactly(other);
        // the refused order reserved nothing and wrote no ledger row; the others are as a read gives them
        assertThat(b.api().get("/api/v1/inventory/" + b.sku()).json().get("reserved").asLong()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT coalesce(sum(reserved_delta), 0) FROM stock_movement WHERE sku = :sku")
                .param("sku", b.sku()).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM reservation WHERE sku = :sku")
                .param("sku", b.sku()).query(Long.class).single()).isEqualTo(6);
        for (int i : new int[] {0, 2}) {
            // answered as placed, before the gate released it (the release is the read's only difference)
            OrderView answered = placed.get(i).order();
            OrderView now = orders.require(answered.id());
            assertThat(now.releasedAt()).isEqualTo(answered.createdAt());
            assertThat(answered.lines()).isEqualTo(now.lines());
            assertThat(answered.reservations()).isEqualTo(now.reservations());
            assertThat(answered.timeline()).isEqualTo(now.timeline().subList(0, 1));
            assertThat(answered.promises()).isEqualTo(now.promises());
            assertThat(answered.createdAt()).isEqualTo(now.createdAt());
        }
        assertThat(confirmations(List.of(placed.get(0).order().id(), placed.get(2).order().id(), other)))
                .isEqualTo(3);
    }

    /** Waits (at most 30 s) until a backend of this database waits for a lock another transaction holds. */
    private void awaitSomeoneWaitingForALock() {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until && jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                """).query(Long.class).single() == 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void aBatchsGatheredReservationsAreWrittenBeforeAReadInItsTransactionAndAgainAfterASavepointUndidThem() {
        Stocked b = stocked();
        UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        List<List<org.ordo.inventory.ReservationView>> read = new java.util.ArrayList<>();
        transactions.executeWithoutResult(status -> {
            org.ordo.inventory.StockBatch batch = inventory.lockForBatch(List.of(b.sku(), b.other()));
            inventory.reserve(demand(ids[0], b.sku(), 2), batch);
            // a read in the transaction (as the outsourcing's condition reads an order's reservations) sees them
            read.add(inventory.reservationsOf(ids[0]));
            Object savepoint = status.createSavepoint();
            org.ordo.inventory.StockBatch.Mark mark = batch.mark();
            inventory.reserve(demand(ids[1], b.other(), 3), batch);
            inventory.reserve(demand(ids[2], b.sku(), 1), batch);
            // written inside the savepoint, with the first order's rows already written before it
            read.add(inventory.reservationsOf(ids[2]));
            status.rollbackToSavepoint(savepoint);
            batch.rollbackTo(mark);
            inventory.reserve(demand(ids[2], b.sku(), 1), batch);
            inventory.settle(batch);
        });

        assertThat(read.get(0)).extracting(r -> r.sku() + ":" + r.quantity()).containsExactly(b.sku() + ":2");
        assertThat(read.get(1)).extracting(r -> r.sku() + ":" + r.quantity()).containsExactly(b.sku() + ":1");
        assertThat(inventory.reservationsOf(ids[0])).hasSize(1);
        assertThat(inventory.reservationsOf(ids[1])).as("rolled back to its savepoint").isEmpty();
        assertThat(inventory.reservationsOf(ids[2])).as("gathered again after its savepoint was undone").hasSize(1);
        for (String s : List.of(b.sku(), b.other())) {
            long levels = b.api().get("/api/v1/inventory/" + s).json().get("reserved").asLong();
            assertThat(levels).isEqualTo(s.equals(b.sku()) ? 3 : 0);
            assertThat(jdbc.sql("SELECT coalesce(sum(reserved_delta), 0) FROM stock_movement WHERE sku = :sku")
                    .param("sku", s).query(Long.class).single()).isEqualTo(levels);
        }
    }

    private static org.ordo.inventory.StockDemand demand(UUID order, String sku, long quantity) {
        return new org.ordo.inventory.StockDemand(order, "SO-" + order, List.of(
                new org.ordo.inventory.StockDemand.Line(1, sku, quantity, false)), "edi", "EUR");
    }

    /**
     * Counts, until the caller's transaction ends, the statements that insert into these tables: a statement-level
     * trigger of this transaction's own (rolled back with it) records each in a temporary table.
     */
    private void countStatements(String... tables) {
        jdbc.sql("CREATE TEMP TABLE counted_statement (tab text) ON COMMIT DROP").update();
        jdbc.sql("""
                CREATE FUNCTION pg_temp.count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO counted_statement VALUES (TG_TABLE_NAME); RETURN NULL; END $$
                """).update();
        for (String table : tables) {
            jdbc.sql("CREATE TRIGGER counted_statement AFTER INSERT ON " + table
                    + " FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.count_statement()").update();
        }
    }

    private Map<String, Long> countedStatements() {
        Map<String, Long> counted = new java.util.HashMap<>();
        jdbc.sql("SELECT tab, count(*) AS n FROM counted_statement GROUP BY tab")
                .query(rs -> {
                    counted.put(rs.getString("tab"), rs.getLong("n"));
                });
        return counted;
    }

    @Test
    void eachOrderOfABatchIsAnsweredAsWrittenWithoutReadingItBackAndAsALaterReadGivesIt() {
        Stocked b = stocked();
        Fixtures fixtures = new Fixtures(b.api());
        String second = fixtures.location(2);
        fixtures.receive(b.sku(), second, 10);
        String late = fixtures.article("PHYSICAL", "3.30", "EUR", "7", true, true); // none in stock: backordered
        // a customer who pays first: the payment gate leaves the orders as placed, so the answer is the order now
        UUID payer = UUID.fromString(expect(b.api().post("/api/v1/customers", Map.of("email",
                Fixtures.unique("payer").toLowerCase() + "@example.com", "name", "Payer", "type", "BUSINESS",
                "company", "Payer GmbH")), 201).json().get("id").asString());
        String prefix = Fixtures.unique("BATCH");

        long[] timelineReads = new long[1];
        List<OrderManagement.Placement> placed = transactions.execute(status -> {
            long before = scans("order_timeline");
            List<OrderManagement.Placement> p = orders.placeAll(List.of(
                    // 10 at the first location, 2 at the second, in one line; a backordered line
                    order(prefix + "-1", payer, b, new PlaceOrder.Line(b.sku(), 12L), new PlaceOrder.Line(late, 2L),
                            new PlaceOrder.Line(b.other(), 1L)),
                    order(prefix + "-1", payer, b, new PlaceOrder.Line(b.other(), 3L)), // refused at its insert
                    order(prefix + "-3", payer, b, new PlaceOrder.Line(b.other(), 2L),
                            new PlaceOrder.Line(b.sku(), 1L))),
                    new PlaceOrder.Source(null, "batch-test"));
            timelineReads[0] = scans("order_timeline") - before;
            return p;
        });

        assertThat(placed).extracting(p -> p.order() != null).containsExactly(true, false, true);
        assertThat(timelineReads[0]).as("no order of the batch was read back").isZero();
        OrderView first = placed.get(0).order();
        assertThat(first.reservations()).extracting(r -> r.location() + ":" + r.quantity())
                .containsExactly(b.location() + ":10", second + ":2", b.location() + ":1");
        assertThat(first.timeline()).hasSize(2);
        assertThat(first.fulfillmentStatus()).isEqualTo(FulfillmentStatus.BACKORDERED);
        for (int i : new int[] {0, 2}) {
            // field by field, stamps to the microsecond included: records compare every component
            assertThat(placed.get(i).order()).isEqualTo(orders.require(placed.get(i).order().id()));
        }
    }

    @Test
    void theConfirmationsOfATransactionAreWrittenTogetherBeforeItsCommitAndNoneForAnOrderItRolledBack() {
        Stocked b = stocked();
        String prefix = Fixtures.unique("BATCH");

        long[] writtenBeforeRead = new long[1];
        List<Message> readInTransaction = new java.util.ArrayList<>();
        UUID[] rolledBack = new UUID[1];
        List<OrderManagement.Placement> placed = transactions.execute(status -> {
            List<OrderManagement.Placement> p = orders.placeAll(List.of(
                    order(prefix + "-1", b, new PlaceOrder.Line(b.sku(), 1L)),
                    order(prefix + "-2", b, new PlaceOrder.Line(b.other(), 2L))),
                    new PlaceOrder.Source(null, "batch-test"));
            List<UUID> ids = p.stream().map(x -> x.order().id()).toList();
            // queued for the commit, not one insert per order
            writtenBeforeRead[0] = confirmations(ids);
            // a read of the transaction's messages sees them: they are written before it
            readInTransaction.addAll(notifications.ofOrder(ids.get(0)));
            // an order whose confirmation was queued and whose savepoint was then rolled back (as a batch does with
            // an order refused after it was placed): the confirmation must not outlive the order
            Object savepoint = status.createSavepoint();
            rolledBack[0] = orders.place(order(prefix + "-3", b, new PlaceOrder.Line(b.sku(), 1L)),
                    new PlaceOrder.Source(null, "batch-test")).id();
            status.rollbackToSavepoint(savepoint);
            return p;
        });

        assertThat(writtenBeforeRead[0]).as("no confirmation written before the transaction's first read").isZero();
        assertThat(readInTransaction).extracting(Message::kind).containsExactly(MessageKind.ORDER_CONFIRMATION);
        List<UUID> ids = placed.stream().map(p -> p.order().id()).toList();
        assertThat(confirmations(ids)).isEqualTo(2);
        for (OrderManagement.Placement p : placed) {
            Message m = notifications.ofOrder(p.order().id()).get(0);
            assertThat(m.subject()).contains(p.order().number());
            assertThat(m.body()).contains(p.order().number());
            assertThat(notifications.attachmentsOf(m.id())).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM customer_order WHERE id = :id").param("id", rolledBack[0])
                .query(Long.class).single()).isZero();
        assertThat(confirmations(List.of(rolledBack[0]))).as("no confirmation of a rolled-back order").isZero();
    }

    private long confirmations(List<UUID> orderIds) {
        return jdbc.sql("SELECT count(*) FROM message WHERE kind = 'ORDER_CONFIRMATION' AND order_id = ANY(:ids)")
                .param("ids", orderIds.toArray(UUID[]::new)).query(Long.class).single();
    }

    /** Two articles with 10 units each at a new location, and a business customer who may ship before paying. */
    private record Stocked(Api api, String location, String sku, String other, UUID customer, Address shipTo) {
    }

    private Stocked stocked() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        List<String> skus = fixtures.inStock(location, 10, "4.00", "6.00");
        String sku = skus.get(0);
        String other = skus.get(1);
        UUID customer = UUID.fromString(expect(api.post("/api/v1/customers", Map.of("email",
                Fixtures.unique("batch").toLowerCase() + "@example.com", "name", "Batch Buyer", "type", "BUSINESS",
                "company", "Batch GmbH", "shipBeforePayment", true)), 201).json().get("id").asString());
        return new Stocked(api, location, sku, other, customer,
                json.read(json.write(Fixtures.address("Batch Lager", "DE")), Address.class));
    }

    private static PlaceOrder order(String ref, Stocked b, PlaceOrder.Line... lines) {
        return order(ref, b.customer(), b, lines);
    }

    private static PlaceOrder order(String ref, UUID customer, Stocked b, PlaceOrder.Line... lines) {
        return new PlaceOrder("edi", ref, customer, null, b.shipTo(), null, "EUR", "invoice", null, null,
                List.of(lines));
    }

    /** Index and sequential scans of a table in this transaction so far. */
    private long scans(String table) {
        return jdbc.sql("""
                SELECT coalesce(idx_scan, 0) + coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables WHERE relname = :t
                """).param("t", table).query(Long.class).single();
    }

    /** A batch placed in one transaction, and how much a counter of the database's moved in it. */
    private record Counted(List<OrderManagement.Placement> placed, long counted) {
    }

    /**
     * Places the batch in a transaction of its own and counts with {@code counter} what it did. PostgreSQL 15 keeps a
     * connection's counts of earlier transactions in pg_stat_xact_user_tables until it reports them (at most once a
     * second, when idle): the transaction's own are the difference.
     */
    private Counted placeCounting(java.util.function.LongSupplier counter, PlaceOrder... batch) {
        long[] counted = new long[1];
        List<OrderManagement.Placement> placed = transactions.execute(status -> {
            long before = counter.getAsLong();
            List<OrderManagement.Placement> p = orders.placeAll(List.of(batch), new PlaceOrder.Source(null,
                    "batch-test"));
            counted[0] = counter.getAsLong() - before;
            return p;
        });
        return new Counted(placed, counted[0]);
    }

    private long orderUpdates() {
        return jdbc.sql("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'customer_order'")
                .query(Long.class).single();
    }

    private long stockLevelUpdates() {
        return jdbc.sql("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'stock_level'")
                .query(Long.class).single();
    }
}
