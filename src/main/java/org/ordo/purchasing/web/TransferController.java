package org.ordo.purchasing.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.Intake;
import org.ordo.platform.Actor;
import org.ordo.platform.ApiClient;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.ordo.purchasing.CloseTransfer;
import org.ordo.purchasing.ReceiveTransfer;
import org.ordo.purchasing.ShipTransfer;
import org.ordo.purchasing.Transfer;
import org.ordo.purchasing.Transfers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Transfers", description = "Stock moved between locations: shipped from one, in transit, received at the other")
class TransferController {

    private final Transfers transfers;
    private final Intake intake;
    private final Json json;

    TransferController(Transfers transfers, Intake intake, Json json) {
        this.transfers = transfers;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = "/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "shipTransfer", summary = "Ship goods from one location to another", description = """
            The goods leave `from` now (one TRANSFER_OUT movement per SKU, only unreserved stock) and are in
            transit until the transfer is received at `to`. Numbered TR-2026-000001. Needs an Idempotency-Key
            header: a retry with the same key and body gets the first answer again (Idempotent-Replayed: true) and
            ships nothing more; the same key with another body is refused (422).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = ShipTransfer.class)))
    @ApiResponse(responseCode = "201", description = "shipped: in transit",
            content = @Content(schema = @Schema(implementation = Transfer.class)))
    @ApiResponse(responseCode = "409", description = "less unreserved stock at the source than asked; nothing left")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    ResponseEntity<String> ship(@RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_transfer_as_json"));
        }
        ShipTransfer command = json.readRequest(body, ShipTransfer.class);
        ApiClient client = Actor.client();
        Intake.Taken taken = intake.takeApiRequest(client == null ? "anonymous" : client.id().toString(),
                Actor.current(), key, "POST /api/v1/transfers", "transfer", contentType, body, documentId -> {
                    Transfer shipped = transfers.ship(command);
                    return new Intake.Produced(201, json.write(shipped), "TRANSFER", shipped.id());
                });
        return taken.answer(URI.create("/api/v1/transfers/" + taken.producedId()));
    }

    @GetMapping("/transfers")
    @Operation(operationId = "listTransfers", summary = "Transfers, newest first", description = "Keyset paging: pass `next` as `after`; `status=IN_TRANSIT` keeps those on the way.")
    Slice<Transfer> list(@RequestParam(required = false) Transfer.Status status,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return transfers.list(status, after, Slice.checkLimit(limit, 200));
    }

    @GetMapping("/transfers/{id}")
    @Operation(operationId = "getTransfer", summary = "One transfer, by id or number")
    Transfer one(@PathVariable String id) {
        return transfers.require(transfers.idOf(id));
    }

    @PostMapping("/transfers/{id}/receipt")
    @Operation(operationId = "receiveTransfer", summary = "Receive a transfer at its destination, all or part of it", description = """
            What arrived goes on hand at `to` (one TRANSFER_IN movement per SKU) and fills backorders there.
            Without a body (or without `lines`) everything still in transit arrived; with `lines`, only those
            quantities, and the rest stays in transit for a later receipt. The transfer is RECEIVED once all
            arrived. Receipts of one transfer take turns: more than is still in transit is refused with 409
            over-receipt, a receipt when nothing is in transit any more (also a retry) with 409
            illegal-transition.""")
    @ApiResponse(responseCode = "200", description = "received; the transfer as it is now")
    @ApiResponse(responseCode = "409", description = "received already, or more than is still in transit")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    Transfer receive(@PathVariable String id, @RequestBody(required = false) ReceiveTransfer command) {
        return transfers.receive(transfers.idOf(id), command);
    }

    @PostMapping("/transfers/{id}/closure")
    @Operation(operationId = "closeTransferShort", summary = "Close a transfer short, with a reason", description = """
            Nothing more of it will arrive. What is still in transit goes back on hand at the source (TRANSFER_IN
            there, naming the transfer); with "lost": true it is written off there at once (an ADJUSTMENT "lost in
            transit" naming the transfer). The transfer is CLOSED_SHORT and takes no more receipts.""")
    @ApiResponse(responseCode = "200", description = "closed short; the transfer as it is now")
    @ApiResponse(responseCode = "409", description = "received or closed already: nothing in transit")
    @ApiResponse(responseCode = "422", description = "no reason given")
    Transfer closeShort(@PathVariable String id, @RequestBody CloseTransfer command) {
        Transfers.checkClosure(command); // the body is refused, naming its field, before the transfer is looked up
        return transfers.closeShort(transfers.idOf(id), command);
    }
}
