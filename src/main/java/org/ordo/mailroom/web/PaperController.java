package org.ordo.mailroom.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.ReviewEntry;
import org.ordo.mailroom.PaperScans;
import org.ordo.platform.EmailAddresses;
import org.ordo.platform.IdempotentAnswer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Paper and fax scans uploaded over HTTP into the same reading and review as scans that arrive by mail. */
@RestController
@Tag(name = "Paper and fax", description = "Scans of paper orders and faxes (PDF, PNG, TIFF, JPEG): read by PDFBox "
        + "or OCR and put in the review queue with a draft order")
class PaperController {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String TIFF = "image/tiff";
    static final String JPEG = "image/jpeg";
    static final String BINARY = "application/octet-stream";

    private final PaperScans scans;

    PaperController(PaperScans scans) {
        this.scans = scans;
    }

    @PostMapping(path = "/api/v1/paper", consumes = {PDF, PNG, TIFF, JPEG, BINARY})
    @Operation(operationId = "uploadPaperScan", summary = "Upload a scan or fax of an order", description = """
            The scan as body, as the scanner or fax server made it: a PDF (its text is read with PDFBox; a PDF of
            images by OCR, page by page), PNG, TIFF or JPEG (OCR in German, English, Spanish and Korean). The type is
            read from the file's first bytes. The answer is the review entry it waits in (kind ORDER): the text read
            beside the page image, and a draft order with the articles and quantities found and the customer known
            by the sender's address. A person corrects and confirms it (POST /api/v1/review-entries/{id}/confirm);
            nothing read from paper becomes an order without that. The same scan again (the same bytes) opens
            nothing new and answers 200 with its entry.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = TIFF, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = JPEG, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = BINARY, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "201", description = "read and waiting in the review queue")
    @ApiResponse(responseCode = "200", description = "this scan was uploaded before: its review entry")
    @ApiResponse(responseCode = "413", description = "larger than 20 MiB")
    @ApiResponse(responseCode = "422", description = "not a PDF, PNG, TIFF or JPEG, or a parameter is wrong; errors[] names it")
    ResponseEntity<ReviewEntry> upload(
            @Parameter(description = "the file's name, kept in the entry's reason", example = "fax-0412.tiff",
                    schema = @Schema(type = "string", maxLength = PaperScans.MAX_FILE_NAME))
            @RequestParam(required = false) String fileName,
            @Parameter(description = "the sender's e-mail address: the draft's customer when known", example =
                    "einkauf@example.com", schema = @Schema(type = "string", format = "email",
                            maxLength = EmailAddresses.MAX_LENGTH))
            @RequestParam(required = false) String sender,
            @RequestBody(required = false) byte[] body) {
        PaperScans.Taken taken = scans.take(fileName, body, sender);
        // the same file again is the same review entry (recognised by its content, not by a key): told apart by the
        // status and the replay header every idempotent answer has
        return ResponseEntity.status(taken.replayed() ? 200 : 201)
                .header(IdempotentAnswer.REPLAYED, String.valueOf(taken.replayed())).body(taken.entry());
    }
}
