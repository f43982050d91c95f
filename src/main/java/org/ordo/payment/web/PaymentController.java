package org.ordo.payment.web;


import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.Intake;
import org.ordo.ordering.OrderManagement;
import org.ordo.payment.BankTransfer;
import org.ordo.payment.Booking;
import org.ordo.payment.PaymentManagement;
import org.ordo.payment.PaymentSummary;
import org.ordo.payment.StatementImport;
import org.ordo.platform.Actor;
import org.ordo.platform.ApiClient;
import org.ordo.platform.IdempotentAnswer;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.Wording;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "Bank transfers, bank statements, refunds and payment provider webhooks")
class PaymentController {

    private final PaymentManagement payments;
    private final OrderManagement orders;
    private final Intake intake;
    private final Json json;

    PaymentController(PaymentManagement payments, OrderManagement orders, Intake intake, Json json) {
        this.payments = payments;
        this.orders = orders;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/payments/bank-transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordBankTransfer", summary = "Book a bank transfer for an order", description = """
            Paid in full or more: the order is PAID and released to the warehouse. Less: it waits; the summary's
            balance shows what is missing (negative: over-paid). Booked once per reference and booking date: the
            same reference, date and amount again is answered 200 with the booking made before (nothing is booked
            twice); the same reference and date with another amount is refused (409). With an Idempotency-Key
            header (optional), a retry with the same key and body gets the first answer again (header
            Idempotent-Replayed: true); the same key with another body is refused (422).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = BankTransfer.class)))
    @ApiResponse(responseCode = "201", description = "booked",
            content = @Content(schema = @Schema(implementation = PaymentSummary.class)))
    @ApiResponse(responseCode = "200", description = "booked before under this reference and date, with this amount: nothing booked again",
            content = @Content(schema = @Schema(implementation = PaymentSummary.class)))
    @ApiResponse(responseCode = "409", description = "the order is cancelled, or this reference and date were booked with another amount")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[], or the Idempotency-Key was used for another request")
    ResponseEntity<String> bankTransfer(@RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        BankTransfer transfer = json.readRequest(required(body), BankTransfer.class);
        if (transfer == null) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        return booked(key, "POST /api/v1/payments/bank-transfers", "bank transfer", contentType, body,
                () -> payments.bookBankTransfer(transfer));
    }

    /**
     * Books once however often it is asked: without a key the business reference makes a repeat the existing
     * booking (200); with one the first answer is kept with the key, as for every creating request (Intake).
     */
    private ResponseEntity<String> booked(String key, String request, String what, String contentType, byte[] body,
            java.util.function.Supplier<Booking> booking) {
        if (key == null) {
            Booking made = booking.get();
            return IdempotentAnswer.first(made.existing() ? 200 : 201, json.write(made.summary()))
                    .answer(paymentsOf(made.summary().orderId()));
        }
        ApiClient client = Actor.client();
        Intake.Taken taken = intake.takeApiRequest(client == null ? "anonymous" : client.id().toString(),
                Actor.current(), key, request, what, contentType, body, documentId -> {
                    Booking made = booking.get();
                    return new Intake.Produced(made.existing() ? 200 : 201, json.write(made.summary()), "PAYMENT",
                            made.summary().orderId());
                });
        return taken.answer(paymentsOf(taken.producedId()));
    }

    private static URI paymentsOf(UUID orderId) {
        return URI.create("/api/v1/orders/" + orderId + "/payments");
    }

    private static byte[] required(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("payment.is_required_the_booking_as_json"));
        }
        return body;
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
            throw new InvalidInputException("body", Wording.of("payment.is_required_the_statement_as_csv"));
        }
        return payments.importBankStatement(csv, contentType);
    }

    record Refund(@Schema(example = "SO-100001", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, description = "the order's id or number")
            String order,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyInput amount,
            @Schema(maxLength = BankTransfer.MAX_REFERENCE) String reference) {
    }

    @PostMapping(path = "/api/v1/payments/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "refundPayment", summary = "Book a refund that was paid out", description = """
            Refunds never exceed what was received (422 naming amount.amount). Booked once per reference: the same
            reference and amount again is answered 200 with the refund booked before (nothing is booked twice); the
            same reference with another amount is refused (409). With an Idempotency-Key header (optional), a retry
            with the same key and body gets the first answer again (header Idempotent-Replayed: true); the same
            key with another body is refused (422).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = Refund.class)))
    @ApiResponse(responseCode = "201", description = "booked",
            content = @Content(schema = @Schema(implementation = PaymentSummary.class)))
    @ApiResponse(responseCode = "200", description = "booked before under this reference, with this amount: nothing booked again",
            content = @Content(schema = @Schema(implementation = PaymentSummary.class)))
    @ApiResponse(responseCode = "409", description = "this reference was booked with another amount")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]; more than was received; or the Idempotency-Key was used for another request")
    ResponseEntity<String> refund(@RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        Refund refund = json.readRequest(required(body), Refund.class);
        if (refund == null) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        if (refund.order() == null || refund.order().isBlank()) {
            throw new InvalidInputException("order", Wording.of("platform.is_required"));
        }
        return booked(key, "POST /api/v1/payments/refunds", "refund", contentType, body,
                () -> payments.bookRefund(refund.order(), refund.amount(), refund.reference()));
    }

    @PostMapping("/api/v1/payments/late-payments/{entry}/reopen")
    @Operation(operationId = "reopenLatePayment", summary = "Reopen the order a late payment was for", description = """
            For a review entry of kind LATE_PAYMENT (money that arrived after its order was cancelled unpaid): the
            order is opened again and its stock reserved again by the placement's rules; the money received counts,
            so an order paid in full is released to the warehouse. 409 when the stock is no longer there (nothing
            changes, the entry stays open: refund instead), or the entry is settled or of another kind.""")
    @ApiResponse(responseCode = "200", description = "reopened; the order's payments",
            content = @Content(schema = @Schema(implementation = PaymentSummary.class)))
    @ApiResponse(responseCode = "409", description = "stock short, entry settled, or not a late payment")
    PaymentSummary reopenLatePayment(@PathVariable UUID entry) {
        return payments.reopenLatePayment(entry);
    }

    @PostMapping("/api/v1/payments/late-payments/{entry}/refund")
    @Operation(operationId = "refundLatePayment", summary = "Give a late payment back", description = """
            For a review entry of kind LATE_PAYMENT: the money goes back the way it came (a card payment through
            the provider when configured; else a refund is recorded as requested, for a person to pay and book).
            The order stays cancelled. 409 when the entry is settled or of another kind.""")
    @ApiResponse(responseCode = "200", description = "refund requested; the order's payments",
            content = @Content(schema = @Schema(implementation = PaymentSummary.class)))
    @ApiResponse(responseCode = "409", description = "entry settled, or not a late payment")
    PaymentSummary refundLatePayment(@PathVariable UUID entry) {
        return payments.refundLatePayment(entry);
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
