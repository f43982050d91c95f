package org.ordo.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Address;
import org.ordo.platform.Money;

/** An invoice as issued: a snapshot of the order's lines and totals, with its number. */
public record Invoice(UUID id, String number, UUID orderId, String orderNumber, String customerEmail,
        String customerName, Address billingAddress, String currency, List<Line> lines, Money net, Money tax,
        Money gross, Instant issuedAt) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "InvoiceLine")
    public record Line(int lineNo, String sku, String name, long quantity, Money unitPrice, BigDecimal taxRate,
            Money net, Money tax, Money gross) {
    }
}
