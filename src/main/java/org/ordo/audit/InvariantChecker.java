package org.ordo.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ordo.audit.InvariantReport.Finding;
import org.ordo.audit.internal.EventPublications;
import org.ordo.billing.Billing;
import org.ordo.catalog.Article;
import org.ordo.catalog.ArticleType;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.StockDiscrepancy;
import org.ordo.notification.Notifications;
import org.ordo.ordering.OrderManagement;
import org.ordo.payment.PaymentManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the invariants of docs/design.md against the data as it is, on any Ordo database, while Ordo runs.
 *
 * <ul>
 * <li>{@value #STOCK_EQUALS_LEDGER}: every stock level equals the sums of its ledger (invariant 1)</li>
 * <li>{@value #STOCK_NOT_NEGATIVE}: no negative on hand or reserved quantity</li>
 * <li>{@value #RESERVED_WITHIN_ON_HAND}: nothing reserved beyond what is on hand</li>
 * <li>{@value #RESERVED_EQUALS_RESERVATIONS}: a level's reserved quantity is what its active reservations hold</li>
 * <li>{@value #OPEN_LINES_COVERED}: every line of an open order is reserved or backordered (invariant 2)</li>
 * <li>{@value #ORDER_HAS_TIMELINE}: every order has its timeline (invariant 5)</li>
 * <li>{@value #OUTBOX_NOT_STUCK}: no event publication incomplete for longer than {@code ordo.audit.stuck-after}</li>
 * <li>{@value #REFUNDS_WITHIN_RECEIVED}: per order, refunds never exceed what was received (invariant 9)</li>
 * <li>{@value #PAYMENT_STATUS_AGREES}: per order, the payment status agrees with the booked money (invariant 9)</li>
 * <li>{@value #DOCUMENT_NUMBERS_GAP_FREE}: invoice and credit-note numbers are gap-free per series and year</li>
 * <li>{@value #DIGITAL_HOLDS_NO_STOCK}: no digital article has stock on hand or reserved</li>
 * <li>{@value #MESSAGES_NOT_RETRYING_TOO_LONG}: no message still undelivered (queued, retrying, sending) after
 * {@code ordo.audit.message-stuck-after}</li>
 * <li>{@value #QUARANTINE_NEVER_RESERVED}: quarantined stock equals its ledger and is never reserved (invariant 10)</li>
 * <li>{@value #RETURN_WITHIN_ANNOUNCED}: a return never receives more than announced plus recorded discrepancies</li>
 * <li>{@value #RETURN_REFUNDS_WITHIN_RECEIVED}: refunds of returns per order never exceed what was received (invariant 9)</li>
 * <li>{@value #PURCHASE_RECEIVED_WITHIN_TOLERANCE}: no purchase order line received more than ordered plus its
 * tolerance</li>
 * <li>{@value #EXCHANGE_CREDITS_MOVED}: what pays an exchange's replacement was taken, as a booked refund with the
 * same RMA number and amount, from the returned order (invariant 9: no money is made)</li>
 * <li>{@value #REVIEW_DOCUMENTS_QUEUED}: every inbound document waiting for review has an open entry in the review
 * queue, so a person sees it (invariant 6)</li>
 * <li>{@value #ORDER_TOTALS_EQUAL_LINES}: an order's totals (net, tax, gross) are the sums of its current lines, also
 * after changes (invariant 4); that the reservations match the current lines is {@value #OPEN_LINES_COVERED}</li>
 * <li>{@value #BINS_EQUAL_LOCATION_STOCK}: at a location with bins, the bins of each SKU add up to its on hand</li>
 * <li>{@value #NO_BIN_OVER_CAPACITY}: no bin holds more than its volume, weight, pallet places or unit limit per SKU,
 * and its used figures are the sums of its stock</li>
 * <li>{@value #CAPACITY_NOT_OVERBOOKED}: no warehouse day has more orders booked to ship than its capacity
 * (docs/promise.md)</li>
 * <li>{@value #IN_TRANSIT_EQUALS_OPEN_TRANSFERS}: per SKU, what the ledger sent away by transfer and has not taken in
 * (TRANSFER_OUT less TRANSFER_IN) is what the transfers in transit carry (docs/purchasing.md)</li>
 * <li>{@value #BIN_STOCK_EQUALS_BIN_LEDGER}: each bin's stock of each SKU is the sum of its bin ledger rows, as the
 * levels are the sums of the stock ledger (docs/purchasing.md#bins)</li>
 * </ul>
 */
@Service
public class InvariantChecker {

    public static final String STOCK_EQUALS_LEDGER = "stock-equals-ledger";
    public static final String STOCK_NOT_NEGATIVE = "stock-not-negative";
    public static final String RESERVED_WITHIN_ON_HAND = "reserved-within-on-hand";
    public static final String RESERVED_EQUALS_RESERVATIONS = "reserved-equals-reservations";
    public static final String OPEN_LINES_COVERED = "open-lines-covered";
    public static final String ORDER_HAS_TIMELINE = "order-has-timeline";
    public static final String OUTBOX_NOT_STUCK = "outbox-not-stuck";
    public static final String REFUNDS_WITHIN_RECEIVED = "refunds-within-received";
    public static final String PAYMENT_STATUS_AGREES = "payment-status-agrees-with-balance";
    public static final String DOCUMENT_NUMBERS_GAP_FREE = "document-numbers-gap-free";
    public static final String DIGITAL_HOLDS_NO_STOCK = "digital-articles-hold-no-stock";
    public static final String MESSAGES_NOT_RETRYING_TOO_LONG = "messages-not-retrying-too-long";
    public static final String QUARANTINE_NEVER_RESERVED = "quarantine-never-reserved";
    public static final String RETURN_WITHIN_ANNOUNCED = "return-within-announced";
    public static final String RETURN_REFUNDS_WITHIN_RECEIVED = "return-refunds-within-received";
    public static final String PURCHASE_RECEIVED_WITHIN_TOLERANCE = "purchase-received-within-tolerance";
    public static final String EXCHANGE_CREDITS_MOVED = "exchange-credits-moved";
    public static final String REVIEW_DOCUMENTS_QUEUED = "review-documents-queued";
    public static final String ORDER_TOTALS_EQUAL_LINES = "order-totals-equal-lines";
    public static final String BINS_EQUAL_LOCATION_STOCK = "bins-equal-location-stock";
    public static final String NO_BIN_OVER_CAPACITY = "no-bin-over-capacity";
    public static final String CAPACITY_NOT_OVERBOOKED = "capacity-not-overbooked";
    public static final String IN_TRANSIT_EQUALS_OPEN_TRANSFERS = "in-transit-equals-open-transfers";
    public static final String BIN_STOCK_EQUALS_BIN_LEDGER = "bin-stock-equals-bin-ledger";

    private static final int DIGITAL_PAGE = 500;

    /** More findings of one invariant are counted, not listed: a broken database should not flood the report. */
    static final int MAX_LISTED = 100;

    private final InventoryManagement inventory;
    private final OrderManagement orders;
    private final EventPublications publications;
    private final PaymentManagement payments;
    private final Billing billing;
    private final Catalog catalog;
    private final Notifications notifications;
    private final Duration stuckAfter;
    private final Duration messageStuckAfter;
    private final org.ordo.returns.ReturnManagement returns;
    private final org.ordo.purchasing.PurchasingManagement purchasing;
    private final org.ordo.intake.ReviewQueue reviews;
    private final org.ordo.space.SpaceManagement space;
    private final org.ordo.promise.PromiseManagement promises;
    private final org.ordo.purchasing.Transfers transfers;
    private final Clock clock;

    InvariantChecker(InventoryManagement inventory, OrderManagement orders, EventPublications publications,
            PaymentManagement payments, Billing billing, Catalog catalog, Notifications notifications,
            AuditProperties properties, org.ordo.returns.ReturnManagement returns,
            org.ordo.purchasing.PurchasingManagement purchasing, org.ordo.intake.ReviewQueue reviews,
            org.ordo.space.SpaceManagement space, org.ordo.promise.PromiseManagement promises,
            org.ordo.purchasing.Transfers transfers, Clock clock) {
        this.transfers = transfers;
        this.clock = clock;
        this.space = space;
        this.promises = promises;
        this.returns = returns;
        this.purchasing = purchasing;
        this.reviews = reviews;
        this.inventory = inventory;
        this.orders = orders;
        this.publications = publications;
        this.payments = payments;
        this.billing = billing;
        this.catalog = catalog;
        this.notifications = notifications;
        this.stuckAfter = properties.stuckAfter();
        this.messageStuckAfter = properties.messageStuckAfter();
    }

    /**
     * Runs every check in one read-only snapshot (repeatable read), so that orders placed meanwhile cannot look
     * half done. Changes nothing and locks nothing that writers wait for.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public InvariantReport check() {
        Instant started = clock.instant();
        Map<String, List<String>> found = new LinkedHashMap<>();
        List.of(STOCK_EQUALS_LEDGER, STOCK_NOT_NEGATIVE, RESERVED_WITHIN_ON_HAND, RESERVED_EQUALS_RESERVATIONS,
                OPEN_LINES_COVERED, ORDER_HAS_TIMELINE, OUTBOX_NOT_STUCK, REFUNDS_WITHIN_RECEIVED,
                PAYMENT_STATUS_AGREES, DOCUMENT_NUMBERS_GAP_FREE, DIGITAL_HOLDS_NO_STOCK,
                MESSAGES_NOT_RETRYING_TOO_LONG, QUARANTINE_NEVER_RESERVED, RETURN_WITHIN_ANNOUNCED,
                RETURN_REFUNDS_WITHIN_RECEIVED, PURCHASE_RECEIVED_WITHIN_TOLERANCE, EXCHANGE_CREDITS_MOVED,
                REVIEW_DOCUMENTS_QUEUED, ORDER_TOTALS_EQUAL_LINES,
                BINS_EQUAL_LOCATION_STOCK, NO_BIN_OVER_CAPACITY, CAPACITY_NOT_OVERBOOKED,
                IN_TRANSIT_EQUALS_OPEN_TRANSFERS, BIN_STOCK_EQUALS_BIN_LEDGER).forEach(name -> found.put(name,
                new ArrayList<>()));

        for (StockDiscrepancy d : inventory.stockDiscrepancies()) {
            if (d.offLedger()) {
                found.get(STOCK_EQUALS_LEDGER).add(d.describe());
            }
            if (d.negative()) {
                found.get(STOCK_NOT_NEGATIVE).add("%s at %s: on_hand=%d reserved=%d"
                        .formatted(d.sku(), d.location(), d.onHand(), d.reserved()));
            }
            if (d.reservedBeyondOnHand()) {
                found.get(RESERVED_WITHIN_ON_HAND).add("%s at %s: %d reserved but only %d on hand"
                        .formatted(d.sku(), d.location(), d.reserved(), d.onHand()));
            }
            if (d.offReservations()) {
                found.get(RESERVED_EQUALS_RESERVATIONS).add("%s at %s: level says %s reserved, active reservations hold %d"
                        .formatted(d.sku(), d.location(), d.reserved() == null ? "nothing" : d.reserved(),
                                d.activeReservations()));
            }
        }
        found.get(OPEN_LINES_COVERED).addAll(orders.openLinesNotCovered());
        orders.ordersWithoutTimeline().forEach(number -> found.get(ORDER_HAS_TIMELINE)
                .add("order " + number + " has no timeline entry"));
        found.get(QUARANTINE_NEVER_RESERVED).addAll(inventory.quarantineDiscrepancies());
        found.get(RETURN_WITHIN_ANNOUNCED).addAll(returns.receivedBeyondAnnounced());
        found.get(RETURN_REFUNDS_WITHIN_RECEIVED).addAll(returns.refundsBeyondReceived());
        found.get(PURCHASE_RECEIVED_WITHIN_TOLERANCE).addAll(purchasing.receivedBeyondTolerance());
        found.get(EXCHANGE_CREDITS_MOVED).addAll(payments.exchangeCreditsNotMoved());
        found.get(REVIEW_DOCUMENTS_QUEUED).addAll(reviews.documentsOutOfQueue(MAX_LISTED + 1));
        found.get(ORDER_TOTALS_EQUAL_LINES).addAll(orders.totalsOffLines());
        found.get(BINS_EQUAL_LOCATION_STOCK).addAll(space.binsOffLocationStock());
        found.get(NO_BIN_OVER_CAPACITY).addAll(space.binsOverCapacity(MAX_LISTED + 1));
        found.get(CAPACITY_NOT_OVERBOOKED).addAll(promises.overbookedDays());
        found.get(IN_TRANSIT_EQUALS_OPEN_TRANSFERS).addAll(transfers.inTransitOffTransfers());
        found.get(BIN_STOCK_EQUALS_BIN_LEDGER).addAll(space.binsOffLedger(MAX_LISTED + 1));
        var stuck = publications.incompleteOlderThan(stuckAfter, MAX_LISTED);
        stuck.forEach(p -> found.get(OUTBOX_NOT_STUCK).add("publication %s of %s to %s, published %s, status %s after %d attempts"
                .formatted(p.id(), p.eventType(), p.listener(), p.publishedAt(), p.status(), p.attempts())));
        long unlisted = stuck.isEmpty() ? 0 : stuck.get(0).total() - stuck.size();

        PaymentManagement.BooksCheck books = payments.checkBooks();
        found.get(REFUNDS_WITHIN_RECEIVED).addAll(books.refundsBeyondReceived());
        found.get(PAYMENT_STATUS_AGREES).addAll(books.statusesOffBalance());
        found.get(DOCUMENT_NUMBERS_GAP_FREE).addAll(billing.numberingGaps());
        String afterSku = null;
        for (List<Article> page = catalog.list(null, ArticleType.DIGITAL, null, null, DIGITAL_PAGE); !page.isEmpty();
                page = catalog.list(null, ArticleType.DIGITAL, null, afterSku, DIGITAL_PAGE)) {
            afterSku = page.get(page.size() - 1).sku();
            inventory.levelsHolding(page.stream().map(Article::sku).toList()).forEach(level -> found
                    .get(DIGITAL_HOLDS_NO_STOCK).add("%s is digital but holds on_hand=%d reserved=%d at %s"
                            .formatted(level.sku(), level.onHand(), level.reserved(), level.location())));
            if (page.size() < DIGITAL_PAGE) {
                break;
            }
        }
        notifications.undeliveredFor(messageStuckAfter, MAX_LISTED + 1).forEach(m -> found
                .get(MESSAGES_NOT_RETRYING_TOO_LONG).add("message %s (%s to %s) queued %s, %s after %d attempts%s"
                        .formatted(m.id(), m.kind(), m.recipient(), m.createdAt(), m.status(), m.attempts(),
                                m.lastError() == null ? "" : ": " + m.lastError())));

        List<Finding> findings = new ArrayList<>();
        found.forEach((invariant, messages) -> {
            messages.stream().limit(MAX_LISTED).forEach(m -> findings.add(new Finding(invariant, m)));
            long more = messages.size() - Math.min(messages.size(), MAX_LISTED)
                    + (invariant.equals(OUTBOX_NOT_STUCK) ? unlisted : 0);
            if (more > 0) {
                findings.add(new Finding(invariant, "and " + more + " more"));
            }
        });
        return InvariantReport.of(started, Duration.between(started, clock.instant()).toMillis(),
                List.copyOf(found.keySet()), findings);
    }

    /** How long a message may stay undelivered (queued, retrying or sending) before it counts as stuck. */
    public Duration messageStuckAfter() {
        return messageStuckAfter;
    }

    /** How long an event publication may stay incomplete before it counts as stuck. */
    public Duration stuckAfter() {
        return stuckAfter;
    }
}
