package org.ordo.platform.pdf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints what rendering an order confirmation costs: a three-line German confirmation laid out as
 * {@code DocumentRenderer} lays it out, rendered warm on one thread and on two at once. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.ordo.platform.pdf.PdfRenderCost [rounds]}.
 */
public final class PdfRenderCost {

    private static final Instant PLACED = Instant.parse("2026-03-05T10:00:00Z");

    private PdfRenderCost() {
    }

    static byte[] confirmation(UUID id) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.add(List.of(Integer.toString(i), "Kaffeebecher Steingut " + i + "\nArtikel-Nr. MUG-" + i, "2",
                    "19,99 €", "19 %", "39,98 €"));
        }
        return new PdfDocument(new PdfDocument.Info(id, "Auftragsbestätigung SO-100001", "Ordo Demo GmbH", PLACED,
                "de"))
                .letterhead(List.of("Ordo Demo GmbH", "Hauptstraße 1", "10115 Berlin"))
                .title("Auftragsbestätigung SO-100001")
                .addresses(List.of("Erika Mustermann", "Hauptstraße 1", "10115 Berlin", "DE"), List.of(
                        new PdfDocument.Field("Bestellnummer", "SO-100001"),
                        new PdfDocument.Field("Bestelldatum", "05.03.2026"),
                        new PdfDocument.Field("Kunde", "erika@example.com")))
                .paragraph("Vielen Dank für Ihre Bestellung. Wir haben sie wie folgt erhalten:")
                .table(List.of(PdfDocument.Column.right("Pos.", 0.6), PdfDocument.Column.left("Artikel", 4.6),
                        PdfDocument.Column.right("Menge", 0.9), PdfDocument.Column.right("Einzelpreis", 1.6),
                        PdfDocument.Column.right("USt.", 0.9), PdfDocument.Column.right("Betrag", 1.6)), rows)
                .totals(List.of(new PdfDocument.Field("Netto", "100,79 €"), new PdfDocument.Field("USt.", "19,15 €"),
                        new PdfDocument.Field("Gesamtbetrag", "119,94 €")))
                .paragraph("Sie erhalten eine weitere Nachricht, sobald Ihre Bestellung versandt ist.")
                .footer(List.of("Ordo Demo GmbH · Hauptstraße 1 · 10115 Berlin · USt-IdNr. DE123456789"),
                        "Seite {page} von {pages}")
                .toBytes();
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long cold = System.nanoTime();
        int size = confirmation(UUID.randomUUID()).length;
        System.out.printf("first (cold) render: %.1f ms, %d bytes%n", (System.nanoTime() - cold) / 1e6, size);
        for (int i = 0; i < rounds; i++) {
            confirmation(UUID.randomUUID()); // warm up
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            confirmation(UUID.randomUUID());
        }
        // the thread's CPU time as well: on a shared machine the wall time says more about the others
        System.out.printf("one thread: %.2f ms per confirmation, %.2f ms of its CPU (%d rounds)%n",
                (System.nanoTime() - start) / 1e6 / rounds, (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / rounds,
                rounds);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            start = System.nanoTime();
            List<Future<byte[]>> done = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                done.add(pool.submit(() -> confirmation(UUID.randomUUID())));
            }
            for (Future<byte[]> f : done) {
                f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e6;
            System.out.printf("two threads: %.2f ms wall per confirmation, %.0f confirmations/s%n",
                    elapsed / rounds, rounds / (elapsed / 1000));
        } finally {
            pool.shutdown();
        }
    }
}
