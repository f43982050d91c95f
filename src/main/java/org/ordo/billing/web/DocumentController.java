package org.ordo.billing.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.billing.Billing;
import org.ordo.billing.CreditNote;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.StoredDocument;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Documents", description = "Rendered documents (PDF, e-invoice XML) and credit notes, stored once")
class DocumentController {

    private final DocumentArchive archive;
    private final Billing billing;
    private final OrderManagement orders;

    DocumentController(DocumentArchive archive, Billing billing, OrderManagement orders) {
        this.archive = archive;
        this.billing = billing;
        this.orders = orders;
    }

    @GetMapping("/api/v1/orders/{id}/documents")
    @Tag(name = "Orders")
    @Operation(operationId = "listDocumentsOfOrder", summary = "Documents of an order (confirmation, invoice, credit notes, e-invoices), confirmation first",
            description = "Documents not rendered yet are rendered and stored now, so the first listing may take a moment.")
    List<StoredDocument> documents(@PathVariable String id) {
        return archive.ofOrder(orders.idOf(id));
    }

    @GetMapping("/api/v1/documents/{id}")
    @Operation(operationId = "downloadDocument", summary = "Download a document: the stored bytes, the same at every download", description = """
            Ids come from an order's document list or a message's attachments; both render what is not rendered
            yet. An id that is not stored answers 404.""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the document's bytes", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "the SHA-256 of the stored bytes", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")), @io.swagger.v3.oas.annotations.headers.Header(name = "Content-Disposition", description = "attachment with the file name", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
            @io.swagger.v3.oas.annotations.headers.Header(name = "Digest", description = "sha-256=<base64 of the SHA-256>", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))},
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf"), @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/xml")})
    ResponseEntity<byte[]> download(@PathVariable String id) {
        StoredDocument.File file = archive.file(uuid(id));
        StoredDocument doc = file.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(doc.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(doc.fileName()).build().toString())
                .eTag("\"" + doc.sha256() + "\"")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(doc.sha256())))
                .body(file.content());
    }

    @GetMapping("/api/v1/orders/{id}/credit-notes")
    @Tag(name = "Orders")
    @Operation(operationId = "listCreditNotesOfOrder", summary = "Credit notes of an order")
    List<CreditNote> creditNotes(@PathVariable String id) {
        return billing.creditNotesOf(orders.idOf(id));
    }

    @GetMapping("/api/v1/credit-notes/{number}")
    @Operation(operationId = "getCreditNote", summary = "One credit note by its number (CN-2026-000001)")
    CreditNote creditNote(@PathVariable String number) {
        return billing.creditNote(number);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", Wording.of("billing.is_not_a_document_id_a"));
        }
    }
}
