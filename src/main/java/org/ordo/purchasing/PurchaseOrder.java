package org.ordo.purchasing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.Money;

/**
 * A purchase order to a supplier, delivered to one location. Each line: ordered, confirmed, received and open
 * (ordered - received while the order is open, else 0); a receipt may exceed ordered by at most the tolerance.
 */
@Schema(name = "PurchaseOrder")
public record PurchaseOrder(UUID id, @Schema(example = "PO-2026-000001") String number, String supplier,
        String supplierName, String location, String currency, PurchaseOrderStatus status, int revision,
        String note, @Schema(description = "why it was cancelled or closed short") String reason,
        Money total, List<Line> lines, String createdBy, Instant createdAt, Instant updatedAt,
        @Schema(description = "for a dropship supplier: the customer's address it ships to (the order brings "
                + "nothing into stock); absent for an order delivered to location") Address shipTo) {

    @Schema(name = "PurchaseOrderLine")
    public record Line(int lineNo, String sku, String supplierArticle, long ordered, Long confirmed, long received,
            long open, @Schema(description = "how many more than ordered may be received") long tolerance,
            Money unitPrice, Money amount, LocalDate expectedOn, LocalDate confirmedOn,
            @Schema(description = "received beyond ordered + tolerance and recorded as a discrepancy (when the stock "
                    + "policy says RECORD), for the buyer to settle with the supplier") long overDelivered) {
    }

    public Line line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
    }
}
