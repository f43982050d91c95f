package org.ordo.ordering;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.ordo.ordering.internal.FollowUps;
import org.ordo.ordering.internal.Orders;
import org.ordo.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-ups of open orders, each at most once per order: a payment reminder for prepayment orders still unpaid
 * after {@code ordo.orders.payment-reminder-after}, a delay notice for orders that will miss their promised
 * date, and the cancellation of orders whose payment never came after {@code ordo.orders.unpaid-cancel-after}. A scheduled job runs both on one node at a time (an advisory lock); each batch marks its orders in the
 * statement that picks them, records a timeline entry and publishes the event in the same transaction, so the
 * customer's message commits with the mark or not at all.
 */
@Service
public class OrderFollowUps {

    private static final Logger log = LoggerFactory.getLogger(OrderFollowUps.class);
    private static final String SYSTEM = "system";
    private static final int BATCH = 100;

    private final FollowUps followUps;
    private final Orders orders;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Duration reminderAfter;
    private final Duration delayAhead;
    private final Duration cancelAfter;
    private final OrderManagement management;

    OrderFollowUps(FollowUps followUps, Orders orders, ApplicationEventPublisher events,
            TransactionTemplate transaction,
            @Value("${ordo.orders.payment-reminder-after:P7D}") Duration reminderAfter,
            @Value("${ordo.orders.delay-notice-ahead:P1D}") Duration delayAhead,
            @Value("${ordo.orders.unpaid-cancel-after:P14D}") Duration cancelAfter, OrderManagement management) {
        // the customer is reminded before the order goes: an expiry at or before the reminder would skip it
        if (!cancelAfter.isZero() && cancelAfter.compareTo(reminderAfter) <= 0) {
            throw new IllegalStateException("ORDO_UNPAID_CANCEL_AFTER (" + cancelAfter + ") must be longer than "
                    + "ORDO_PAYMENT_REMINDER_AFTER (" + reminderAfter + "), or P0D to keep unpaid orders");
        }
        this.cancelAfter = cancelAfter;
        this.management = management;
        this.followUps = followUps;
        this.orders = orders;
        this.events = events;
        this.transaction = transaction;
        this.reminderAfter = reminderAfter;
        this.delayAhead = delayAhead;
    }

    @Scheduled(initialDelayString = "${ordo.orders.follow-up-every:PT15M}",
            fixedDelayString = "${ordo.orders.follow-up-every:PT15M}")
    void onSchedule() {
        try {
            int reminded = remindUnpaid();
            int noticed = noticeDelays();
            int expired = expireUnpaid();
            if (reminded + noticed + expired > 0) {
                log.info("Follow-ups: {} payment reminders, {} delay notices, {} unpaid orders cancelled", reminded,
                        noticed, expired);
            }
        } catch (RuntimeException e) {
            log.warn("Order follow-ups failed; the next round retries: {}", e.toString());
        }
    }

    /**
     * Reminds every open prepayment order placed more than the configured time ago and not paid in full, once:
     * publishes {@link PaymentReminderDue} for each. Returns how many; 0 when another node runs the job now.
     */
    public int remindUnpaid() {
        return inBatches("payment-reminders", () -> {
            List<FollowUps.Unpaid> unpaid = followUps.markUnpaidReminded(reminderAfter, BATCH);
            for (FollowUps.Unpaid o : unpaid) {
                Money due = Money.rounded(o.gross().subtract(o.paid()), o.currency());
                orders.record(o.id(), SYSTEM, "payment", PaymentStatus.PENDING.name(), PaymentStatus.PENDING.name(),
                        TimelineReason.of("payment-reminder-sent", "payment reminder sent: " + due + " due", due));
                events.publishEvent(new PaymentReminderDue(o.id(), o.number(), due));
            }
            return unpaid.size();
        });
    }

