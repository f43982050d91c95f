package org.ordo.edi.internal;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.billing.Billing;
import org.ordo.billing.Invoice;
import org.ordo.billing.InvoiceIssued;
import org.ordo.ordering.OrderManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An invoice issued for an EDI order is sent to the partner as INVOIC or 810, once per invoice number. */
@Component
class EdiInvoices {

    private final OrderAnswers answers;
    private final OrderManagement orders;
    private final Billing billing;

    EdiInvoices(OrderAnswers answers, OrderManagement orders, Billing billing) {
        this.answers = answers;
        this.orders = orders;
        this.billing = billing;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        answers.of(orders.require(issued.orderId())).ifPresent(edi -> {
            Invoice invoice = billing.byNumber(issued.number());
            String type = edi.x12() ? "810" : "INVOIC";
            answers.send(edi, type, invoice.number(), controlNumber -> {
                InvoiceMessage.Issued message = message(edi, invoice);
                return edi.x12() ? InvoiceMessage.x12(edi.us(), edi.them(), controlNumber, answers.now(), message)
                        : InvoiceMessage.edifact(edi.us(), edi.them(), controlNumber, answers.now(), message);
            });
        });
    }

    private InvoiceMessage.Issued message(OrderAnswers.EdiOrder edi, Invoice invoice) {
        Map<String, OrderAnswers.ArticleNumber> numbers = answers.articleNumbers(edi.partner(),
                invoice.lines().stream().map(Invoice.Line::sku).collect(Collectors.toSet()));
        return new InvoiceMessage.Issued(invoice.number(), invoice.issuedAt().atZone(ZoneOffset.UTC),
                invoice.orderNumber(), edi.buyerOrderNumber(), invoice.currency(), invoice.lines().stream()
                        .map(l -> new InvoiceMessage.Line(l.lineNo(), numbers.get(l.sku()).number(),
                                numbers.get(l.sku()).kind(), l.quantity(), l.unitPrice().amount(),
                                l.net().amount(), l.taxRate(), l.tax().amount()))
                        .toList(),
                invoice.net().amount(), invoice.tax().amount(), invoice.gross().amount());
    }
}
