package org.ordo.purchasing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.platform.Slice;
import org.ordo.purchasing.CountStock;
import org.ordo.purchasing.CycleCount;
import org.ordo.purchasing.CycleCounts;
import org.ordo.purchasing.DecideCount;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cycle counts", description = "Counting a SKU at a location; the difference booked as an adjustment, approval above a threshold")
class CycleCountController {

    private final CycleCounts counts;

    CycleCountController(CycleCounts counts) {
        this.counts = counts;
    }

    @PostMapping("/cycle-counts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "countStock", summary = "Record a count of a SKU at a location", description = """
            The difference to on hand by the books is booked at once as one ADJUSTMENT whose reference is the
            count's number (CC-2026-000001), unless it is more units than ORDO_COUNT_APPROVAL_UNITS or less was
            found than is reserved for orders: then the count waits for a second person's decision and nothing is
            booked yet.""")
    @ApiResponse(responseCode = "201", description = "booked, or waiting for approval (see status)")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    CycleCount count(@RequestBody CountStock command) {
        return counts.count(command);
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
