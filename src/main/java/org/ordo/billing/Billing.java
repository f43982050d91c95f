package org.ordo.billing;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.ordo.billing.internal.DocumentNumbers;
import org.ordo.billing.internal.Invoices;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPaid;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Ids;
import org.ordo.platform.NotFoundException;
import org.ordo.shipping.ShipmentShipped;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invoices of orders, numbered without gaps per series and year. */
@Service
public class Billing {

    /** When an order is invoiced: when it first ships (default) or when it is paid. */
    public enum InvoiceOn {
        SHIPPED, PAID
    }

    private final Invoices invoices;
    private final DocumentNumbers numbers;
    private final OrderManagement orders;
    private final InvoiceOn invoiceOn;
    private final String series;

    Billing(Invoices invoices, DocumentNumbers numbers, OrderManagement orders,
            @Value("${ordo.billing.invoice-on:shipped}") String invoiceOn,
            @Value("${ordo.billing.series:INV}") String series) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.orders = orders;
        this.invoiceOn = InvoiceOn.valueOf(invoiceOn.trim().toUpperCase(Locale.ROOT));
        this.series = series;
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

    /**
     * Issues the invoice of an order in a series, once: a second call returns the first invoice. The number is
     * the next of the series in the current year (UTC), taken in this transaction, so numbers have no gaps.
     * Refuses cancelled orders (409).
     */
    @Transactional
    public Invoice invoice(UUID orderId, String series) {
        invoices.lockOrder(orderId);
        var existing = invoices.ofOrder(orderId, series);
        if (existing.isPresent()) {
            return existing.get();
        }
        OrderView order = orders.require(orderId);
        if (order.status() == OrderStatus.CANCELLED) {
            throw new ConflictException("order-cancelled", "Order cancelled",
                    "Order " + order.number() + " is cancelled and is not invoiced");
        }
        int year = Year.now(ZoneOffset.UTC).getValue();
        long seq = numbers.next(series, year);
        String number = "%s-%d-%06d".formatted(series, year, seq);
        List<Invoice.Line> lines = order.lines().stream().map(l -> new Invoice.Line(l.lineNo(), l.sku(), l.name(),
                l.quantity(), l.unitPrice(), l.taxRate(), l.net(), l.tax(), l.gross())).toList();
        Invoice invoice = new Invoice(Ids.next(), number, orderId, order.number(), order.customer().email(),
                order.customer().name(), order.billingAddress(), order.currency(), lines, order.totals().net(),
                order.totals().tax(), order.totals().gross(), null);
        invoices.insert(invoice, series, year, seq);
        return invoices.byNumber(number).orElseThrow();
    }

    public List<Invoice> invoicesOf(UUID orderId) {
        return invoices.ofOrder(orderId);
    }

    public Invoice byNumber(String number) {
        return invoices.byNumber(number).orElseThrow(() -> new NotFoundException("Invoice", number));
    }
}
