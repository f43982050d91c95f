package org.ordo.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.billing.CreditNote;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.billing.Invoice;
import org.ordo.billing.Quote;
import org.ordo.billing.Seller;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Address;
import org.ordo.platform.Money;
import org.ordo.platform.TextBundle;
import org.ordo.platform.pdf.PdfDocument;
import org.ordo.platform.pdf.PdfDocument.Column;
import org.ordo.platform.pdf.PdfDocument.Field;
import org.springframework.stereotype.Component;

/**
 * Lays out the order confirmation, the invoice and the credit note as PDF, in the customer's language, with the
 * seller's letterhead and footer. The file's dates are the document's own (order or issue date), so rendering the
 * same document again gives the same bytes.
 */
@Component
public class DocumentRenderer {

    private final TextBundle bundle;
    private final Seller seller;
    private final org.ordo.billing.ShopProfile shop;

    @org.springframework.beans.factory.annotation.Autowired
    DocumentRenderer(TextBundle documentTexts, Seller seller, org.ordo.billing.ShopProfile shop) {
        this.bundle = documentTexts;
        this.seller = seller;
        this.shop = shop;
    }

    /** Without the shop's settings (no database): the seller's name, no logo. */
    DocumentRenderer(TextBundle documentTexts, Seller seller) {
        this(documentTexts, seller, null);
    }

    /** A line of a document, whatever the document: the invoice's lines and the order's map onto it. */
    private record Row(int lineNo, String name, String sku, long quantity, Money net, BigDecimal taxRate) {
    }

    public byte[] confirmation(OrderView order) {
        TextBundle.Texts t = bundle.in(order.customer().locale());
        List<Row> rows = order.lines().stream()
                .map(l -> new Row(l.lineNo(), l.name(), l.sku(), l.quantity(), l.net(), l.taxRate())).toList();
        String title = t.render("confirmation.title", Map.of("number", order.number()));
        return start(DocumentKind.CONFIRMATION, order.number(), title, order.createdAt(), t)
                .addresses(address(order.billingAddress(), order.customer().name()), List.of(
                        new Field(t.text("document.order-number"), order.number()),
                        new Field(t.text("document.order-date"), t.date(order.createdAt())),
                        new Field(t.text("document.customer"), order.customer().email())))
                .paragraph(t.text("confirmation.intro"))
                .table(columns(t), cells(rows, t))
                .totals(totals(t, order.totals().net(), order.totals().tax(), order.totals().gross()))
                .paragraph(t.text("confirmation.outro"))
                .footer(seller.footer(t), t.text("document.page"))
                .toBytes();
    }

    public byte[] invoice(Invoice invoice, String locale, String buyerVatId) {
        TextBundle.Texts t = bundle.in(locale);
        List<Field> details = new ArrayList<>(List.of(
                new Field(t.text("invoice.number"), invoice.number()),
                new Field(t.text("invoice.date"), t.date(invoice.issuedAt())),
                new Field(t.text("document.order-number"), invoice.orderNumber()),
                new Field(t.text("document.customer"), invoice.customerEmail())));
        if (buyerVatId != null && !buyerVatId.isBlank()) {
            details.add(new Field(t.text("document.buyer-vat-id"), buyerVatId));
        }
        String title = t.render("invoice.title", Map.of("number", invoice.number()));
        return start(DocumentKind.INVOICE, invoice.number(), title, invoice.issuedAt(), t)
                .addresses(address(invoice.billingAddress(), invoice.customerName()), details)
                .table(columns(t), cells(rows(invoice.lines()), t))
                .totals(totals(t, invoice.net(), invoice.tax(), invoice.gross()))
                .paragraph(t.render("invoice.outro", Map.of("number", invoice.number())))
                .footer(seller.footer(t), t.text("document.page"))
                .toBytes();
    }

    public byte[] creditNote(CreditNote note, String locale) {
        TextBundle.Texts t = bundle.in(locale);
        String title = t.render("credit-note.title", Map.of("number", note.number()));
        return start(DocumentKind.CREDIT_NOTE, note.number(), title, note.issuedAt(), t)
                .addresses(address(note.billingAddress(), note.customerName()), List.of(
                        new Field(t.text("credit-note.number"), note.number()),
                        new Field(t.text("credit-note.date"), t.date(note.issuedAt())),
                        new Field(t.text("credit-note.invoice"), note.invoiceNumber()),
                        new Field(t.text("document.order-number"), note.orderNumber())))
                .table(columns(t), cells(rows(note.lines()), t))
                .totals(totals(t, note.net(), note.tax(), note.gross()))
                .paragraph(t.text("credit-note.outro"))
                .footer(seller.footer(t), t.text("document.page"))
                .toBytes();
    }

