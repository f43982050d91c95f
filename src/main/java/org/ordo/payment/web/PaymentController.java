package org.ordo.payment.web;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.ordering.OrderManagement;
import org.ordo.payment.BankTransfer;
import org.ordo.payment.PaymentManagement;
import org.ordo.payment.PaymentSummary;
import org.ordo.payment.StatementImport;
import org.ordo.platform.Actor;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.MoneyInput;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "Bank transfers, bank statements, refunds and payment provider webhooks")
class PaymentController {

    private final PaymentManagement payments;
    private final OrderManagement orders;

    PaymentController(PaymentManagement payments, OrderManagement orders) {
        this.payments = payments;
        this.orders = orders;
    }

    @PostMapping("/api/v1/payments/bank-transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordBankTransfer", summary = "Book a bank transfer for an order", description = """
            Paid in full or more: the order is PAID and released to the warehouse. Less: it waits; the summary's
            balance shows what is missing (negative: over-paid).""")
    PaymentSummary bankTransfer(@RequestBody BankTransfer transfer) {
        return payments.recordBankTransfer(transfer);
    }

    // application/octet-stream too: client generators send a file with it, and a statement is the file's bytes
    @PostMapping(path = "/api/v1/payments/bank-statements",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(operationId = "importBankStatement", summary = "Import a bank statement (CSV)", description = """
            Lines of date;amount;currency;reference. References naming an order number (SO-…) are booked to that
            order; the rest are listed, and the stored statement waits in the review queue with them.""")
    StatementImport bankStatement(@RequestHeader(name = "Content-Type") String contentType,
            @RequestBody(required = false) byte[] csv) {
        if (csv == null || csv.length == 0) {
            throw new InvalidInputException("body", "is required: the statement as CSV");
        }
        return payments.importBankStatement(csv, contentType);
    }

    record Refund(@Schema(example = "SO-100001", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, description = "the order's id or number")
            String order,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyInput amount,
            @Schema(maxLength = BankTransfer.MAX_REFERENCE) String reference) {
    }

    @PostMapping("/api/v1/payments/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "refundPayment", summary = "Book a refund that was paid out")
    PaymentSummary refund(@RequestBody Refund refund) {
        if (refund.order() == null || refund.order().isBlank()) {
            throw new InvalidInputException("order", "is required");
        }
        return payments.recordRefund(refund.order(), refund.amount(), refund.reference());
    }

    @GetMapping("/api/v1/orders/{id}/payments")
    @Tag(name = "Orders")
    @Operation(operationId = "getPaymentsOfOrder", summary = "What an order costs, what came in, what went back")
    PaymentSummary summary(@PathVariable String id) {
        return payments.summary(orders.idOf(id));
    }

    @PostMapping("/api/v1/payments/webhooks/stripe")
    @Operation(operationId = "receivePaymentWebhook", summary = "Payment provider webhook (Stripe-compatible signature)", description = """
            Needs no API key: the Stripe-Signature header (t=…,v1=HMAC-SHA256 of "t.body" with the shared secret)
            proves the sender. Forged or stale signatures get 400 and change nothing; an event handled before is
            acknowledged as a duplicate and changes nothing. A signed event whose amount or currency does not fit
            the order (not whole minor units, above the order's total or, for refunds, above what was received)
            is answered 200 with status "rejected" and the reason, books nothing, and is listed in the order's
            payment summary (rejectedProviderEvents): sending it again cannot make it fit.""")
    PaymentManagement.WebhookOutcome webhook(@RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return Actor.as("webhook:" + PaymentManagement.PROVIDER,
                () -> payments.handleProviderEvent(signature, body == null ? new byte[0] : body));
    }
}
