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
import org.ordo.purchasing.BinCount;
import org.ordo.purchasing.CountBin;
import org.ordo.purchasing.CountStock;
import org.ordo.purchasing.CycleCount;
import org.ordo.purchasing.CycleCounts;
import org.ordo.purchasing.DecideCount;
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
@Tag(name = "Cycle counts", description = "Counting a SKU at a location; the difference booked as an adjustment, approval above a threshold")
class CycleCountController {

    private final CycleCounts counts;
    private final Intake intake;
    private final Json json;

    CycleCountController(CycleCounts counts, Intake intake, Json json) {
        this.counts = counts;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = "/cycle-counts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "countStock", summary = "Record a count of a SKU at a location", description = """
            The difference to on hand by the books is booked at once as one ADJUSTMENT whose reference is the
            count's number (CC-2026-000001), unless it is more units than ORDO_COUNT_APPROVAL_UNITS or less was
            found than is reserved for orders: then the count waits for a second person's decision and nothing is
            booked yet. Needs an Idempotency-Key header: a retry with the same key and body (also one sent at the
            same time) gets the first answer again (Idempotent-Replayed: true) and books nothing more; the same key
            with another body is refused (422).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CountStock.class)))
    @ApiResponse(responseCode = "201", description = "booked, or waiting for approval (see status)",
            content = @Content(schema = @Schema(implementation = CycleCount.class)))
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    ResponseEntity<String> count(@RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_count_as_json"));
        }
        CountStock command = json.readRequest(body, CountStock.class);
        ApiClient client = Actor.client();
        // the one idempotency mechanism of the API (intake's key table), as for transfers
        Intake.Taken taken = intake.takeApiRequest(client == null ? "anonymous" : client.id().toString(),
                Actor.current(), key, "POST /api/v1/cycle-counts", "count", contentType, body, documentId -> {
                    CycleCount counted = counts.count(command);
                    return new Intake.Produced(201, json.write(counted), "CYCLE_COUNT", counted.id());
                });
        return taken.answer(URI.create("/api/v1/cycle-counts/" + taken.producedId()));
    }

    @PostMapping(path = "/locations/{code}/bins/{bin}/counts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "countBin", summary = "Record a count of a whole bin", description = """
            One count per SKU that the bin holds or the body lists, against what the bin holds now (locked, so no
            pick, move or receipt changes it meanwhile). A SKU the bin holds by the books that is not listed was not
            found: it is counted as 0. Each difference is booked in the bin as one ADJUSTMENT whose reference is that
            count's number, unless it is more units than ORDO_COUNT_APPROVAL_UNITS or less was found than the bin must
            cover of the reservations: then that count waits for a second person's decision
            (POST /cycle-counts/{id}/decision). All or nothing: a refused line books no line. Needs an
            Idempotency-Key header: a retry with the same key and body gets the first answer again
            (Idempotent-Replayed: true) and books nothing more; the same key with another body is refused (422).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CountBin.class)))
    @ApiResponse(responseCode = "201", description = "counted: each SKU's count booked or waiting for approval",
            content = @Content(schema = @Schema(implementation = BinCount.class)))
    @ApiResponse(responseCode = "404", description = "no such location, or no such bin there")
    @ApiResponse(responseCode = "409", description = "more was found than the bin can hold by its capacities (bin-full), or a difference cannot be taken out (insufficient-stock); nothing booked")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    ResponseEntity<String> countBin(@PathVariable String code, @PathVariable String bin,
            @RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_lines_counted_as"));
        }
        CountBin command = json.readRequest(body, CountBin.class);
        ApiClient client = Actor.client();
        Intake.Taken taken = intake.takeApiRequest(client == null ? "anonymous" : client.id().toString(),
                Actor.current(), key, "POST /api/v1/locations/" + code + "/bins/" + bin + "/counts", "count",
                contentType, body, documentId -> {
                    BinCount counted = counts.countBin(code, bin, command);
                    return new Intake.Produced(201, json.write(counted), "BIN_COUNT", counted.id());
                });
        return taken.answer();
    }

    @GetMapping("/cycle-counts")
    @Operation(operationId = "listCycleCounts", summary = "Cycle counts, newest first", description = "Keyset paging: pass `next` as `after`; `status=AWAITING_APPROVAL` keeps those to decide.")
    Slice<CycleCount> list(@RequestParam(required = false) CycleCount.Status status,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return counts.list(status, after, Slice.checkLimit(limit, 200));
    }

    @GetMapping("/cycle-counts/{id}")
    @Operation(operationId = "getCycleCount", summary = "One cycle count, by id or number")
    CycleCount one(@PathVariable String id) {
        return counts.require(counts.idOf(id));
    }

    @PostMapping("/cycle-counts/{id}/decision")
    @Operation(operationId = "decideCycleCount", summary = "Approve or reject a count waiting for approval", description = """
            By another person than the one who counted. Approved, the difference is booked; while more is reserved
            than would stay on hand, approval is refused with 409 insufficient-stock (release those reservations
            first). Rejected (with a reason), nothing is booked.""")
    @ApiResponse(responseCode = "200", description = "decided")
    @ApiResponse(responseCode = "409", description = "decided already, by the person who counted, or less stock than reserved")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    CycleCount decide(@PathVariable String id, @RequestBody DecideCount decision) {
        return counts.decide(counts.idOf(id), decision);
    }
}