    /** The quote in its customer's language; its date is the day it was made. */
    public byte[] quote(Quote quote) {
        TextBundle.Texts t = bundle.in(quote.customer().locale());
        List<Row> rows = quote.lines().stream()
                .map(l -> new Row(l.lineNo(), l.name(), l.sku(), l.quantity(), l.net(), l.taxRate())).toList();
        String title = t.render("quote.title", Map.of("number", quote.number()));
        return start(DocumentKind.QUOTE, quote.number(), title, quote.createdAt(), t)
                .addresses(address(quote.billingAddress(), quote.customer().name()), List.of(
                        new Field(t.text("quote.number"), quote.number()),
                        new Field(t.text("quote.date"), t.date(quote.createdAt())),
                        new Field(t.text("quote.valid-until"), t.date(quote.validUntil())),
                        new Field(t.text("document.customer"), quote.customer().email())))
                .paragraph(t.text("quote.intro"))
                .table(columns(t), cells(rows, t))
                .totals(totals(t, quote.net(), quote.tax(), quote.gross()))
                .paragraph(t.render("quote.outro", Map.of("validUntil", t.date(quote.validUntil()))))
                .footer(seller.footer(t), t.text("document.page"))
                .toBytes();
    }

    private PdfDocument start(DocumentKind kind, String number, String title, Instant at, TextBundle.Texts t) {
        UUID id = DocumentArchive.idOf(kind, number);
        return new PdfDocument(new PdfDocument.Info(id, title, seller.name(), at, t.locale().toLanguageTag()))
                .letterhead(seller.letterhead())
                .brand(shop == null ? null : shop.logo().orElse(null), brandName())
                .title(title);
    }

    /** The shop's name at the head of the page when an admin set one other than the seller's (docs/back-office.md). */
    private String brandName() {
        String name = shop == null ? seller.name() : shop.name();
        return name.equals(seller.name()) ? null : name;
    }

    private static List<Row> rows(List<Invoice.Line> lines) {
        return lines.stream().map(l -> new Row(l.lineNo(), l.name(), l.sku(), l.quantity(), l.net(), l.taxRate()))
                .toList();
    }

    private static List<Column> columns(TextBundle.Texts t) {
        return List.of(Column.right(t.text("document.column.position"), 0.6),
                Column.left(t.text("document.column.article"), 4.6),
                Column.right(t.text("document.column.quantity"), 0.9),
                Column.right(t.text("document.column.unit-price"), 1.6),
                Column.right(t.text("document.column.tax-rate"), 0.9),
                Column.right(t.text("document.column.amount"), 1.6));
    }

    private static List<List<String>> cells(List<Row> rows, TextBundle.Texts t) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            String article = r.sku() == null ? r.name()
                    : r.name() + "\n" + t.render("document.line.sku", Map.of("sku", r.sku()));
            String unit = r.quantity() == 0 ? "" : t.money(Money.rounded(
                    r.net().amount().divide(BigDecimal.valueOf(r.quantity()), 8, Money.ROUNDING), r.net().currency()));
            cells.add(List.of(Integer.toString(r.lineNo()), article, t.number(r.quantity()), unit,
                    t.decimal(r.taxRate()) + " %", t.money(r.net())));
        }
        return cells;
    }

    private static List<Field> totals(TextBundle.Texts t, Money net, Money tax, Money gross) {
        return List.of(new Field(t.text("document.net"), t.money(net)), new Field(t.text("document.tax"), t.money(tax)),
                new Field(t.text("document.total"), t.money(gross)));
    }

    private static List<String> address(Address a, String fallbackName) {
        List<String> lines = new ArrayList<>();
        if (a == null) {
            lines.add(fallbackName);
            return lines;
        }
        if (a.company() != null && !a.company().isBlank()) {
            lines.add(a.company());
        }
        lines.add(a.name() != null && !a.name().isBlank() ? a.name() : fallbackName);
        lines.add(a.street());
        if (a.street2() != null && !a.street2().isBlank()) {
            lines.add(a.street2());
        }
        lines.add((a.postalCode() == null ? "" : a.postalCode() + " ") + a.city());
        if (a.country() != null) {
            lines.add(a.country());
        }
        return lines;
    }
}
