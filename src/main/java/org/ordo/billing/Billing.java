package org.ordo.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.billing.internal.CreditNotes;
import org.ordo.billing.internal.DocumentNumbers;
import org.ordo.billing.internal.Invoices;
import org.ordo.ordering.OrderCancelled;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPaid;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.party.Customer;
import org.ordo.party.CustomerType;
import org.ordo.party.PartyManagement;
import org.ordo.payment.RefundBooked;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Ids;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextBundle;
import org.ordo.platform.Wording;
import org.ordo.shipping.ShipmentShipped;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invoices and credit notes of orders, each numbered without gaps per series and year. */
@Service
public class Billing {

    /** When an order is invoiced: when it first ships (default) or when it is paid. */
    public enum InvoiceOn {
        SHIPPED, PAID
    }

    private final Invoices invoices;
    private final CreditNotes creditNotes;
    private final DocumentNumbers numbers;
    private final OrderManagement orders;
    private final PartyManagement parties;
    private final TextBundle texts;
    private final ApplicationEventPublisher events;
    private final InvoiceOn invoiceOn;
    private final String series;
    private final String creditNoteSeries;
    private final Clock clock;

    Billing(Invoices invoices, CreditNotes creditNotes, DocumentNumbers numbers, OrderManagement orders,
            PartyManagement parties, TextBundle documentTexts, ApplicationEventPublisher events,
            @Value("${ordo.billing.invoice-on:shipped}") String invoiceOn,
            @Value("${ordo.billing.series:INV}") String series,
            @Value("${ordo.billing.credit-note-series:CN}") String creditNoteSeries, Clock clock) {
        this.clock = clock;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.numbers = numbers;
        this.orders = orders;
        this.parties = parties;
        this.texts = documentTexts;
        this.events = events;
        this.invoiceOn = InvoiceOn.valueOf(invoiceOn.trim().toUpperCase(Locale.ROOT));
        this.series = series;
        this.creditNoteSeries = creditNoteSeries;
    }

    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        if (invoiceOn == InvoiceOn.SHIPPED) {
            invoice(shipped.orderId(), series);
        }
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        if (invoiceOn == InvoiceOn.PAID) {
            invoice(paid.orderId(), series);
        }
    }

    /** An invoiced order that is cancelled gets a credit note over what is not credited yet. */
    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        credit(cancelled.orderId(), "CANCELLATION:" + cancelled.orderId(), CreditNote.Reason.CANCELLATION, null);
    }

    /**
     * An invoiced order that was changed gets its invoice credited in full and is invoiced again as it is now,
     * each in its gap-free series (docs/order-changes.md); once per version, whatever retries happen (the credit
     * note's key is the change, the new invoice is one per order version).
     */
    @ApplicationModuleListener
    void on(org.ordo.ordering.OrderChanged changed) {
        invoices.lockOrder(changed.orderId());
        List<Invoice> invoiced = invoices.ofOrder(changed.orderId());
        OrderView order = orders.require(changed.orderId());
        if (invoiced.isEmpty() || invoices.ofOrder(order.id(), series, order.version()).isPresent()
                || order.status() == OrderStatus.CANCELLED) {
            return;
        }
        credit(order.id(), "ORDER_CHANGE:" + changed.changeId(), CreditNote.Reason.ORDER_CHANGE, null, null,
                creditNoteSeries);
        invoice(order.id(), series);
    }

    /** A booked refund on an invoiced order gets a credit note over its amount. */
    @ApplicationModuleListener
    void on(RefundBooked refund) {
        credit(refund.orderId(), "REFUND:" + refund.refundId(), CreditNote.Reason.REFUND, refund.amount(),
                refund.keptAfter(), creditNoteSeries);
    }

    /**
     * Issues the invoice of an order in a series, once: a second call returns the first invoice. The number is
     * the next of the series in the current year (UTC), taken in this transaction, so numbers have no gaps.
     * Publishes {@link InvoiceIssued} naming the documents that are rendered after commit. Refuses cancelled
     * orders (409).
     */
    @Transactional
    public Invoice invoice(UUID orderId, String series) {
        invoices.lockOrder(orderId);
        OrderView order = orders.require(orderId);
        var existing = invoices.ofOrder(orderId, series, order.version());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (order.status() == OrderStatus.CANCELLED) {
            throw new ConflictException("order-cancelled", "Order cancelled",
                    Wording.of("billing.order_is_cancelled_and_is_not", order.number()));
        }
        int year = Year.now(clock).getValue();
        long seq = numbers.next(series, year);
        String number = "%s-%d-%06d".formatted(series, year, seq);
        List<Invoice.Line> lines = order.lines().stream().map(l -> new Invoice.Line(l.lineNo(), l.sku(), l.name(),
                l.quantity(), l.unitPrice(), l.taxRate(), l.net(), l.tax(), l.gross())).toList();
        Invoice invoice = new Invoice(Ids.next(), number, orderId, order.number(), order.customer().email(),
                order.customer().name(), order.billingAddress(), order.currency(), lines, order.totals().net(),
                order.totals().tax(), order.totals().gross(), null);
        invoices.insert(invoice, series, year, seq, order.version());
        List<UUID> documents = new ArrayList<>();
        if (isBusiness(order)) {
            documents.add(DocumentArchive.idOf(DocumentKind.ZUGFERD, number));
            documents.add(DocumentArchive.idOf(DocumentKind.XRECHNUNG, number));
        } else {
            documents.add(DocumentArchive.idOf(DocumentKind.INVOICE, number));
        }
        events.publishEvent(new InvoiceIssued(invoice.id(), orderId, number, documents));
        return invoices.byNumber(number).orElseThrow();
    }

    /**
     * Credits an invoiced order once per {@code refundKey}: the amount (null: all that is not credited yet),
     * capped at what the invoice still has uncredited. The number is the next of the credit note series (gap
     * free, like invoices). Empty when the order has no invoice or nothing is left to credit. Publishes
     * {@link CreditNoteIssued}.
     */
    @Transactional
    public Optional<CreditNote> credit(UUID orderId, String refundKey, CreditNote.Reason reason, Money amount) {
        return credit(orderId, refundKey, reason, amount, null, creditNoteSeries);
    }

    /**
     * As {@link #credit(UUID, String, CreditNote.Reason, Money)}, numbered in the given credit note series.
     * {@code keptAfter}, when known, is what the customer still has paid after this refund: only the part of
     * the invoice no longer paid is credited, so refunding an over-payment credits nothing.
     */
    @Transactional
    public Optional<CreditNote> credit(UUID orderId, String refundKey, CreditNote.Reason reason, Money amount,
            Money keptAfter, String creditNoteSeries) {
        invoices.lockOrder(orderId);
        Optional<CreditNote> existing = creditNotes.byRefundKey(refundKey);
        if (existing.isPresent()) {
            return existing;
        }
        // An order has one invoice per version it was invoiced at; the last one is the one that counts
        List<Invoice> invoiced = invoices.ofOrder(orderId);
        if (invoiced.isEmpty()) {
            return Optional.empty();
        }
        Invoice invoice = invoiced.get(invoiced.size() - 1);
        Money left = invoice.gross().minus(new Money(creditNotes.credited(invoice.id()), invoice.currency()));
        if (keptAfter != null) {
            // Only what the customer no longer pays is credited: refunding an over-payment credits nothing.
            left = left.minus(keptAfter);
        }
        Money gross = amount == null || amount.amount().compareTo(left.amount()) > 0 ? left : amount;
        if (gross.amount().signum() <= 0) {
            return Optional.empty();
        }
        OrderView order = orders.require(orderId);
        TextBundle.Texts t = texts.in(order.customer().locale());
        List<Invoice.Line> lines = gross.equals(invoice.gross()) ? invoice.lines()
                : split(invoice, gross, t.render(reason == CreditNote.Reason.CANCELLATION
                        ? "credit-note.cancellation-line" : "credit-note.refund-line",
                        Map.of("invoice", invoice.number())));
        Money net = lines.stream().map(Invoice.Line::net).reduce(Money.zero(invoice.currency()), Money::plus);
        Money tax = lines.stream().map(Invoice.Line::tax).reduce(Money.zero(invoice.currency()), Money::plus);
        int year = Year.now(clock).getValue();
        long seq = numbers.next(creditNoteSeries, year);
        String number = "%s-%d-%06d".formatted(creditNoteSeries, year, seq);
        CreditNote note = new CreditNote(Ids.next(), number, invoice.id(), invoice.number(), orderId,
                invoice.orderNumber(), reason, invoice.customerEmail(), invoice.customerName(),
                invoice.billingAddress(), invoice.currency(), lines, net, tax, gross, null);
        creditNotes.insert(note, creditNoteSeries, year, seq, refundKey);
        events.publishEvent(new CreditNoteIssued(note.id(), orderId, number, invoice.number(), gross,
                List.of(DocumentArchive.idOf(DocumentKind.CREDIT_NOTE, number))));
        return creditNotes.byNumber(number);
    }

    /**
     * The next number of a document series in a year, as {@code SERIES-YEAR-000001} (e.g. a return's RMA number):
     * taken in the caller's transaction from the same counters as invoices, so a rollback gives it back and the
     * numbers of a series have no gaps.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public String nextNumber(String series, int year) {
        return "%s-%d-%06d".formatted(series, year, numbers.next(series, year));
    }

    /**
     * A partial credit split over the invoice's tax rates in proportion to their gross amounts (the last rate takes
     * the rounding rest); each part's tax is taken out of its gross, rounded half up.
     */
    static List<Invoice.Line> split(Invoice invoice, Money gross, String name) {
        Map<BigDecimal, BigDecimal> byRate = new TreeMap<>();
        for (Invoice.Line l : invoice.lines()) {
            byRate.merge(l.taxRate().stripTrailingZeros(), l.gross().amount(), BigDecimal::add);
        }
        List<Invoice.Line> lines = new ArrayList<>();
        Money rest = gross;
        int i = 0;
        for (var e : byRate.entrySet()) {
            i++;
            Money part = i == byRate.size() ? rest
                    : Money.rounded(gross.amount().multiply(e.getValue())
                            .divide(invoice.gross().amount(), 8, Money.ROUNDING), gross.currency());
            rest = rest.minus(part);
            Money net = Money.rounded(part.amount().multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(100).add(e.getKey()), 8, Money.ROUNDING), gross.currency());
            lines.add(new Invoice.Line(i, null, name, 1, net, e.getKey(), net, part.minus(net), part));
        }
        return lines;
    }

    private boolean isBusiness(OrderView order) {
        return buyer(order).map(c -> c.type() == CustomerType.BUSINESS).orElse(false);
    }

    /** The customer of an order as registered now, if known. */
    public Optional<Customer> buyer(OrderView order) {
        return parties.findCustomer(order.customer().id());
    }

    /**
     * Where invoice or credit-note numbers are not gap-free per series and year (a law in many countries): one
     * line per series and year; empty when all is well. Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<String> numberingGaps() {
        return numbers.gaps();
    }

    public List<Invoice> invoicesOf(UUID orderId) {
        return invoices.ofOrder(orderId);
    }

    public Invoice byNumber(String number) {
        return invoices.byNumber(number).orElseThrow(() -> new NotFoundException("Invoice", number));
    }

    public List<CreditNote> creditNotesOf(UUID orderId) {
        return creditNotes.ofOrder(orderId);
    }

    public CreditNote creditNote(String number) {
        return creditNotes.byNumber(number).orElseThrow(() -> new NotFoundException("Credit note", number));
    }
}
