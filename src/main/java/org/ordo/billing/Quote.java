package org.ordo.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Address;
import org.ordo.platform.Money;

/**
 * A quote: lines priced from the catalog when it was made (the same rules as orders: {@code rounding}), valid
 * through {@code validUntil} (inclusive, UTC). {@code orderId} and {@code orderNumber} name the order it became.
 */
public record Quote(UUID id, String number, QuoteStatus status, Customer customer, String currency,
        String paymentMethod, Address shippingAddress, Address billingAddress, List<Line> lines, Money net,
        Money tax, Money gross, String rounding, LocalDate validUntil, String note, int timesSent, Instant sentAt,
        Instant decidedAt, String declineReason, UUID orderId, String orderNumber, String createdBy,
        Instant createdAt, Instant updatedAt) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "QuoteCustomer")
    public record Customer(UUID id, String email, String name, String locale) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "QuoteLine")
    public record Line(int lineNo, String sku, String name, long quantity, Money unitPrice, BigDecimal taxRate,
            boolean priceIncludesTax, Money net, Money tax, Money gross) {
    }
}
