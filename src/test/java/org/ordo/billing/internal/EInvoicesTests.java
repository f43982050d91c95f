package org.ordo.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.ordo.Mails;
import org.ordo.billing.Invoice;
import org.ordo.billing.Seller;
import org.ordo.party.Customer;
import org.ordo.party.CustomerType;
import org.ordo.platform.Address;
import org.ordo.platform.Money;
import org.ordo.platform.TextBundle;

/**
 * The e-invoices pass Mustang's validator (EN 16931 and XRechnung schematron for the XML; veraPDF PDF/A-3 and
 * Factur-X for the PDF), and an invoice that lacks what EN 16931 requires is reported invalid.
 */
class EInvoicesTests {

    static final Seller SELLER = new Seller("Ordo Demo GmbH", "Musterstraße 1", "10115", "Berlin", "DE",
            "DE123456789", "DE02120300000000202051", "BYLADEM1001", "Accounts receivable", "+49 30 1234567",
            "billing@ordo.example");

    private final EInvoices eInvoices = new EInvoices(SELLER);
    private final DocumentRenderer renderer = new DocumentRenderer(
            new TextBundle("documents", null, ZoneId.of("Europe/Berlin")), SELLER);

    static Invoice invoice(Address billing) {
        Money mugNet = eur("39.98");
        Money bookNet = eur("10.00");
        List<Invoice.Line> lines = List.of(
                new Invoice.Line(1, "MUG-1", "Becher \"Ordo\"", 2, eur("19.99"), new BigDecimal("19"), mugNet,
                        eur("7.60"), eur("47.58")),
                new Invoice.Line(2, "BOOK-7", "Buch über Lager", 1, eur("10.00"), new BigDecimal("7"), bookNet,
                        eur("0.70"), eur("10.70")));
        return new Invoice(UUID.randomUUID(), "INV-2026-000042", UUID.randomUUID(), "SO-100042",
                "einkauf@muster.example", "Max Muster", billing, "EUR", lines, eur("49.98"), eur("8.30"),
                eur("58.28"), Instant.parse("2026-03-05T10:00:00Z"));
    }

    static Customer business(String vatId) {
        return new Customer(UUID.randomUUID(), "einkauf@muster.example", "Max Muster", null, "de",
                CustomerType.BUSINESS, "Muster AG", vatId, false, List.of(), true, null, Instant.now(), Instant.now(),
                false);
    }

    static Address address(String country) {
        return new Address("Max Muster", "Muster AG", "Industriestr. 5", null, "80331", "München", null, country,
                null);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static String validate(byte[] content, String fileName, boolean expectValid) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(content, fileName);
        assertThat(validator.wasCompletelyValid()).as(report).isEqualTo(expectValid);
        return report;
    }

    @Test
    void theXRechnungIsValid() {
        byte[] xml = eInvoices.xrechnung(invoice(address("DE")), business("DE811569869"));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("INV-2026-000042", "DE811569869", "DE123456789", "58.28");
        validate(xml, "xrechnung.xml", true);
    }

    @Test
    void theZugferdPdfIsValidPdfA3WithTheXmlInside() throws Exception {
        Invoice invoice = invoice(address("DE"));
        byte[] pdf = eInvoices.zugferd(renderer.invoice(invoice, "de", "DE811569869"), invoice,
                business("DE811569869"));
        validate(pdf, "invoice.pdf", true);
        assertThat(Mails.pdfText(pdf)).contains("Rechnung INV-2026-000042", "58,28 €", "Buch über Lager");
    }

    @Test
    void anInvoiceWithoutTheBuyersCountryIsReportedInvalid() {
        byte[] xml = eInvoices.xrechnung(invoice(address(null)), business(null));
        String report = validate(xml, "xrechnung.xml", false);
        assertThat(report).contains("error");
    }
}
