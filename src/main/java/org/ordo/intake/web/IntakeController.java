package org.ordo.intake.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.InboundDocument;
import org.ordo.intake.Intake;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.platform.Actor;
import org.ordo.platform.ApiClient;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
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
class IntakeController {

    private final Intake intake;

    IntakeController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Orders")
    @Operation(operationId = "placeOrder", summary = "Place an order", description = """
            Needs an Idempotency-Key header: retries with the same key and body get the first answer again
            (header Idempotent-Replayed: true); the same key with another body is refused (422).
            The server prices the lines from the catalog and reserves stock at once: from the highest-priority
            location that has everything, else split over locations; short lines are backordered where the
            article allows it, else the order is refused with 409 naming them. The body is stored as received.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = PlaceOrder.class)))
    @ApiResponse(responseCode = "201", description = "placed",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "409", description = "insufficient stock or duplicate external reference")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    ResponseEntity<String> place(@RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("intake.is_required_the_order_as_json"));
        }
        ApiClient client = Actor.client();
        String clientId = client == null ? "anonymous" : client.id().toString();
        Intake.Answer answer = intake.takeApiOrder(clientId, Actor.current(), key, contentType, body);
        return answer.answer(URI.create("/api/v1/orders/" + answer.orderId()));
    }

    @GetMapping("/inbound-documents")
    @Tag(name = "Inbound documents", description = "Orders, EDI interchanges and e-mails as received, and the review queue of those that could not be processed")
    @Operation(operationId = "listInboundDocuments", summary = "Inbound documents, newest first", description = "status=REVIEW is the review queue.")
    Slice<InboundDocument> documents(@RequestParam(required = false) InboundDocument.Status status,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return intake.documents(status, channel, after, Slice.checkLimit(limit, 200));
    }

    @GetMapping("/inbound-documents/{id}")
    @Tag(name = "Inbound documents")
    @Operation(operationId = "getInboundDocument", summary = "One inbound document: what it produced, or why it waits for review")
    InboundDocument document(@PathVariable UUID id) {
        return intake.document(id);
    }

    @GetMapping("/inbound-documents/{id}/body")
    @Tag(name = "Inbound documents")
    @Operation(operationId = "downloadInboundDocumentBody", summary = "The document exactly as received")
    @ApiResponse(responseCode = "200", description = "the bytes as received, in the media type they came with",
            content = {@Content(mediaType = "application/json"), @Content(mediaType = "application/EDIFACT"),
                    @Content(mediaType = "application/EDI-X12"), @Content(mediaType = "message/rfc822"),
                    @Content(mediaType = "application/pdf"), @Content(mediaType = "image/png"),
                    @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/tiff"),
                    @Content(mediaType = "text/csv"), @Content(mediaType = "text/plain"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    @Content(mediaType = "application/octet-stream")})
    ResponseEntity<byte[]> body(@PathVariable UUID id) {
        InboundDocument document = intake.document(id);
        MediaType type;
        try {
            type = document.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(document.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type).body(intake.originalBody(id));
    }
}
