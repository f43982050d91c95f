package org.ordo.purchasing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.billing.Seller;
import org.ordo.billing.StoredDocument;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.Location;
import org.ordo.party.Supplier;
import org.ordo.platform.Address;
import org.ordo.platform.TextBundle;
import org.ordo.platform.pdf.PdfDocument;
import org.ordo.platform.pdf.PdfDocument.Column;
import org.ordo.platform.pdf.PdfDocument.Field;
import org.ordo.purchasing.PurchaseOrder;
import org.springframework.stereotype.Component;

/**
 * The PDF of a purchase order revision, in the supplier's language, stored in billing's archive: revision 1 under
 * the order's number, later ones as {@code PO-2026-000001-2}, so every version the supplier got is kept.
 */
@Component
public class PurchaseOrderDocuments {

    private final TextBundle texts;
    private final Seller seller;
    private final Catalog catalog;
    private final DocumentArchive archive;

    PurchaseOrderDocuments(TextBundle documentTexts, Seller seller, Catalog catalog, DocumentArchive archive) {
        this.texts = documentTexts;
        this.seller = seller;
        this.catalog = catalog;
        this.archive = archive;
    }

    /** The archive number of a revision. */
    public static String documentNumber(String number, int revision) {
        return revision == 1 ? number : number + "-" + revision;
    }

    /** The stored PDFs of an order's revisions up to {@code revision}, the first first (what the supplier got). */
    public List<StoredDocument> revisions(String number, int revision) {
        List<StoredDocument> stored = new ArrayList<>();
        for (int r = 1; r <= revision; r++) {
            archive.find(DocumentKind.PURCHASE_ORDER, documentNumber(number, r)).ifPresent(stored::add);
        }
        return stored;
    }

    /** Renders and stores the order as it is now (in the caller's transaction); the stored document's id. */
    public UUID store(PurchaseOrder order, Supplier supplier, Location deliverTo, String change) {
        TextBundle.Texts t = texts.in(supplier.locale());
        String documentNumber = documentNumber(order.number(), order.revision());
        String title = t.render("purchase-order.title", Map.of("number", order.number()));
        List<List<String>> rows = new ArrayList<>();
        for (PurchaseOrder.Line l : order.lines()) {
            String name = catalog.find(l.sku()).map(a -> a.nameIn(supplier.locale())).orElse(l.sku());
            rows.add(List.of(Integer.toString(l.lineNo()), name + "\n" + t.render("document.line.sku",
                    Map.of("sku", l.sku())), l.supplierArticle() == null ? "" : l.supplierArticle(),
                    t.number(l.ordered()), t.money(l.unitPrice()), t.date(l.expectedOn()), t.money(l.amount())));
        }
        PdfDocument pdf = new PdfDocument(new PdfDocument.Info(UUID.nameUUIDFromBytes(("purchase-order:"
                + documentNumber).getBytes(StandardCharsets.UTF_8)), title, seller.name(), order.updatedAt(),
                t.locale().toLanguageTag()))
                .letterhead(seller.letterhead())
                .title(title)
                .addresses(lines(supplier.address(), supplier.name()), List.of(
                        new Field(t.text("purchase-order.number"), order.number()),
                        new Field(t.text("purchase-order.date"), t.date(order.createdAt())),
                        new Field(t.text("purchase-order.revision"), Integer.toString(order.revision())),
                        new Field(t.text("purchase-order.supplier"), supplier.code())));
        if (change != null) {
            pdf.heading(change);
        }
        byte[] content;
        pdf.paragraph(t.text("purchase-order.intro"))
                .table(List.of(Column.right(t.text("document.column.position"), 0.5),
                        Column.left(t.text("document.column.article"), 3.0),
                        Column.left(t.text("purchase-order.column.supplier-article"), 1.8),
                        Column.right(t.text("document.column.quantity"), 0.8),
                        Column.right(t.text("document.column.unit-price"), 1.3),
                        Column.right(t.text("purchase-order.column.wanted"), 1.3),
                        Column.right(t.text("document.column.amount"), 1.4)), rows)
                .totals(List.of(new Field(t.text("purchase-order.total"), t.money(order.total()))))
                .heading(t.text("purchase-order.deliver-to"))
                .paragraph(String.join(", ", order.shipTo() != null ? lines(order.shipTo(), order.shipTo().name())
                        : lines(deliverTo.address(), deliverTo.name())));
        if (order.shipTo() != null) {
            pdf.paragraph(t.render("purchase-order.dropship", Map.of("order", order.note())));
        }
        content = pdf
                .paragraph(t.render("purchase-order.outro", Map.of("number", order.number())))
                .footer(seller.footer(t), t.text("document.page"))
                .toBytes();
        return archive.store(DocumentKind.PURCHASE_ORDER, null, documentNumber, t.locale().toLanguageTag(),
                "application/pdf", "purchase-order-" + documentNumber + ".pdf", content).id();
    }

    /** The lines of an address, the name first; only the name when there is no address. */
    static List<String> lines(Address a, String name) {
        List<String> lines = new ArrayList<>();
        lines.add(a != null && a.name() != null && !a.name().isBlank() ? a.name() : name);
        if (a == null) {
            return lines;
        }
        for (String part : new String[] {a.company(), a.street(), a.street2(),
                ((a.postalCode() == null ? "" : a.postalCode() + " ") + (a.city() == null ? "" : a.city())).trim(),
                a.country()}) {
            if (part != null && !part.isBlank()) {
                lines.add(part);
            }
        }
        return lines;
    }
}
