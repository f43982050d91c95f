package org.ordo.ordering.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders that need a follow-up (a payment reminder, a delay notice), picked and marked in one statement:
 * rows another transaction holds are skipped, and a marked order is never picked again.
 */
@Repository
public class FollowUps {

    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Unpaid(UUID id, String number, String currency, BigDecimal gross, BigDecimal paid) {
    }

    public record Late(UUID id, String number, Instant promisedAt, String fulfillmentStatus) {
    }

    /** Runs one lock round of follow-ups: true when this transaction holds the job's lock (one node at a time). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockJob(String job) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(:job))").param("job", "ordo.follow-ups." + job)
                .query(Boolean.class).single();
    }

    /**
     * Marks up to {@code limit} open prepayment orders, placed more than {@code after} ago and not paid in full,
     * as reminded, oldest first; returns them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Unpaid> markUnpaidReminded(Duration after, int limit) {
        return jdbc.sql("""
                WITH due AS MATERIALIZED (
                    SELECT id FROM customer_order
                    WHERE payment_method = 'prepayment' AND payment_status = 'PENDING' AND status = 'OPEN'
                      AND payment_reminded_at IS NULL AND gross > paid
                      AND (paid_by_return IS NULL OR paid > 0)
                      AND created_at < CAST(:now AS timestamptz) - make_interval(secs => :after)
                    ORDER BY created_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE customer_order o SET payment_reminded_at = :now
                FROM due WHERE o.id = due.id
                RETURNING o.id, o.number, o.currency, o.gross, o.paid
                """).param("now", Timestamp.from(clock.instant())).param("after", (double) after.toSeconds()).param("limit", limit)
                .query((rs, n) -> new Unpaid(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("currency").trim(), rs.getBigDecimal("gross"), rs.getBigDecimal("paid")))
                .list();
    }

    public record Expired(UUID id, String number, String currency, BigDecimal gross, Instant createdAt) {
    }

    /**
     * Locks up to {@code limit} orders that wait for a payment which never came, for this transaction to cancel
     * them: open, not released, not held, nothing paid, a method that waits for the money before shipping (not
     * invoice, cash on delivery or a marketplace), placed more than {@code after} ago and, for prepayment, reminded
     * before. Oldest first; rows another transaction holds are skipped.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Expired> lockUnpaidExpired(Duration after, int limit) {
        return jdbc.sql("""
                SELECT id, number, currency, gross, created_at FROM customer_order
                WHERE status = 'OPEN' AND payment_status = 'PENDING' AND released_at IS NULL AND paid = 0
                  AND payment_method NOT IN ('invoice', 'cash_on_delivery', 'marketplace')
                  AND paid_by_return IS NULL
                  AND (payment_method <> 'prepayment' OR payment_reminded_at IS NOT NULL)
                  AND created_at < CAST(:now AS timestamptz) - make_interval(secs => :after)
                ORDER BY created_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """).param("now", Timestamp.from(clock.instant())).param("after", (double) after.toSeconds())
                .param("limit", limit)
                .query((rs, n) -> new Expired(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("currency").trim(), rs.getBigDecimal("gross"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Notes that a cancelled order was cancelled because its payment never came (CHECK: only a cancelled one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markExpired(UUID orderId) {
        jdbc.sql("UPDATE customer_order SET unpaid_expired_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", orderId).update();
    }

    /**
     * Marks up to {@code limit} orders as noticed that wait for us, not for the customer (open, released to the
     * warehouse, nothing shipped yet) and will miss their promise: it has passed, or the order is backordered
     * and the promise is less than {@code ahead} away. Earliest promise first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Late> markDelayNoticed(Duration ahead, int limit) {
        return jdbc.sql("""
                WITH late AS MATERIALIZED (
                    SELECT id FROM customer_order
                    WHERE status = 'OPEN' AND released_at IS NOT NULL
                      AND fulfillment_status IN ('RELEASED', 'BACKORDERED') AND delay_noticed_at IS NULL
                      -- an order with a computed promise (deliver_by) is told by the promise with its new date
                      -- (OrderDelays); this notice, without a date, is for the promises a caller set
                      AND deliver_by IS NULL
                      AND (promised_at < CAST(:now AS timestamptz)
                           OR (fulfillment_status = 'BACKORDERED'
                               AND promised_at < CAST(:now AS timestamptz) + make_interval(secs => :ahead)))
                    ORDER BY promised_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE customer_order o SET delay_noticed_at = :now
                FROM late WHERE o.id = late.id
                RETURNING o.id, o.number, o.promised_at, o.fulfillment_status
                """).param("now", Timestamp.from(clock.instant())).param("ahead", (double) ahead.toSeconds()).param("limit", limit)
                .query((rs, n) -> new Late(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getTimestamp("promised_at").toInstant(), rs.getString("fulfillment_status")))
                .list();
    }

    /** An order's promise as it was before it moved; {@code released}: the order waits for us, not the customer. */
    public record Moved(String number, java.time.LocalDate previousDeliverBy, Instant previousPromisedAt,
            boolean released, String fulfillmentStatus) {
    }

