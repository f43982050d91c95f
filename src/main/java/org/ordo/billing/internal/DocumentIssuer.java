package org.ordo.billing.internal;

import org.ordo.billing.Billing;
import org.ordo.billing.CreditNote;
import org.ordo.billing.CreditNoteIssued;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.billing.Invoice;
import org.ordo.billing.InvoiceIssued;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderView;
import org.ordo.party.Customer;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Renders and stores each document after the change that issued it has committed: rendering takes a while
 * (fonts, PDF/A, e-invoice), and neither placing an order nor taking an invoice number should wait for it or
 * hold locks meanwhile. The listeners are asynchronous after commit like {@code @ApplicationModuleListener}
 * (the event publication registry retries them), but without a surrounding transaction: a render holds no
 * database connection, only the short store does. Every document is stored once ({@link DocumentArchive#store}),
 * so an event handled again changes nothing. Messages that attach a document wait until it is stored.
 */
@Component
class DocumentIssuer {

    static final String PDF = "application/pdf";
    static final String XML = "application/xml";

    private final DocumentArchive archive;
    private final DocumentRenderer renderer;
    private final EInvoices eInvoices;
    private final OrderManagement orders;
    private final Billing billing;
    private final Invoices invoices;
    private final CreditNotes creditNotes;

    DocumentIssuer(DocumentArchive archive, DocumentRenderer renderer, EInvoices eInvoices, OrderManagement orders,
            Billing billing, Invoices invoices, CreditNotes creditNotes) {
        this.archive = archive;
        this.renderer = renderer;
        this.eInvoices = eInvoices;
        this.orders = orders;
        this.billing = billing;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
    }

    @Async
    @TransactionalEventListener
    void on(OrderPlaced placed) {
        OrderView order = orders.require(placed.orderId());
        if (archive.find(DocumentKind.CONFIRMATION, order.number()).isEmpty()) {
            archive.store(DocumentKind.CONFIRMATION, order.id(), order.number(), order.customer().locale(), PDF,
                    fileName("confirmation", order.number(), "pdf"), renderer.confirmation(order));
        }
    }

    @Async
    @TransactionalEventListener
    void on(InvoiceIssued issued) {
        Invoice invoice = invoices.byNumber(issued.number()).orElseThrow();
        OrderView order = orders.require(invoice.orderId());
        String locale = order.customer().locale();
        Customer buyer = billing.buyer(order).orElse(null);
        String vatId = buyer == null ? null : buyer.vatId();
        for (var id : issued.documents()) {
            if (archive.find(id).isPresent()) {
                continue;
            }
            if (id.equals(DocumentArchive.idOf(DocumentKind.INVOICE, invoice.number()))) {
                archive.store(DocumentKind.INVOICE, order.id(), invoice.number(), locale, PDF,
                        fileName("invoice", invoice.number(), "pdf"), renderer.invoice(invoice, locale, vatId));
            } else if (id.equals(DocumentArchive.idOf(DocumentKind.ZUGFERD, invoice.number()))) {
                byte[] pdf = renderer.invoice(invoice, locale, vatId);
                archive.store(DocumentKind.ZUGFERD, order.id(), invoice.number(), locale, PDF,
                        fileName("invoice", invoice.number(), "pdf"), eInvoices.zugferd(pdf, invoice, buyer));
            } else if (id.equals(DocumentArchive.idOf(DocumentKind.XRECHNUNG, invoice.number()))) {
                archive.store(DocumentKind.XRECHNUNG, order.id(), invoice.number(), locale, XML,
                        fileName("xrechnung", invoice.number(), "xml"), eInvoices.xrechnung(invoice, buyer));
            }
        }
    }

    @Async
    @TransactionalEventListener
    void on(CreditNoteIssued issued) {
        CreditNote note = creditNotes.byNumber(issued.number()).orElseThrow();
        if (archive.find(DocumentKind.CREDIT_NOTE, note.number()).isPresent()) {
            return;
        }
        String locale = orders.require(note.orderId()).customer().locale();
        archive.store(DocumentKind.CREDIT_NOTE, note.orderId(), note.number(), locale, PDF,
                fileName("credit-note", note.number(), "pdf"), renderer.creditNote(note, locale));
    }

    static String fileName(String kind, String number, String extension) {
        return kind + "-" + number.replaceAll("[^A-Za-z0-9-]", "_") + "." + extension;
    }
}
