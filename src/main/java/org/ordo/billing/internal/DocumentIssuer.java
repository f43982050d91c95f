package org.ordo.billing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.ordo.billing.Billing;
import org.ordo.billing.CreditNote;
import org.ordo.billing.CreditNoteIssued;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.billing.Invoice;
import org.ordo.billing.InvoiceIssued;
import org.ordo.billing.StoredDocument;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.party.Customer;
import org.ordo.party.CustomerType;
import org.ordo.platform.NotFoundException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Renders an order's documents when they are first needed and stores each once. An order's documents follow from
 * what billing knows of it: its confirmation, the documents of each invoice (a PDF, or for a business buyer a
 * ZUGFeRD PDF and an XRechnung) and each credit note's PDF. Nothing has to be remembered in between: a document
 * that was never rendered is rendered from the order, invoice or credit note whenever someone asks for it (a
 * download, an order's document list, a mail about to be sent), so a process that dies after a commit loses
 * nothing. Rendering takes a while (fonts, PDF/A, e-invoice) and runs outside any transaction: it holds no
 * database connection, only the short store does.
 *
 * <p>Two first requests at once may both render; the store keeps the first ({@code ON CONFLICT DO NOTHING} on
 * kind and number) and both answer the stored row, so every download returns the same bytes.
 *
 * <p>Invoices and credit notes are also rendered right after they are issued (asynchronously, after commit), so
 * the stored file shows them as issued (the buyer's VAT id then). Order confirmations are not: placing an order
 * renders nothing, most confirmations are never downloaded, and without a mail server their mail is only kept.
 */
@Component
public class DocumentIssuer {

    static final String PDF = "application/pdf";
    static final String XML = "application/xml";

    /** A document an order has, and how to render it. */
    private record Source(UUID id, DocumentKind kind, String number, String locale, String mediaType,
            String fileName, Supplier<byte[]> render) {

        Source(DocumentKind kind, String number, String locale, String mediaType, String fileName,
                Supplier<byte[]> render) {
            this(DocumentArchive.idOf(kind, number), kind, number, locale, mediaType, fileName, render);
        }
    }

    private final StoredDocuments documents;
    private final DocumentRenderer renderer;
    private final EInvoices eInvoices;
    private final OrderManagement orders;
    private final Billing billing;
    private final Invoices invoices;
    private final CreditNotes creditNotes;

    DocumentIssuer(StoredDocuments documents, DocumentRenderer renderer, EInvoices eInvoices,
            OrderManagement orders, Billing billing, Invoices invoices, CreditNotes creditNotes) {
        this.documents = documents;
        this.renderer = renderer;
        this.eInvoices = eInvoices;
        this.orders = orders;
        this.billing = billing;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
    }

    /**
     * The stored document with this id among the order's documents, rendered and stored now if it is not yet.
     * Empty when the order has no such document (or the order is unknown).
     */
    public Optional<StoredDocument> issue(UUID orderId, UUID documentId) {
        Optional<StoredDocument> stored = documents.find(documentId);
        if (stored.isPresent() || orderId == null) {
            return stored;
        }
        OrderView order;
        try {
            order = orders.require(orderId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return sources(order, true).stream().filter(s -> s.id().equals(documentId)).findFirst()
                .map(s -> store(order, s));
    }

    /**
     * A changed order's new confirmation is rendered right after the change commits, while the order is still at
     * that version (a later change makes its own), so that the mail about the change attaches what changed.
     */
    @org.springframework.modulith.events.ApplicationModuleListener
    void on(org.ordo.ordering.OrderChanged changed) {
        OrderView order = orders.require(changed.orderId());
        if (order.version() != changed.version()) {
            return;
        }
        UUID id = org.ordo.billing.DocumentArchive.idOf(DocumentKind.CONFIRMATION,
                org.ordo.billing.DocumentArchive.confirmationNumber(order.number(), order.version()));
        if (documents.find(id).isEmpty()) {
            sources(order, false).stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(s -> store(order, s));
        }
    }

    /** Renders and stores each document of the order that is not stored yet. */
    public void issueAll(UUID orderId) {
        OrderView order = orders.require(orderId);
        for (Source source : sources(order, false)) {
            if (documents.find(source.id()).isEmpty()) {
                store(order, source);
            }
        }
    }

    @Async
    @TransactionalEventListener
    void on(InvoiceIssued issued) {
        Invoice invoice = invoices.byNumber(issued.number()).orElseThrow();
        OrderView order = orders.require(invoice.orderId());
        for (Source source : invoiceSources(order, invoice, true)) {
            if (issued.documents().contains(source.id()) && documents.find(source.id()).isEmpty()) {
                store(order, source);
            }
        }
    }

    @Async
    @TransactionalEventListener
    void on(CreditNoteIssued issued) {
        CreditNote note = creditNotes.byNumber(issued.number()).orElseThrow();
        OrderView order = orders.require(note.orderId());
        Source source = creditNoteSource(order, note);
        if (documents.find(source.id()).isEmpty()) {
            store(order, source);
        }
    }

    private StoredDocument store(OrderView order, Source s) {
        byte[] content = s.render().get();
        documents.insert(s.id(), order.id(), s.kind(), s.number(), s.locale(), s.mediaType(), s.fileName(), content,
                org.ordo.platform.Sha256.hex(content));
        // The stored one, whoever stored it first.
        return documents.find(s.kind(), s.number()).orElseThrow();
    }

    /**
     * The order's documents. {@code allKinds}: every kind an invoice could have (to find one by its id, as a
     * message names it); otherwise the kinds it has: those already stored, or else by the buyer's type now.
     */
    private List<Source> sources(OrderView order, boolean allKinds) {
        List<Source> sources = new ArrayList<>();
        String locale = order.customer().locale();
        sources.add(new Source(DocumentKind.CONFIRMATION, order.number(), locale, PDF,
                fileName("confirmation", order.number(), "pdf"), () -> renderer.confirmation(order)));
        if (order.version() > 1) {
            // A changed order's confirmation of its current version; the first one stays as it was rendered.
            String number = org.ordo.billing.DocumentArchive.confirmationNumber(order.number(), order.version());
            sources.add(new Source(DocumentKind.CONFIRMATION, number, locale, PDF,
                    fileName("confirmation", number, "pdf"), () -> renderer.confirmation(order)));
        }
        for (Invoice invoice : invoices.ofOrder(order.id())) {
            sources.addAll(invoiceSources(order, invoice, allKinds));
        }
        for (CreditNote note : creditNotes.ofOrder(order.id())) {
            sources.add(creditNoteSource(order, note));
        }
        return sources;
    }

    private List<Source> invoiceSources(OrderView order, Invoice invoice, boolean allKinds) {
        String locale = order.customer().locale();
        String number = invoice.number();
        Supplier<Customer> buyer = () -> billing.buyer(order).orElse(null);
        Supplier<byte[]> pdf = () -> {
            Customer b = buyer.get();
            return renderer.invoice(invoice, locale, b == null ? null : b.vatId());
        };
        Source plain = new Source(DocumentKind.INVOICE, number, locale, PDF, fileName("invoice", number, "pdf"), pdf);
        Source zugferd = new Source(DocumentKind.ZUGFERD, number, locale, PDF, fileName("invoice", number, "pdf"),
                () -> eInvoices.zugferd(pdf.get(), invoice, buyer.get()));
        Source xrechnung = new Source(DocumentKind.XRECHNUNG, number, locale, XML,
                fileName("xrechnung", number, "xml"), () -> eInvoices.xrechnung(invoice, buyer.get()));
        if (allKinds) {
            return List.of(plain, zugferd, xrechnung);
        }
        if (documents.find(plain.id()).isPresent()) {
            return List.of(plain);
        }
        boolean eInvoice = documents.find(zugferd.id()).isPresent() || documents.find(xrechnung.id()).isPresent()
                || billing.buyer(order).map(c -> c.type() == CustomerType.BUSINESS).orElse(false);
        return eInvoice ? List.of(zugferd, xrechnung) : List.of(plain);
    }

    private Source creditNoteSource(OrderView order, CreditNote note) {
        String locale = order.customer().locale();
        return new Source(DocumentKind.CREDIT_NOTE, note.number(), locale, PDF,
                fileName("credit-note", note.number(), "pdf"), () -> renderer.creditNote(note, locale));
    }

    static String fileName(String kind, String number, String extension) {
        return kind + "-" + number.replaceAll("[^A-Za-z0-9-]", "_") + "." + extension;
    }
}
