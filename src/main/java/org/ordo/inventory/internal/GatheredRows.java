package org.ordo.inventory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.ordo.inventory.ReservationView;
import org.ordo.inventory.internal.StockLedger.Entry;
import org.ordo.inventory.internal.StockLedger.NewReservation;
import org.ordo.platform.PerTransaction;
import org.springframework.stereotype.Component;

/**
 * The ledger rows and reservations that the orders of a batch (an EDI interchange's orders placed in one
 * transaction, {@code InventoryManagement.lockForBatch} to {@code settle}) gathered and have not written yet. A batch
 * writes them with its levels in one statement per table when it ends (docs/benchmarks.md, P4). Until then they are
 * open in the transaction, and {@link StockLedger} writes them before any statement of the transaction on
 * {@code stock_movement} or {@code reservation} ({@link #writeOut}): every such statement starts there, so no read
 * or write of the ledger or the reservations meets a batch's rows unwritten, whichever module asks for it.
 */
@Component
public class GatheredRows {

    /** The batches open in the caller's transaction, in the order they were opened. */
    private final PerTransaction<List<Batch>> open = new PerTransaction<>();

    /** Rows of a new batch, open in the caller's transaction until {@link #close}. */
    public Batch open() {
        Batch batch = new Batch();
        open.get(ArrayList::new).ifPresent(batches -> batches.add(batch));
        return batch;
    }

    /**
     * Ends a batch: its rows are no longer written by others' statements, and those not written yet are answered,
     * to be written with the batch's levels (from now on they count as written).
     */
    Unwritten close(Batch batch) {
        open.current().ifPresent(batches -> batches.remove(batch));
        return batch.unwritten();
    }

    /** Hands each open batch's rows not written yet to {@code writer} (one call per batch that has some). */
    void writeOut(Consumer<Unwritten> writer) {
        open.current().ifPresent(batches -> batches.forEach(batch -> {
            Unwritten rows = batch.unwritten();
            if (!rows.isEmpty()) {
                writer.accept(rows);
            }
        }));
    }

    /** Gathered rows not written yet, in the order gathered. */
    public record Unwritten(List<Entry> entries, List<NewReservation> reservations) {

        public boolean isEmpty() {
            return entries.isEmpty() && reservations.isEmpty();
        }
    }

    /** Where a batch's rows stand, to go back to when the savepoint of an order is rolled back. */
    public record Mark(int entries, int reservations, int entriesWritten, int reservationsWritten) {
    }

    /**
     * The rows one batch gathered, kept for one transaction by the batch, never shared. Rows written early (a
     * statement on the ledger came before the batch's end) and undone by a rolled-back savepoint are written again.
     */
    public static final class Batch {

        private final List<Entry> entries = new ArrayList<>();
        private final List<NewReservation> reservations = new ArrayList<>();
        /** How many of {@link #entries} and {@link #reservations} are written already. */
        private int entriesWritten;
        private int reservationsWritten;

        private Batch() {
        }

        /**
         * An order of the batch reserved: its ledger rows and its reservations (the rows of {@code picks}, parallel
         * to them), to be written with the batch's. Answers the reservations as they will be read once written
         * ({@link StockLedger#reservationsOf}): active, with their location's code, in its order (line, the
         * location's priority, its code).
         */
        public List<ReservationView> gather(List<Entry> orderEntries, List<AllocationPlan.Pick> picks,
                List<NewReservation> orderReservations) {
            entries.addAll(orderEntries);
            reservations.addAll(orderReservations);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < picks.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingInt((Integer i) -> picks.get(i).lineNo())
                    .thenComparingInt(i -> picks.get(i).level().priority())
                    .thenComparing(i -> picks.get(i).level().location()));
            return order.stream().map(i -> {
                NewReservation r = orderReservations.get(i);
                return new ReservationView(r.id(), r.lineNo(), r.sku(), picks.get(i).level().location(),
                        r.quantity(), "ACTIVE", r.createdAt(), null, r.orderId());
            }).toList();
        }

        public Mark mark() {
            return new Mark(entries.size(), reservations.size(), entriesWritten, reservationsWritten);
        }

        /** The rows gathered since {@code mark} are dropped; those written since, the savepoint's rollback undid. */
        public void rollbackTo(Mark mark) {
            entries.subList(mark.entries(), entries.size()).clear();
            reservations.subList(mark.reservations(), reservations.size()).clear();
            entriesWritten = Math.min(entriesWritten, mark.entriesWritten());
            reservationsWritten = Math.min(reservationsWritten, mark.reservationsWritten());
        }

        /**
         * Drops the rows of one order (its order was not written after all); false, and nothing dropped, when some
         * of them were written already.
         */
        public boolean forget(UUID orderId) {
            String ref = orderId.toString();
            for (int i = 0; i < entriesWritten; i++) {
                if (ref.equals(entries.get(i).documentRef())) {
                    return false;
                }
            }
            for (int i = 0; i < reservationsWritten; i++) {
                if (orderId.equals(reservations.get(i).orderId())) {
                    return false;
                }
            }
            entries.removeIf(e -> ref.equals(e.documentRef()));
            reservations.removeIf(r -> orderId.equals(r.orderId()));
            return true;
        }

        /** The rows not written yet; from now on they count as written. */
        private Unwritten unwritten() {
            Unwritten rows = new Unwritten(List.copyOf(entries.subList(entriesWritten, entries.size())),
                    List.copyOf(reservations.subList(reservationsWritten, reservations.size())));
            entriesWritten = entries.size();
            reservationsWritten = reservations.size();
            return rows;
        }
    }
}
