package org.ordo.outsourcing.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.outsourcing.FulfilmentPartner;
import org.ordo.outsourcing.FulfilmentRequest;
import org.ordo.outsourcing.OutsourcingManagement;
import org.ordo.outsourcing.PartnerDraft;
import org.ordo.outsourcing.PartnerReportFiles;
import org.ordo.outsourcing.PartnerShipmentReport;
import org.ordo.outsourcing.ReportedShipment;
import org.ordo.outsourcing.RoutingRule;
import org.ordo.outsourcing.StockReconciliation;
import org.ordo.outsourcing.StockReport;
import org.ordo.platform.Actor;
import org.ordo.platform.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Outsourced fulfilment", description = "3PL warehouses and dropship suppliers at external locations: requests out, shipments and stock reports back")
class OutsourcingController {

    private final OutsourcingManagement outsourcing;
    private final PartnerReportFiles files;

    OutsourcingController(OutsourcingManagement outsourcing, PartnerReportFiles files) {
        this.outsourcing = outsourcing;
        this.files = files;
    }

    @GetMapping("/api/v1/fulfilment-partners")
    @Operation(operationId = "listFulfilmentPartners", summary = "The 3PLs and dropship suppliers, by location")
    List<FulfilmentPartner> partners() {
        return outsourcing.partners();
    }

    @GetMapping("/api/v1/fulfilment-partners/{location}")
    @Operation(operationId = "getFulfilmentPartner", summary = "The partner at a location, with the age of its last stock report")
    FulfilmentPartner partner(@PathVariable String location) {
        return outsourcing.partner(location);
    }

    @PutMapping("/api/v1/fulfilment-partners/{location}")
    @Operation(operationId = "registerFulfilmentPartner", summary = "Let a 3PL or dropship supplier fulfil at a location", description = """
            The location (created with POST /api/v1/locations) becomes external: orders are allocated to it by its
            priority as to any warehouse, but no pick list is made there; released goods are sent to the partner
            as a fulfilment request (HTTP POST signed with the secret, or a file in the exchange folder). The
            secret is never shown again.""")
    FulfilmentPartner register(@PathVariable String location, @RequestBody(required = false) PartnerDraft draft) {
        return outsourcing.registerPartner(location, draft);
    }

    @GetMapping("/api/v1/fulfilment-partners/{location}/requests")
    @Operation(operationId = "listFulfilmentRequests", summary = "The fulfilment requests to a partner, newest first", description = """
            Each is retried with back-off until the partner takes it; FAILED ones show the last error. For a
            dropship supplier, cost, revenue and margin of the lines it ships.""")
    List<FulfilmentRequest> requests(@PathVariable String location, @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return outsourcing.requests(location, Slice.checkLimit(limit, 200));
    }

    @GetMapping("/api/v1/orders/{id}/fulfilment-requests")
    @Operation(operationId = "listOrderFulfilmentRequests", summary = "An order's fulfilment requests to partners, with the dropship margin")
    List<FulfilmentRequest> requestsOf(@PathVariable UUID id) {
        return outsourcing.requestsOf(id);
    }

    @GetMapping("/api/v1/routing-rules")
    @Operation(operationId = "listRoutingRules", summary = "Which way to fulfil: the rules per article, per channel, and the default")
    List<RoutingRule> rules() {
        return outsourcing.rules();
    }

    @PutMapping("/api/v1/routing-rules")
    @Operation(operationId = "saveRoutingRule", summary = "Set which way an article's, a channel's or every order is fulfilled", description = """
            Name an article (SKU), a channel, or neither (the default). Allocation takes stock from locations in the
            strategy's order, by priority within it: OWN_FIRST (own warehouses, 3PLs, dropship suppliers),
            THIRD_PARTY_FIRST, DROPSHIP_FIRST, LOWEST_COST (own stock 0, partners their unit cost), PRIORITY (as
            without a rule). An order from one location that has all of it still comes before a split.""")
    RoutingRule saveRule(@RequestBody(required = false) RoutingRule rule) {
        return outsourcing.saveRule(rule);
    }