    /**
     * Cancels every order that waited for its payment longer than {@code ordo.orders.unpaid-cancel-after} (see
     * {@link FollowUps#lockUnpaidExpired}; a prepayment order only once reminded), once, through the one cancel path
     * ({@link OrderManagement#cancel}: reservations released, {@link OrderCancelled}), and publishes
     * {@link UnpaidOrderExpired} for the customer's mail, all in the batch's transaction. Returns how many; 0 when
     * another node runs the job now or the setting is P0D.
     */
    public int expireUnpaid() {
        if (cancelAfter.isZero()) {
            return 0;
        }
        long days = cancelAfter.toDays();
        String reason = "unpaid after " + (days > 0 ? days + " days" : cancelAfter.toString())
                + ": cancelled automatically";
        return inBatches("unpaid-expiry", () -> {
            List<FollowUps.Expired> expired = followUps.lockUnpaidExpired(cancelAfter, BATCH);
            for (FollowUps.Expired o : expired) {
                management.cancel(o.id(), reason);
                followUps.markExpired(o.id());
                events.publishEvent(new UnpaidOrderExpired(o.id(), o.number(), Money.rounded(o.gross(),
                        o.currency()), o.createdAt()));
            }
            return expired.size();
        });
    }

    /**
     * The earliest moment this order is cancelled by {@link #expireUnpaid} if no money comes: placed plus
     * {@code ordo.orders.unpaid-cancel-after}, for an open, unreleased order with nothing paid whose method waits for
     * the money (a prepayment order goes only once reminded, so perhaps later). Empty for any other order, or when
     * the setting is P0D.
     */
    public java.util.Optional<java.time.Instant> unpaidExpiry(OrderView order) {
        PaymentMethod method = PaymentMethod.parse(order.paymentMethod());
        boolean waits = method != null && method != PaymentMethod.INVOICE && method != PaymentMethod.CASH_ON_DELIVERY
                && method != PaymentMethod.MARKETPLACE;
        if (cancelAfter.isZero() || !waits || order.status() != OrderStatus.OPEN
                || order.paymentStatus() != PaymentStatus.PENDING || order.releasedAt() != null
                || (order.paid() != null && order.paid().amount().signum() != 0)
                || followUps.paidByReturn(order.id())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(order.createdAt().plus(cancelAfter));
    }

    /**
     * Tells the customer of every order that will miss its promised date, once: open, released to the warehouse,
     * nothing shipped, and the promise has passed, or the order is backordered and its promise is less than
     * {@code ordo.orders.delay-notice-ahead} away. Publishes {@link OrderDelayed} for each; returns how many.
     */
    public int noticeDelays() {
        return inBatches("delay-notices", () -> {
            List<FollowUps.Late> late = followUps.markDelayNoticed(delayAhead, BATCH);
            Map<UUID, List<String>> backordered = followUps.backorderedNames(late.stream()
                    .filter(o -> o.fulfillmentStatus().equals(FulfillmentStatus.BACKORDERED.name()))
                    .map(FollowUps.Late::id).toList());
            for (FollowUps.Late o : late) {
                List<String> missing = backordered.getOrDefault(o.id(), List.of());
                orders.record(o.id(), SYSTEM, "fulfillment", o.fulfillmentStatus(), o.fulfillmentStatus(),
                        missing.isEmpty()
                                ? TimelineReason.of("delay-notice-sent", "delay notice sent: promised for "
                                        + o.promisedAt(), o.promisedAt())
                                : TimelineReason.of("delay-notice-sent-waiting", "delay notice sent: promised for "
                                        + o.promisedAt() + ", waiting for " + String.join(", ", missing),
                                        o.promisedAt(), String.join(", ", missing)));
                events.publishEvent(new OrderDelayed(o.id(), o.number(), o.promisedAt(), missing));
            }
            return late.size();
        });
    }

    /** Runs batches, each in its own transaction holding the job's lock, until one comes back short. */
    private int inBatches(String job, IntSupplier batch) {
        int total = 0;
        while (true) {
            Integer done = transaction.execute(tx -> followUps.lockJob(job) ? batch.getAsInt() : -1);
            if (done == null || done < 0) {
                return total; // another node runs this job now
            }
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }

    /**
     * Marks an exchange's replacement as paid by the goods of return {@code rmaNumber}: it waits for them, so it gets
     * no payment reminder while nothing is paid and never expires unpaid (docs/returns.md). In the caller's
     * transaction.
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void paidByReturn(UUID orderId, String rmaNumber) {
        followUps.markPaidByReturn(orderId, rmaNumber);
    }
}
