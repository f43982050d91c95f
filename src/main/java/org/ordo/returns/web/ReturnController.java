package org.ordo.returns.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.Intake;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.Actor;
import org.ordo.platform.ApiClient;
import org.ordo.platform.IdempotentAnswer;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.ordo.returns.ReceiveReturn;
import org.ordo.returns.RequestReturn;
import org.ordo.returns.ReturnManagement;
import org.ordo.returns.ReturnStatus;
import org.ordo.returns.ReturnView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Returns", description = "Return requests (RMA), receiving and inspection, refunds")
class ReturnController {

    private final ReturnManagement returns;
    private final OrderManagement orders;
    private final Intake intake;
    private final Json json;
    private final org.ordo.returns.PackingSlips slips;

    ReturnController(ReturnManagement returns, OrderManagement orders, Intake intake, Json json,
            org.ordo.returns.PackingSlips slips) {
        this.slips = slips;
        this.returns = returns;
        this.orders = orders;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = "/orders/{order}/returns", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "requestReturn", summary = "Request a return of shipped lines", description = """
            Needs an Idempotency-Key header: a retry with the same key and body gets the first answer again
            (header Idempotent-Replayed: true); the same key with another body is refused (422). Lines that were
            not shipped, are already on their way back, cannot be returned or are outside the window are refused
            with 422 naming the line. The answer holds the RMA number (RMA-2026-000001). An EXCHANGE places the
            replacement order of the `exchange` articles at once, reserving their stock (409 when they are short,
            and then nothing is made); the returned goods' worth pays it once they arrive.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = RequestReturn.class)))
    @ApiResponse(responseCode = "201", description = "authorized",
            content = @Content(schema = @Schema(implementation = ReturnView.class)))
    @ApiResponse(responseCode = "409", description = "the order is cancelled, or the exchange articles are short")
    @ApiResponse(responseCode = "422", description = "invalid fields or lines, named in errors[]")
    ResponseEntity<String> request(@PathVariable String order,
            @RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("returns.is_required_the_return_as_json"));
        }
        UUID orderId = orders.idOf(order);
        RequestReturn command = json.readRequest(body, RequestReturn.class);
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        ApiClient client = Actor.client();
        String clientId = client == null ? "anonymous" : client.id().toString();
        Intake.Taken taken = intake.takeApiRequest(clientId, Actor.current(), key,
                "POST /api/v1/orders/" + orderId + "/returns", "return", contentType, body, documentId -> {
                    ReturnView made = returns.request(orderId, command, documentId);
                    return new Intake.Produced(201, json.write(made), "RETURN", made.id());
                });
        return taken.answer(URI.create("/api/v1/returns/" + taken.producedId()));
    }

    @GetMapping("/orders/{order}/returns")
    @Operation(operationId = "listReturnsOfOrder", summary = "The returns of an order, oldest first")
    List<ReturnView> ofOrder(@PathVariable String order) {
        return returns.ofOrder(orders.idOf(order));
    }

    @GetMapping("/returns")
    @Operation(operationId = "listReturns", summary = "Returns, newest first", description = "Keyset paging: pass `next` as `after`.")
    Slice<ReturnView> list(@RequestParam(required = false) ReturnStatus status,
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return returns.list(status, after, Slice.checkLimit(limit, 200));
    }

    @GetMapping("/returns/{id}")
    @Operation(operationId = "getReturn", summary = "One return, by id or RMA number")
    ReturnView one(@PathVariable String id) {
        return returns.require(returns.idOf(id));
    }

    record Cancel(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextInput.MAX_REASON)
            String reason) {
    }

    @PostMapping("/returns/{id}/cancel")
    @Operation(operationId = "cancelReturn", summary = "Withdraw a return before its goods arrive", description = "A reason is required; 409 once received.")
    ReturnView cancel(@PathVariable String id, @RequestBody(required = false) Cancel cancel) {
        return returns.cancel(returns.idOf(id), cancel == null ? null : cancel.reason());
    }

    @PostMapping(path = "/returns/{id}/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "receiveReturn", summary = "Record what arrived and its condition", description = """
            Once per return: a second receipt is refused with 409 and books nothing. RESELLABLE units go back to
            available stock at the location, DAMAGED and INCOMPLETE into its quarantine (or written off with
            writeOff: true); more than announced is taken and recorded as a discrepancy. The refund follows.
            With an Idempotency-Key header (optional), a retry with the same key and body gets the first answer
            again (header Idempotent-Replayed: true) instead of the 409.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = ReceiveReturn.class)))
    @ApiResponse(responseCode = "201", description = "received",
            content = @Content(schema = @Schema(implementation = ReturnView.class)))
    ResponseEntity<String> receive(@PathVariable String id,
            @RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("returns.is_required_where_the_goods_arrived_2"));
        }
        UUID returnId = returns.idOf(id);
        ReceiveReturn receipt = json.readRequest(body, ReceiveReturn.class);
        if (receipt == null) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        URI location = URI.create("/api/v1/returns/" + returnId);
        if (key == null) {
            return IdempotentAnswer.first(HttpStatus.CREATED.value(), json.write(returns.receive(returnId, receipt)))
                    .answer(location);
        }
        ApiClient client = Actor.client();
        String clientId = client == null ? "anonymous" : client.id().toString();
        // A scanner that sends the same receipt twice at once: the key is claimed once, the other waits and
        // gets the same answer; nothing is booked twice (the receipt itself is once per return anyway).
        Intake.Taken taken = intake.takeApiRequest(clientId, Actor.current(), key,
                "POST /api/v1/returns/" + returnId + "/receipts", "receipt", contentType, body, documentId ->
                        new Intake.Produced(201, json.write(returns.receive(returnId, receipt)), "RETURN", returnId));
        return taken.answer(location);
    }

    @PostMapping("/returns/{id}/refund")
    @Operation(operationId = "refundReturn", summary = "Refund a received return (again)", description = """
            The refund runs by itself once goods are received; this retries it. It pays once, however often it is
            called: a refunded return is answered as it is.""")
    ReturnView refund(@PathVariable String id) {
        return returns.refund(returns.idOf(id));
    }

    @PostMapping("/returns/{id}/approval")
    @Operation(operationId = "approveReturnRefund", summary = "Approve a refund that waits for approval", description = "Agents and admins only; pays once.")
    ReturnView approve(@PathVariable String id) {
        return returns.approve(returns.idOf(id));
    }

    @GetMapping(path = "/shipments/{id}/packing-slip", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "downloadPackingSlip", summary = "The packing slip of a shipment (PDF)", description = """
            What is in the parcel, in the customer's language, with the return section: order number, the return
            link as text and QR code, the return address and the policy. Rendered the first time it is asked for and
            kept with the order's documents from then on: every later download gives the same bytes.""")
    ResponseEntity<byte[]> packingSlip(@PathVariable UUID id) {
        org.ordo.billing.StoredDocument.File slip = slips.stored(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + slip.document().fileName() + "\"")
                .body(slip.content());
    }
}
