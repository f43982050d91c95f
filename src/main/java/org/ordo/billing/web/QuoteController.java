package org.ordo.billing.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.billing.CreateQuote;
import org.ordo.billing.Quote;
import org.ordo.billing.QuoteManagement;
import org.ordo.billing.QuoteQuery;
import org.ordo.billing.QuoteStatus;
import org.ordo.billing.StoredDocument;
import org.ordo.intake.Intake;
import org.ordo.platform.Actor;
import org.ordo.platform.ApiClient;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.MultiLine;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quotes")
@Tag(name = "Quotes", description = "Quotes: made at catalog prices, sent by mail, accepted into an order, declined or expired")
class QuoteController {

    private final QuoteManagement quotes;
    private final int maxPageSize;

    private final Intake intake;
    private final Json json;

    QuoteController(QuoteManagement quotes, OrdoProperties properties, Intake intake, Json json) {
        this.quotes = quotes;
        this.intake = intake;
        this.json = json;
        this.maxPageSize = properties.api().maxPageSize();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createQuote", summary = "Make a quote", description = """
            Needs an Idempotency-Key header, kept like an order's: a retry with the same key and body gets the first
            answer again (header Idempotent-Replayed: true); the same key with another body, or already used for
            another request, is refused (422). The server prices the lines from the catalog as it prices orders;
            the quote's number is the next of its series and year.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CreateQuote.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "made; a replay of the same key answers the quote as it was made first",
            content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Quote.class)))
    ResponseEntity<String> create(@RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("billing.is_required_the_quote_as_json"));
        }
        CreateQuote command = json.readRequest(body, CreateQuote.class);
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        ApiClient client = Actor.client();
        String clientId = client == null ? "anonymous" : client.id().toString();
        // the one idempotency mechanism of every creating request (invariant 2 in docs/design.md): key, stored
        // original and request hash are kept by intake, as for orders and returns
        Intake.Taken taken = intake.takeApiRequest(clientId, Actor.current(), key, "POST /api/v1/quotes", "quote",
                contentType, body, documentId -> {
                    Quote made = quotes.create(command, Actor.current());
                    return new Intake.Produced(201, json.write(made), "QUOTE", made.id());
                });
        return taken.answer(URI.create("/api/v1/quotes/" + taken.producedId()));
    }

    @GetMapping
    @Operation(operationId = "listQuotes", summary = "Quotes, newest first", description = """
            status: OPEN, SENT, ACCEPTED, DECLINED or EXPIRED; customer: a customer id. Keyset paging: pass the
            answer's next as after.""")
    Slice<Quote> list(
            @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = QuoteStatus.class))
            @RequestParam(required = false) String status, @RequestParam(required = false) UUID customer,
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int limit) {
        QuoteStatus parsed = null;
        if (status != null && !status.isBlank()) {
            parsed = QuoteStatus.parse(status.trim());
            if (parsed == null) {
                throw new InvalidInputException("status", Wording.of("billing.must_be_one_of_open_sent"));
            }
        }
        return quotes.quotes(new QuoteQuery(parsed, customer, after, Slice.checkLimit(limit, maxPageSize)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getQuote", summary = "One quote", description = "The id, or the quote number (QUO-2026-000001).")
    Quote quote(@PathVariable String id) {
        return quotes.require(quotes.idOf(id));
    }

    @GetMapping("/{id}/pdf")
    @Operation(operationId = "downloadQuotePdf", summary = "The quote's PDF, as sent", description = "404 until the quote has been sent.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the PDF", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "the SHA-256 of the stored bytes", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")), @io.swagger.v3.oas.annotations.headers.Header(name = "Content-Disposition", description = "attachment with the file name", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))},
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf"))
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        StoredDocument.File file = quotes.pdf(quotes.idOf(id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.document().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.document().fileName()).build().toString())
                .eTag("\"" + file.document().sha256() + "\"").body(file.content());
    }

    @PostMapping("/{id}/send")
    @Operation(operationId = "sendQuote", summary = "Send the quote to the customer by mail", description = """
            Renders and stores the quote's PDF (once) and queues a QUOTE mail in the customer's language with the
            PDF attached; sending again sends another copy. 409 when the quote was accepted, declined or has
            expired.""")
    Quote send(@PathVariable String id) {
        return quotes.send(quotes.idOf(id));
    }

    @PostMapping("/{id}/accept")
    @Operation(operationId = "acceptQuote", summary = "Accept the quote: it becomes an order", description = """
            Within its validity the quote becomes an order at the quoted prices, reserving stock at once; the
            answer names the order (orderId, orderNumber). 409 when it has expired, was accepted or declined, or
            when stock is short (as for orders; nothing changes).""")
    Quote accept(@PathVariable String id) {
        return quotes.accept(quotes.idOf(id));
    }

    record Decline(@Schema(maxLength = TextInput.MAX_REASON) @MultiLine String reason) {
    }

    @PostMapping("/{id}/decline")
    @Operation(operationId = "declineQuote", summary = "Record that the customer declined the quote", description = "409 when it is already decided or expired.")
    Quote decline(@PathVariable String id, @RequestBody(required = false) Decline body) {
        return quotes.decline(quotes.idOf(id), body == null ? null : body.reason());
    }
}
