package org.ordo.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Money;

/** A return with its lines, what arrived, and its refund once computed. */
public record ReturnView(UUID id, String number, UUID orderId, String orderNumber, ReturnStatus status,
        String resolution, List<Line> lines, String labelRef, String note, String createdBy, Instant createdAt,
        Instant receivedAt, String receivedBy, String location, Refund refund, String approvedBy,
        Instant refundedAt, String cancelReason, Replacement replacement) {

    /** The replacement order an exchange placed; null for a refund. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReturnReplacement")
    public record Replacement(UUID orderId, String orderNumber) {
    }

    /**
     * One order line: {@code quantity} announced; what {@code received} split by what became of it;
     * {@code discrepancy} is how many more arrived than were announced.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReturnLine")
    public record Line(int lineNo, String sku, long quantity, ReturnReason reason, String note, long received,
            long resellable, long quarantined, long writtenOff, long discrepancy) {
    }

    /** The refund as computed by the policy: lines at the price paid, less deductions with their reasons. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReturnRefund")
    public record Refund(Money total, List<RefundLine> lines, List<Deduction> deductions, String how) {
    }

    /** Units refunded of an order line at the price paid for them (tax included). */
    public record RefundLine(int lineNo, long quantity, Money amount) {
    }

    public record Deduction(String reason, Money amount) {
    }
}
