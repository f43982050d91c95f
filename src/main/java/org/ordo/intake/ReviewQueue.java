package org.ordo.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.intake.internal.InboundDocuments;
import org.ordo.intake.internal.ReviewEntries;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one review queue: everything Ordo cannot turn into what it asks for with certainty (a mail in free text, a
 * scan read by OCR, a bank statement with lines that could not be booked, an EDI interchange with doubtful
 * messages) waits here for a person. Nothing in it becomes an order without a person's confirmation, and the order
 * is placed through the one placement path ({@link OrderManagement#place}) linked to the original.
 */
@Service
public class ReviewQueue {

    /** The longest owner name (a user name or an e-mail address); the API document states it. */
    public static final int MAX_OWNER = 200;
    /** The longest reason or note a person writes on an entry; the API document states it. */
    public static final int MAX_NOTE = 2000;

    private final ReviewEntries entries;
    private final InboundDocuments documents;
    private final OrderManagement orders;
    private final Json json;
    private final Clock clock;
    private final Duration sla;
    private final ApplicationEventPublisher events;
    private final OrderFormTemplates forms;

    ReviewQueue(ReviewEntries entries, InboundDocuments documents, OrderManagement orders, Json json, Clock clock,
            @Value("${ordo.intake.review-sla:PT4H}") Duration sla, ApplicationEventPublisher events,
            OrderFormTemplates forms) {
        this.forms = forms;
        this.entries = entries;
        this.documents = documents;
        this.orders = orders;
        this.json = json;
        this.clock = clock;
        this.sla = sla;
        this.events = events;
    }

    /**
     * Puts (a part of) a stored document in the queue, due within the configured SLA, and marks the document as
     * waiting for review. Once per document and part: the same again gives the entry opened first.
     */
    @Transactional
    public ReviewEntry open(OpenReview review) {
        Instant now = clock.instant();
        UUID id = entries.open(review.documentId(), review.part(), review.kind().name(), review.reason(),
                review.sender(), review.readText(), json.write(review.draft()), now, now.plus(sla));
        documents.review(review.documentId(), review.reason());
        return entry(id);
    }

    public ReviewEntry entry(UUID id) {
        return entries.find(id).map(this::view).orElseThrow(() -> new NotFoundException("Review entry", id));
    }

    /** Entries, the soonest due first ({@code status} null: every status). */
    public Slice<ReviewEntry> entries(ReviewEntry.Status status, ReviewEntry.Kind kind, String after, int limit) {
        Cursor cursor = after == null ? null : Cursor.decode(after, "after");
        return Slice.of(entries.list(status == null ? null : status.name(), kind == null ? null : kind.name(),
                cursor, limit + 1).stream().map(this::view).toList(), limit,
                last -> new Cursor(last.slaDueAt(), last.id()).encode());
    }

    /** Gives an open entry to a person (who works on it); refused (409) once it is closed. */
    @Transactional
    public ReviewEntry assign(UUID id, String owner) {
        String checked = owner == null || owner.isBlank() ? Actor.current() : owner.strip();
        TextInput.check("owner", checked, false);
        if (checked.length() > MAX_OWNER) {
            throw new InvalidInputException("owner", Wording.of("platform.must_be_at_most_characters", MAX_OWNER));
        }
        entry(id);
        if (!entries.assign(id, checked)) {
            throw closed(id);
        }
        return entry(id);
    }

    /**
     * Confirms an entry with the order as a person corrected it: places it through the one placement path (which
     * reserves stock, or refuses with the reason), links it to the original and closes the entry, in one
     * transaction. An entry closed meanwhile by someone else is refused (409) and nothing is placed.
     */
    @Transactional
    public OrderView confirm(UUID id, PlaceOrder corrected) {
        ReviewEntry entry = entry(id);
        if (entry.kind() == ReviewEntry.Kind.BANK_STATEMENT) {
            throw new ConflictException("not-an-order", "Not an order",
                    Wording.of("intake.a_bank_statement_is_resolved_the"));
        }
        if (entry.kind() == ReviewEntry.Kind.LATE_PAYMENT) {
            throw latePayment();
        }
        if (entry.kind() == ReviewEntry.Kind.SHOP_UPDATE) {
            // confirming it would place the shop's order a second time beside the one it updates
            throw new ConflictException("shop-update", "A shop's update",
                    Wording.of("intake.a_shop_s_update_of_an"));
        }
        if (entry.status() != ReviewEntry.Status.OPEN) {
            throw closed(id);
        }
        if (corrected == null) {
            throw new InvalidInputException("body", Wording.of("intake.is_required_the_order_as_corrected"));
        }
        String actor = Actor.current();
        OrderView order = orders.place(corrected, new PlaceOrder.Source(entry.documentId(), actor));
        if (!entries.close(id, ReviewEntry.Status.CONFIRMED.name(), actor, clock.instant(), null, order.id(),
                json.write(corrected))) {
            throw closed(id);
        }
        entries.settleDocument(entry.documentId());
        if (entry.kind() == ReviewEntry.Kind.ORDER) {
            // what the person corrected teaches the sender's order form, for the next draft from them
            forms.learn(entry.sender(), entry.readText(), corrected);
        }
        return order;
    }

    /**
     * Rejects an entry with a reason; with {@code notifySender} the sender is told why (a mail through the outbox,
     * after commit). Refused (409) once it is closed.
     */
    @Transactional
    public ReviewEntry reject(UUID id, String reason, boolean notifySender) {
        String checked = note("reason", reason);
        ReviewEntry entry = entry(id);
        if (entry.kind() == ReviewEntry.Kind.LATE_PAYMENT) {
            throw latePayment(); // rejecting it would leave the money with nobody to give it back
        }
        if (notifySender && entry.sender() == null) {
            throw new InvalidInputException("notifySender", Wording.of("intake.the_original_names_no_sender_to"));
        }
        if (!entries.close(id, ReviewEntry.Status.REJECTED.name(), Actor.current(), clock.instant(), checked, null,
                null)) {
            throw closed(id);
        }
        entries.settleDocument(entry.documentId());
        events.publishEvent(new ReviewEntryRejected(id, entry.documentId(), entry.sender(), checked, notifySender));
        return entry(id);
    }

    /**
     * Closes an entry that a person dealt with outside the queue (a statement's lines booked by hand, an EDI message
     * answered by phone), with a note saying what was done. Refused (409) once it is closed.
     */
    @Transactional
    public ReviewEntry resolve(UUID id, String note) {
        String checked = note("note", note);
        ReviewEntry entry = entry(id);
        if (!entries.close(id, ReviewEntry.Status.RESOLVED.name(), Actor.current(), clock.instant(), checked, null,
                null)) {
            throw closed(id);
        }
        entries.settleDocument(entry.documentId());
        return entry(id);
    }

    /** Documents waiting for review that no open entry shows to a person (for the invariant checker). */
    public List<String> documentsOutOfQueue(int limit) {
        return entries.documentsOutOfQueue(limit);
    }

    private static String note(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, Wording.of("intake.is_required_say_why_for_whoever"));
        }
        TextInput.check(field, text, true);
        if (text.length() > MAX_NOTE) {
            throw new InvalidInputException(field, Wording.of("platform.must_be_at_most_characters", MAX_NOTE));
        }
        return text.strip();
    }

    private static ConflictException latePayment() {
        return new ConflictException("late-payment", "A late payment",
                Wording.of("intake.money_that_came_after_its_order"));
    }

    private static ConflictException closed(UUID id) {
        return new ConflictException("review-entry-closed", "Review entry already closed",
                Wording.of("intake.review_entry_was_already_confirmed_rejected", id), Map.of("entry", id.toString()));
    }

    private ReviewEntry view(ReviewEntries.Row row) {
        Instant now = clock.instant();
        return new ReviewEntry(row.id(), row.documentId(), row.part(), ReviewEntry.Kind.valueOf(row.kind()),
                row.reason(), row.sender(), row.readText(), json.read(row.draft(), PlaceOrder.class), row.owner(),
                row.openedAt(), row.slaDueAt(), Math.max(0, Duration.between(row.openedAt(), now).toMinutes()),
                "OPEN".equals(row.status()) && now.isAfter(row.slaDueAt()), ReviewEntry.Status.valueOf(row.status()),
                row.decidedBy(), row.decidedAt(), row.decisionNote(), row.orderId(), row.contentType());
    }
}
