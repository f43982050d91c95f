package org.ordo.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The layout: text comes back out as written (Hangul too), long tables break pages, the bytes are reproducible. */
class PdfDocumentTests {

    private static final Instant ISSUED = Instant.parse("2026-03-05T10:00:00Z");

    private static PdfDocument sample(UUID id, int rows) {
        List<List<String>> lines = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            lines.add(List.of(Integer.toString(i), "유리 머그컵 Mug number " + i
                    + " with a name long enough to wrap inside its narrow column", "2", "€39.98"));
        }
        return new PdfDocument(new PdfDocument.Info(id, "주문 확인서 SO-1", "Ordo", ISSUED, "ko"))
                .letterhead(List.of("Ordo GmbH", "Hauptstr. 1", "10115 Berlin"))
                .title("주문 확인서 SO-1")
                .addresses(List.of("Erika Mustermann", "Hauptstr. 1", "10115 Berlin"),
                        List.of(new PdfDocument.Field("주문일", "2026. 3. 5."),
                                new PdfDocument.Field("Total", "1.234,50\u00a0€")))
                .paragraph("주문해 주셔서 감사합니다.")
                .table(List.of(PdfDocument.Column.right("#", 0.6), PdfDocument.Column.left("상품", 5),
                        PdfDocument.Column.right("수량", 1), PdfDocument.Column.right("금액", 1.6)), lines)
                .totals(List.of(new PdfDocument.Field("공급가액", "₩12,000"), new PdfDocument.Field("합계", "₩13,200")))
                .footer(List.of("Ordo GmbH · VAT DE123456789"), "Page {page} of {pages}");
    }

    @Test
    void textIncludingHangulAndCurrencySignsComesBackOut() throws IOException {
        byte[] pdf = sample(UUID.randomUUID(), 3).toBytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("주문 확인서 SO-1", "Erika Mustermann", "감사합니다", "₩13,200", "1.234,50 €",
                    "Page 1 of 1", "Mug number 3");
            assertThat(doc.getDocumentCatalog().getMetadata()).as("XMP for PDF/A").isNotNull();
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    @Test
    void aLongTableContinuesOnNewPagesWithItsHeader() throws IOException {
        byte[] pdf = sample(UUID.randomUUID(), 80).toBytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(doc)).as("the header again").contains("상품", "수량", "Page 2 of " + pages);
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            assertThat(stripper.getText(doc)).contains("Mug number 1 ", "Mug number 80", "₩13,200");
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytes() {
        UUID id = UUID.randomUUID();
        assertThat(sample(id, 5).toBytes()).isEqualTo(sample(id, 5).toBytes());
        assertThat(sample(UUID.randomUUID(), 5).toBytes()).as("another id").isNotEqualTo(sample(id, 5).toBytes());
    }

    @Test
    void documentsRenderedAtOnceOnReusedFontsGiveTheSameBytes() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] expected = sample(id, 3).toBytes();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> renders = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                renders.add(pool.submit(() -> sample(id, 3).toBytes()));
            }
            for (var render : renders) {
                assertThat(render.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The XML factories of the metadata are looked up once per thread, not once per document: each look-up searches
     * the class path, which was more than a third of rendering a document. Counted through the JDK's own switch for
     * the transformer factory, on a thread of its own (so nothing rendered earlier on this thread counts).
     */
    @Test
    void documentsRenderedOneAfterAnotherLookUpTheXmlFactoriesOnce() throws Exception {
        String property = "javax.xml.transform.TransformerFactory";
        String before = System.getProperty(property);
        CountingTransformerFactory.MADE.set(0);
        System.setProperty(property, CountingTransformerFactory.class.getName());
        try {
            java.util.concurrent.FutureTask<Void> three = new java.util.concurrent.FutureTask<>(() -> {
                for (int i = 0; i < 3; i++) {
                    assertThat(sample(UUID.randomUUID(), 2).toBytes()).isNotEmpty();
                }
                return null;
            });
            new Thread(three, "pdf-renderer").start();
            three.get();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
        assertThat(CountingTransformerFactory.MADE.get()).isEqualTo(1);
    }

    /** The transformer factory the application finds on its class path (Saxon's), counting how many are made. */
    public static class CountingTransformerFactory extends net.sf.saxon.TransformerFactoryImpl {

        static final java.util.concurrent.atomic.AtomicInteger MADE = new java.util.concurrent.atomic.AtomicInteger();

        public CountingTransformerFactory() {
            MADE.incrementAndGet();
        }
    }
}