    @PostMapping(path = "/api/v1/fulfilment-partners/{location}/shipments", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "reportPartnerShipment", summary = "A partner reports a shipment with tracking", description = """
            Needs no API key: X-Ordo-Signature (t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body"> with the
            partner's secret) proves the sender. The goods leave the partner's stock and become a shipment: the
            customer gets the tracking mail, the invoice follows. The same reference again answers DUPLICATE with
            the first shipment and changes nothing.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartnerShipmentReport.class)))
    @Parameter(name = OutsourcingManagement.SIGNATURE, in = ParameterIn.HEADER, required = true, schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "a duplicate of an earlier report",
            content = @Content(schema = @Schema(implementation = ReportedShipment.class)))
    @ApiResponse(responseCode = "201", description = "shipped",
            content = @Content(schema = @Schema(implementation = ReportedShipment.class)))
    @ApiResponse(responseCode = "400", description = "the signature is missing, wrong or stale, or the body is not JSON")
    @ApiResponse(responseCode = "404", description = "no partner at this location, or no such order")
    @ApiResponse(responseCode = "409", description = "the order was held or cancelled, or the tracking number is used")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    ResponseEntity<ReportedShipment> shipment(@PathVariable String location,
            @RequestHeader(name = OutsourcingManagement.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        ReportedShipment shipped = Actor.as("partner:" + location,
                () -> outsourcing.receiveShipment(location, signature, body));
        return ResponseEntity.status(shipped.outcome() == ReportedShipment.Outcome.SHIPPED ? HttpStatus.CREATED
                : HttpStatus.OK).body(shipped);
    }

    @PostMapping(path = "/api/v1/fulfilment-partners/{location}/stock-reports", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "reportPartnerStock", summary = "A partner reports its stock (a 3PL's count, a supplier's feed)", description = """
            Signed as shipment reports are. Every SKU named is set to its count by an adjustment naming the report;
            units reserved for orders are never adjusted away (answered as unresolved). The same reference again
            answers the first outcome (duplicate: true) and changes nothing.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StockReport.class)))
    @Parameter(name = OutsourcingManagement.SIGNATURE, in = ParameterIn.HEADER, required = true, schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "reconciled (or a duplicate)",
            content = @Content(schema = @Schema(implementation = StockReconciliation.class)))
    @ApiResponse(responseCode = "400", description = "the signature is missing, wrong or stale, or the body is not JSON")
    @ApiResponse(responseCode = "404", description = "no partner at this location")
    @ApiResponse(responseCode = "422", description = "invalid fields or unknown SKUs, named in errors[]")
    StockReconciliation stock(@PathVariable String location,
            @RequestHeader(name = OutsourcingManagement.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return Actor.as("partner:" + location, () -> outsourcing.receiveStockReport(location, signature, body));
    }

    // --- report files uploaded by a person: the same files a FOLDER partner leaves ---------------------------

    @PostMapping(path = "/api/v1/fulfilment-partners/{location}/report-files/shipments",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(operationId = "uploadPartnerShipmentFile", summary = "Upload a partner's shipment report file", description = """
            For a report file that reached you another way (by mail, from the partner's portal): the file as body,
            read and booked exactly as a file in the partner's shipments folder (the body of a signed shipment
            report, no signature needed: your API key vouches for it). Booked, it is kept in the folder's done/
            under fileName. The same reference again answers DUPLICATE and changes nothing; a refused file is not
            kept.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = PartnerShipmentReport.class)),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "200", description = "a duplicate of an earlier report",
            content = @Content(schema = @Schema(implementation = ReportedShipment.class)))
    @ApiResponse(responseCode = "201", description = "shipped",
            content = @Content(schema = @Schema(implementation = ReportedShipment.class)))
    @ApiResponse(responseCode = "400", description = "the body is not JSON")
    @ApiResponse(responseCode = "404", description = "no partner at this location, or no such order")
    @ApiResponse(responseCode = "409", description = "the order was held or cancelled, or the tracking number is used")
    @ApiResponse(responseCode = "422", description = "invalid fields or file name, named in errors[]")
    ResponseEntity<ReportedShipment> uploadShipment(@PathVariable String location,
            @Parameter(description = "the name the file is kept under (default upload-<time>.json)",
                    example = "shipments-0001.json", schema = @Schema(type = "string", maxLength = 100,
                    pattern = PartnerReportFiles.FILE_NAME)) @RequestParam(required = false) String fileName,
            @RequestBody(required = false) byte[] body) {
        String name = files.uploadName(fileName);
        ReportedShipment shipped = files.uploadShipmentFile(location, name, body);
        return ResponseEntity.status(shipped.outcome() == ReportedShipment.Outcome.SHIPPED ? HttpStatus.CREATED
                : HttpStatus.OK).body(shipped);
    }

    @PostMapping(path = "/api/v1/fulfilment-partners/{location}/report-files/stock",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(operationId = "uploadPartnerStockFile", summary = "Upload a partner's stock report file", description = """
            As the shipment file upload, for a stock report (a 3PL's count, a supplier's stock feed): booked as a
            file in the partner's stock folder, each difference an adjustment naming the report, then kept in
            done/.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = StockReport.class)),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "200", description = "reconciled (or a duplicate)",
            content = @Content(schema = @Schema(implementation = StockReconciliation.class)))
    @ApiResponse(responseCode = "400", description = "the body is not JSON")
    @ApiResponse(responseCode = "404", description = "no partner at this location")
    @ApiResponse(responseCode = "422", description = "invalid fields, unknown SKUs or a wrong file name, named in errors[]")
    StockReconciliation uploadStock(@PathVariable String location,
            @Parameter(description = "the name the file is kept under (default upload-<time>.json)",
                    example = "stock-0001.json", schema = @Schema(type = "string", maxLength = 100,
                    pattern = PartnerReportFiles.FILE_NAME)) @RequestParam(required = false) String fileName,
            @RequestBody(required = false) byte[] body) {
        String name = files.uploadName(fileName);
        return files.uploadStockReportFile(location, name, body);
    }
}
