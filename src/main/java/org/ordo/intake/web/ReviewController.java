package org.ordo.intake.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.platform.MultiLine;
import org.ordo.platform.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/review-entries")
@Tag(name = "Review queue", description = """
        What Ordo could not turn into an order (or a booking) with certainty: mails in free text, scans read by OCR,
        PDFs, bank statements with lines not booked, EDI messages in doubt; soonest due first. Nothing in it becomes
        an order without a person's confirmation.""")
class ReviewController {

    private final ReviewQueue queue;

    ReviewController(ReviewQueue queue) {
        this.queue = queue;
    }

    @Schema(name = "ReviewAssignment")
    record Assignment(@Schema(description = "who works on it; default: the caller", example = "agent@shop.example",
            maxLength = ReviewQueue.MAX_OWNER) String owner) {
    }

    @Schema(name = "ReviewRejection")
    record Rejection(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "We cannot read the article numbers; please send them again.",
            maxLength = ReviewQueue.MAX_NOTE) @MultiLine String reason,
            @Schema(description = "mail the reason to the sender") Boolean notifySender) {
    }

    @Schema(name = "ReviewResolution")
    record Resolution(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Line 3 booked to SO-000123 by hand",
            maxLength = ReviewQueue.MAX_NOTE) @MultiLine String note) {
    }

    @GetMapping
    @Operation(operationId = "listReviewEntries", summary = "The review queue, soonest due first",
            description = "Default: the open entries. status and kind filter; limit and after page.")
    Slice<ReviewEntry> list(@RequestParam(defaultValue = "OPEN") ReviewEntry.Status status,
            @RequestParam(required = false) ReviewEntry.Kind kind, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return queue.entries(status, kind, after, Slice.checkLimit(limit, 200));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getReviewEntry", summary = "One entry: the reason, what could be read, the draft",
            description = "The original is at /api/v1/inbound-documents/{documentId}/body.")
    ReviewEntry get(@PathVariable UUID id) {
        return queue.entry(id);
    }

    @PostMapping("/{id}/owner")
    @Operation(operationId = "assignReviewEntry", summary = "Give an open entry to a person", description = "409 once it is closed.")
    ReviewEntry assign(@PathVariable UUID id, @RequestBody(required = false) Assignment assignment) {
        return queue.assign(id, assignment == null ? null : assignment.owner());
    }

    @PostMapping("/{id}/confirm")
    @Operation(operationId = "confirmReviewEntry", summary = "Place the order as corrected by a person", description = """
            The body is the order as corrected (start from the entry's draft). It is placed like any order (priced from
            the catalog, stock reserved, or refused naming what is missing), linked to the original, and the entry is
            closed. 409 once the entry is closed (nothing is placed), for a bank statement, a late payment or a shop's
            update of an order placed before (kind SHOP_UPDATE: applied to that order by hand and resolved).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = PlaceOrder.class)))
    @ApiResponse(responseCode = "201", description = "placed",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    ResponseEntity<OrderView> confirm(@PathVariable UUID id, @RequestBody(required = false) PlaceOrder corrected) {
        OrderView order = queue.confirm(id, corrected);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order);
    }

    @PostMapping("/{id}/reject")
    @Operation(operationId = "rejectReviewEntry", summary = "Refuse an entry, with a reason", description = """
            With notifySender the reason is mailed to the sender (through the outbox). 409 once it is closed.""")
    ReviewEntry reject(@PathVariable UUID id, @RequestBody(required = false) Rejection rejection) {
        return queue.reject(id, rejection == null ? null : rejection.reason(),
                rejection != null && Boolean.TRUE.equals(rejection.notifySender()));
    }

    @PostMapping("/{id}/resolve")
    @Operation(operationId = "resolveReviewEntry", summary = "Close an entry dealt with outside the queue", description = """
            For what a person settled by hand (a statement's lines booked through /api/v1/payments/bank-transfers,
            an EDI message answered otherwise), with a note saying what was done. 409 once it is closed.""")
    ReviewEntry resolve(@PathVariable UUID id, @RequestBody(required = false) Resolution resolution) {
        return queue.resolve(id, resolution == null ? null : resolution.note());
    }
}
