package org.ordo.digital.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ordo.digital.DigitalDelivery;
import org.ordo.digital.Entitlement;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.security.TrackingTokens;
import org.ordo.platform.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Digital goods", description = "Files of digital articles and download links of orders")
class DigitalController {

    private final DigitalDelivery digital;
    private final OrderManagement orders;
    private final TrackingTokens tracking;

    DigitalController(DigitalDelivery digital, OrderManagement orders, TrackingTokens tracking) {
        this.digital = digital;
        this.orders = orders;
        this.tracking = tracking;
    }

    @PutMapping("/api/v1/digital/assets/{sku}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "uploadDigitalAsset", summary = "Upload the file of a digital article", description = """
            The body is the file itself, at most ORDO_DIGITAL_MAX_FILE_SIZE (100 MiB unless set); a larger one is \
            refused with 413 naming the limit, and the article keeps the file it had.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = """
            The file; its Content-Type is stored and sent with every download.""", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))})
    void upload(@PathVariable String sku, @RequestParam String filename,
            @RequestHeader(name = "Content-Type", required = false) String contentType, HttpServletRequest request)
            throws IOException {
        // read as a stream, never as one byte[]: a file may be far larger than any other request
        digital.upload(sku, filename, contentType, request.getInputStream());
    }

    @GetMapping("/api/v1/orders/{id}/downloads")
    @Tag(name = "Orders")
    @Operation(operationId = "listDownloadsOfOrder", summary = "Download links of an order, with expiry and use count")
    List<Entitlement> downloads(@PathVariable String id) {
        return digital.entitlementsOf(orders.idOf(id));
    }

    @GetMapping("/download/{token}")
    @Operation(operationId = "downloadFile", summary = "Download a digital good (no API key: the link itself is the secret)", description = """
            Counts the download. 404 for unknown links, 410 for expired or used-up ones (a browser is sent to the
            order's tracking page instead, which says so).""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the file, in the media type it was uploaded with", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Content-Disposition", description = "attachment with the file name", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/octet-stream"),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf"),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/zip")})
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "303", description = "the link expired or was used up, and a browser asked (Accept: text/html): to the order's tracking page, which says so in the customer's language", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "the order's tracking page", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "410", description = "the link expired or was used up")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        DigitalDelivery.Download file = digital.download(token);
        return headersOf(file).body(file.content());
    }

    // Without its own mapping, HEAD would run the GET handler above and use up a download.
    @RequestMapping(path = "/download/{token}", method = RequestMethod.HEAD)
    @Operation(operationId = "checkDownload", summary = "The headers a download would answer, without counting it", description = """
            Same status and headers as GET (type, length, file name), no body, and the download is not counted.""")
    ResponseEntity<Void> downloadHeaders(@PathVariable String token) {
        DigitalDelivery.Download file = digital.inspect(token);
        return headersOf(file).contentLength(file.content().length).build();
    }

    private static ResponseEntity.BodyBuilder headersOf(DigitalDelivery.Download file) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.filename()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * A link that no longer works: 410 with a problem answer, except to a person who opened the link from a mail in
     * the browser, who is sent to the order's page, which says so in their language and lists the order's links.
     */
    @ExceptionHandler(DigitalDelivery.LinkGone.class)
    ResponseEntity<?> gone(DigitalDelivery.LinkGone e, HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .location(URI.create("/track/" + tracking.token(e.orderId()) + "?download=gone")).build();
        }
        return ResponseEntity.status(HttpStatus.GONE)
                .body(Problems.of(HttpStatus.GONE, "link-gone", "Link no longer valid", e.getMessage()));
    }
}
