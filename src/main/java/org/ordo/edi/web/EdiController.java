package org.ordo.edi.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.edi.EdiManagement;
import org.ordo.edi.EdiMessage;
import org.ordo.edi.PartnerDraft;
import org.ordo.edi.ReceivedInterchange;
import org.ordo.edi.TradingPartner;
import org.ordo.platform.Actor;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/edi")
@Tag(name = "EDI", description = "Trading partners, EDIFACT and X12 interchanges in, acknowledgements and order responses out")
class EdiController {

    private final EdiManagement edi;

    EdiController(EdiManagement edi) {
        this.edi = edi;
    }

    @PostMapping("/partners")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerEdiPartner", summary = "Register a trading partner")
    @ApiResponse(responseCode = "409", description = "the code or the sender identifier is taken")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    TradingPartner register(@RequestBody PartnerDraft draft) {
        return edi.register(draft);
    }

    @GetMapping("/partners/{code}")
    @Operation(operationId = "getEdiPartner", summary = "One trading partner")
    TradingPartner partner(@PathVariable String code) {
        return edi.partner(code);
    }

    @PutMapping("/partners/{code}")
    @Operation(operationId = "changeEdiPartner", summary = "Change a trading partner")
    TradingPartner change(@PathVariable String code, @RequestBody PartnerDraft draft) {
        return edi.change(code, draft);
    }

    @GetMapping("/partners/{code}/articles")
    @Operation(operationId = "listEdiPartnerArticles", summary = "The partner's own article numbers and our SKUs")
    Map<String, String> articles(@PathVariable String code) {
        return edi.articles(code);
    }

    @PutMapping("/partners/{code}/articles")
    @Operation(operationId = "replaceEdiPartnerArticles", summary = "Replace the partner's article numbers", description = """
            A JSON object from the partner's article number (PIA with code BP in its orders) to our SKU. Replaces
            the whole mapping; unknown SKUs are refused and nothing changes.""")
    Map<String, String> mapArticles(@PathVariable String code,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object", maxProperties = EdiManagement.MAX_ARTICLE_NUMBERS,
                            additionalPropertiesSchema = String.class,
                            description = "their number (1-35 characters) to our SKU")))
            @RequestBody(required = false) Map<String, String> numbers) {
        return edi.mapArticles(code, numbers);
    }

    @PostMapping(path = "/interchanges", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "receiveEdiInterchange", summary = "Receive an EDIFACT interchange of ORDERS messages", description = """
            The raw interchange as body (Content-Type application/EDIFACT), in the charset its UNB declares
            (UNOA/UNOB ASCII, UNOC ISO 8859-1, UNOW UTF-8, ...). The sender in UNB names the trading partner.
            Each message becomes an order or is recorded with the reason it needs review; the answer lists each
            message with its outcome, and the CONTRL acknowledgement. The same interchange again (same UNB
            reference) changes nothing and gets the same answer (header Idempotent-Replayed: true).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "application/EDIFACT", schema = @Schema(type = "string", format = "binary",
                    description = "the interchange's bytes as received, in the charset its UNB declares")))
    @ApiResponse(responseCode = "200", description = "received; each message's outcome is in messages[]",
            content = @Content(schema = @Schema(implementation = ReceivedInterchange.class)))
    @ApiResponse(responseCode = "409", description = "this UNB reference came before with other content")
    @ApiResponse(responseCode = "422", description = "not a readable interchange from a registered partner")
    ResponseEntity<String> receive(@RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("edi.is_required_the_interchange_as_received"));
        }
        EdiManagement.Answer answer = edi.receive(body, contentType, Actor.current());
        return answer.answer();
    }

    @PostMapping("/messages/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "resendEdiMessage", summary = "Deliver an outgoing EDI message again", description = """
            Queues the outgoing message for delivery to the partner again, as it was sent: the same control
            number, body and Idempotency-Key, whatever its delivery status was. Asking again before it goes out
            queues it once. The answer is the message, QUEUED.""")
    @ApiResponse(responseCode = "202", description = "queued for delivery")
    @ApiResponse(responseCode = "404", description = "no EDI message with this id")
    @ApiResponse(responseCode = "409", description = "the message is being delivered this moment; ask again later")
    @ApiResponse(responseCode = "422", description = "the id names a message in; only messages out are sent")
    EdiMessage resend(@PathVariable UUID id) {
        return edi.resend(id);
    }

    @PostMapping("/interchanges/{id}/reprocess")
    @Operation(operationId = "reprocessEdiInterchange", summary = "Try an interchange's messages in review again", description = """
            id: the interchange's inboundDocumentId. Once the cause is fixed (a GTIN added, stock received, the
            partner's ship-to set), each message of the interchange that waits for review is placed as on
            receipt and answered with its ORDRSP / 855; one that still cannot be placed keeps waiting with the
            new reason. Rejected messages are not tried. Nothing is placed twice: when no message waits (it was
            reprocessed already) the answer is 409 and nothing changes.""")
    @ApiResponse(responseCode = "200", description = "the messages tried and what became of each")
    @ApiResponse(responseCode = "404", description = "no EDI interchange was stored under this id")
    @ApiResponse(responseCode = "409", description = "no message of the interchange waits for review")
    EdiManagement.Reprocessed reprocess(@PathVariable UUID id) {
        return edi.reprocess(id, Actor.current());
    }

    @GetMapping("/messages")
    @Operation(operationId = "listEdiMessages", summary = "A partner's EDI messages in and out, oldest first", description = """
            In: each ORDERS message and its outcome (PLACED with the order, REVIEW or REJECTED with the reason).
            Out: each acknowledgement as sent, with its control number. outcome=REVIEW lists what waits for a
            person.""")
    Slice<EdiMessage> messages(@RequestParam String partner,
            @RequestParam(required = false) EdiMessage.Direction direction,
            @RequestParam(required = false) EdiMessage.Outcome outcome,
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return edi.messages(partner, direction, outcome, after, Slice.checkLimit(limit, 200));
    }
}