    /**
     * Moves an open order's promise to later dates, once per date: nothing when the order is not open or is
     * already promised for {@code deliverBy} or later. Marks it delay-noticed, so the follow-up job's notice
     * without a date never follows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Optional<Moved> movePromise(UUID orderId, java.time.LocalDate shipBy,
            java.time.LocalDate deliverBy, Instant mustShipAt) {
        return jdbc.sql("""
                UPDATE customer_order o SET ship_by = :shipBy, deliver_by = :deliverBy, promised_at = :mustShipAt,
                       delay_noticed_at = coalesce(o.delay_noticed_at, :now), updated_at = :now
                FROM customer_order before
                WHERE o.id = :id AND before.id = o.id AND o.status = 'OPEN'
                  AND (o.deliver_by IS NULL OR o.deliver_by < :deliverBy)
                RETURNING o.number, before.deliver_by AS previous, before.promised_at AS previous_promised_at,
                          o.released_at IS NOT NULL AS released, o.fulfillment_status
                """).param("id", orderId).param("shipBy", shipBy).param("deliverBy", deliverBy)
                .param("mustShipAt", Timestamp.from(mustShipAt)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Moved(rs.getString("number"),
                        rs.getObject("previous", java.time.LocalDate.class),
                        rs.getTimestamp("previous_promised_at").toInstant(), rs.getBoolean("released"),
                        rs.getString("fulfillment_status")))
                .optional();
    }

    /** Sets an open order's computed promise (one with a deliver-by date) to these dates, earlier or not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setPromise(UUID orderId, java.time.LocalDate shipBy, java.time.LocalDate deliverBy,
            Instant mustShipAt) {
        jdbc.sql("""
                UPDATE customer_order SET ship_by = :shipBy, deliver_by = :deliverBy, promised_at = :mustShipAt,
                       updated_at = :now
                WHERE id = :id AND status IN ('OPEN', 'ON_HOLD') AND deliver_by IS NOT NULL
                """).param("id", orderId).param("shipBy", shipBy).param("deliverBy", deliverBy)
                .param("mustShipAt", Timestamp.from(mustShipAt)).param("now", Timestamp.from(clock.instant())).update();
    }

    /** The names of the backordered lines of these orders, by order. */
    public Map<UUID, List<String>> backorderedNames(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID order, String name) {
        }
        return jdbc.sql("""
                SELECT order_id, name FROM order_line
                WHERE order_id = ANY(CAST(:orders AS uuid[])) AND backordered > 0
                ORDER BY order_id, line_no
                """).param("orders", orderIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new Row(rs.getObject("order_id", UUID.class), rs.getString("name"))).list()
                .stream().collect(Collectors.groupingBy(Row::order,
                        Collectors.mapping(Row::name, Collectors.toList())));
    }

    /**
     * Marks an order as paid by the goods of a return (an exchange's replacement): it waits for them, so it is not
     * reminded while nothing is paid and never expires unpaid ({@link #markUnpaidReminded}, {@link #lockUnpaidExpired}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPaidByReturn(UUID orderId, String rmaNumber) {
        jdbc.sql("UPDATE customer_order SET paid_by_return = :rma WHERE id = :id").param("rma", rmaNumber)
                .param("id", orderId).update();
    }

    /** True when the order is paid by the goods of a return ({@link #markPaidByReturn}). */
    public boolean paidByReturn(UUID orderId) {
        return jdbc.sql("SELECT paid_by_return IS NOT NULL FROM customer_order WHERE id = :id").param("id", orderId)
                .query(Boolean.class).optional().orElse(false);
    }
}
