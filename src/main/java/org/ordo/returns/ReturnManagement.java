package org.ordo.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ordo.billing.Billing;
import org.ordo.billing.CreditNote;
import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.ReturnedStock;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.TimelineReason;
import org.ordo.payment.ExchangeCharge;
import org.ordo.payment.PaymentManagement;
import org.ordo.payment.PaymentSummary;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ibans;
import org.ordo.platform.Ids;
import org.ordo.platform.IllegalTransition;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.ordo.returns.internal.Exchanges;
import org.ordo.returns.internal.RefundComputation;
import org.ordo.returns.internal.Returns;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShippingManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Returns of shipped goods: requests with RMA numbers, receiving and inspection, and the refund, paid once. */
@Service
public class ReturnManagement {

    private static final String EXCHANGE = "EXCHANGE";

    private final Returns returns;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final ShippingManagement shipping;
    private final InventoryManagement inventory;
    private final PaymentManagement payments;
    private final Billing billing;
    private final Catalog catalog;
    private final ReturnPolicy policy;
    private final Exchanges exchanges;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReturnManagement(Returns returns, OrderManagement orders, OrderLifecycle lifecycle, ShippingManagement shipping,
            InventoryManagement inventory, PaymentManagement payments, Billing billing, Catalog catalog,
            ReturnPolicy policy, Exchanges exchanges, Clock clock, ApplicationEventPublisher events) {
        this.exchanges = exchanges;
        this.catalog = catalog;
        this.returns = returns;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.shipping = shipping;
        this.inventory = inventory;
        this.payments = payments;
        this.billing = billing;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
    }

    // --- requests -------------------------------------------------------------------------------------------

    /** Authorizes a return as {@link #request(UUID, RequestReturn, UUID)} does, without a stored request. */
    @Transactional
    public ReturnView request(UUID orderId, RequestReturn command) {
        return request(orderId, command, null);
    }

    /**
     * Authorizes a return of shipped lines of an order and gives it the next RMA number of the year (gap free:
     * taken in this transaction). Refuses with 422, naming each line, what was not shipped or is already on its
     * way back, articles that cannot be returned, and lines outside the window. Serializes the returns of one
     * order (an advisory lock), writes a timeline entry on the order and publishes {@link ReturnAuthorized}.
     * An exchange places its replacement order here ({@link Exchanges#place}, linked to {@code documentId}, the
     * stored request): its stock is reserved at once, and what cannot be reserved refuses the whole return (409).
     * The replacement waits for its payment (the returned goods' worth once they arrive, {@link #refund}, and the
     * difference when it costs more), unless the customer is trusted: then it goes to the warehouse at once.
     */
    @Transactional
    public ReturnView request(UUID orderId, RequestReturn command, UUID documentId) {
        OrderView order = orders.require(orderId);
        if (order.status() == OrderStatus.CANCELLED) {
            throw new ConflictException("order-cancelled", "Order cancelled",
                    Wording.of("returns.order_is_cancelled_nothing_was_shipped", order.number()));
        }
        returns.lockOrder(orderId);
        List<Returns.NewLine> lines = check(order, command);
        Instant now = clock.instant();
        String number = billing.nextNumber(policy.series(), now.atZone(ZoneOffset.UTC).getYear());
        UUID id = Ids.next();
        String iban = command.iban() == null ? null : Ibans.normalized(command.iban());
        returns.insert(new Returns.NewReturn(id, number, orderId, order.number(), order.currency(),
                command.resolution(), iban, blankToNull(command.labelRef()), blankToNull(command.note()),
                Actor.current()), lines);
        String returned = lines.stream().map(l -> l.quantity() + " x " + l.sku() + " (" + l.reason() + ")").toList()
                .toString();
        // the screens show the lines without the reason's code (the return's page names the reasons in words)
        String units = lines.stream().map(l -> l.quantity() + " x " + l.sku()).toList().toString();
        lifecycle.note(orderId, "fulfillment", TimelineReason.of("return-authorized",
                "return " + number + " authorized: " + returned, number, units));
        if (EXCHANGE.equals(command.resolution())) {
            Exchanges.Replacement replacement = exchanges.place(order, number, command.exchange(), documentId);
            returns.replacedBy(id, replacement.order().id(), replacement.order().number());
            String replacementNumber = replacement.order().number();
            lifecycle.note(orderId, "fulfillment", replacement.releasedAtOnce()
                    ? TimelineReason.of("return-exchange-sent-at-once", "return " + number
                            + " is an exchange: replacement order " + replacementNumber
                            + " placed and sent at once (trusted customer)", number, replacementNumber)
                    : TimelineReason.of("return-exchange-when-back", "return " + number
                            + " is an exchange: replacement order " + replacementNumber
                            + " placed, shipped when the goods are back", number, replacementNumber));
        }
        events.publishEvent(new ReturnAuthorized(id, orderId, number));
        return require(id);
    }

    private List<Returns.NewLine> check(OrderView order, RequestReturn c) {
        ReturnRefused.Faults faults = new ReturnRefused.Faults();
        if (c.resolution() == null || !Set.of("REFUND", "EXCHANGE").contains(c.resolution())) {
            faults.add("resolution", ReturnRefused.Kind.OTHER, Wording.of("returns.must_be_refund_or_exchange"));
        } else if (EXCHANGE.equals(c.resolution())) {
            Exchanges.check(faults, c.exchange());
        }
        if (c.exchange() != null && !c.exchange().isEmpty() && !EXCHANGE.equals(c.resolution())) {
            faults.add("exchange", ReturnRefused.Kind.OTHER, Wording.of("returns.is_only_for_exchange"));
        }
        if (c.iban() != null && !Ibans.valid(c.iban())) {
            faults.add("iban", ReturnRefused.Kind.IBAN, Wording.of("returns.is_not_an_iban"));
        }
        limit(faults, "labelRef", c.labelRef(), RequestReturn.LABEL_REF, false);
        limit(faults, "note", c.note(), RequestReturn.NOTE, true);
        List<Returns.NewLine> lines = new ArrayList<>();
        if (c.lines() == null || c.lines().isEmpty()) {
            faults.add("lines", ReturnRefused.Kind.NO_LINES, Wording.of("returns.name_a_shipped_line"));
            throw faults.refused();
        }
        if (c.lines().size() > RequestReturn.MAX_LINES) {
            faults.add("lines", ReturnRefused.Kind.OTHER,
                    Wording.of("returns.must_be_at_most", RequestReturn.MAX_LINES));
            throw faults.refused();
        }
        Map<Integer, OrderView.Line> byNo = new HashMap<>();
        order.lines().forEach(l -> byNo.put(l.lineNo(), l));
        Map<Integer, Long> held = returns.heldByLine(order.id());
        Map<Integer, Instant> since = returnWindowStarts(order.id());
        Map<String, Article> articles = catalog.findAll(order.lines().stream().map(OrderView.Line::sku).toList());
        Instant now = clock.instant();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < c.lines().size(); i++) {
            RequestReturn.Line l = c.lines().get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                faults.add(at, ReturnRefused.Kind.OTHER, Wording.of("platform.is_required"));
                continue;
            }
            OrderView.Line line = l.lineNo() == null ? null : byNo.get(l.lineNo());
            if (line == null) {
                if (l.lineNo() == null) {
                    faults.add(at + ".lineNo", ReturnRefused.Kind.OTHER, Wording.of("platform.is_required"));
                } else {
                    faults.add(at + ".lineNo", ReturnRefused.Kind.NO_SUCH_LINE,
                            Wording.of("returns.order_has_no_line", order.number(), l.lineNo()), order.number(),
                            l.lineNo());
                }
                continue;
            }
            if (!seen.add(line.lineNo())) {
                faults.add(at + ".lineNo", ReturnRefused.Kind.LINE_TWICE,
                        Wording.of("returns.line_is_named_twice", line.lineNo()), line.lineNo());
                continue;
            }
            ReturnReason reason = parse(ReturnReason.class, l.reason());
            if (reason == null) {
                faults.add(at + ".reason", ReturnRefused.Kind.REASON, Wording.of("returns.must_be_a_reason"),
                        line.sku());
            } else if (reason == ReturnReason.OTHER && (l.note() == null || l.note().isBlank())) {
                faults.add(at + ".note", ReturnRefused.Kind.NOTE_FOR_OTHER,
                        Wording.of("returns.is_required_for_reason_other"), line.sku());
            }
            limit(faults, at + ".note", l.note(), RequestReturn.LINE_NOTE, true);
            if (l.quantity() == null || l.quantity() < 1) {
                faults.add(at + ".quantity", ReturnRefused.Kind.QUANTITY,
                        Wording.of("returns.must_be_a_whole_number_of"), line.sku());
                continue;
            }
            if ("DIGITAL".equals(line.type())) {
                faults.add(at + ".lineNo", ReturnRefused.Kind.DIGITAL,
                        Wording.of("returns.line_is_digital", line.lineNo(), line.sku()), line.sku());
                continue;
            }
            Article article = articles.get(line.sku());
            if (!policy.returnable(line.sku()) || (article != null && !article.returnable())) {
                faults.add(at + ".lineNo", ReturnRefused.Kind.NOT_RETURNABLE,
                        Wording.of("returns.line_is_not_returnable", line.lineNo(), line.sku()), line.sku());
                continue;
            }
            long before = held.getOrDefault(line.lineNo(), 0L);
            long left = line.shipped() - before;
            if (l.quantity() > left) {
                faults.add(at + ".quantity", ReturnRefused.Kind.TOO_MANY, Wording.of("returns.line_too_many",
                        line.lineNo(), line.sku(), Math.max(0, left), line.shipped(), before), line.sku(),
                        Math.max(0, left));
                continue;
            }
            Instant start = since.get(line.lineNo());
            if (start != null && now.isAfter(start.plus(Duration.ofDays(policy.windowDays())))) {
                java.time.LocalDate arrived = start.atZone(ZoneOffset.UTC).toLocalDate();
                faults.add(at + ".lineNo", ReturnRefused.Kind.OUTSIDE_WINDOW, Wording.of("returns.line_outside_window",
                        line.lineNo(), line.sku(), arrived, policy.windowDays()), line.sku(), arrived.toString(),
                        policy.windowDays());
                continue;
            }
            if (reason != null) {
                lines.add(new Returns.NewLine(line.lineNo(), line.sku(), l.quantity(), reason, blankToNull(l.note())));
            }
        }
        faults.throwIfAny();
        return lines;
    }

    /** A shipped line the customer can still send back: up to {@code left} units. */
    public record Returnable(int lineNo, String sku, String name, long left) {
    }

    /**
     * The lines of an order a return may name now, by the same rules as {@link #request}: physical, returnable
     * articles, shipped and not on their way back already, inside the window. Reads, locks nothing; the request
     * checks again.
     */
    @Transactional(readOnly = true)
    public List<Returnable> returnable(UUID orderId) {
        OrderView order = orders.require(orderId);
        if (order.status() == OrderStatus.CANCELLED) {
            return List.of();
        }
        Map<Integer, Long> held = returns.heldByLine(orderId);
        Map<Integer, Instant> since = returnWindowStarts(orderId);
        Map<String, Article> articles = catalog.findAll(order.lines().stream().map(OrderView.Line::sku).toList());
        Instant now = clock.instant();
        List<Returnable> found = new ArrayList<>();
        for (OrderView.Line line : order.lines()) {
            Article article = articles.get(line.sku());
            long left = line.shipped() - held.getOrDefault(line.lineNo(), 0L);
            Instant start = since.get(line.lineNo());
            if (!"PHYSICAL".equals(line.type()) || left <= 0 || !policy.returnable(line.sku())
                    || (article != null && !article.returnable())
                    || (start != null && now.isAfter(start.plus(Duration.ofDays(policy.windowDays()))))) {
                continue;
            }
            found.add(new Returnable(line.lineNo(), line.sku(), line.name(), left));
        }
        return found;
    }

    /**
     * When the window of each line starts: the last delivery of a shipment that carried it, or its shipping
     * when that shipment's delivery is unknown.
     */
    private Map<Integer, Instant> returnWindowStarts(UUID orderId) {
        Map<Integer, Instant> since = new HashMap<>();
        for (Shipment s : shipping.shipmentsOf(orderId)) {
            Instant start = s.deliveredAt() != null ? s.deliveredAt() : s.shippedAt();
            for (Shipment.Line line : s.lines()) {
                since.merge(line.lineNo(), start, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return since;
    }

    /**
     * Withdraws a return before anything arrived; 409 once goods were received. An exchange's replacement order is
     * cancelled with it.
     */
    @Transactional
    public ReturnView cancel(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", Wording.of("returns.is_required_say_why_the_return"));
        }
        if (reason.length() > TextInput.MAX_REASON) {
            throw new InvalidInputException("reason", Wording.of("platform.must_be_at_most_characters",
                    TextInput.MAX_REASON));
        }
        ReturnView r = require(id);
        if (!returns.cancel(id, reason.trim())) {
            throw illegal(require(id), ReturnStatus.CANCELLED);
        }
        lifecycle.note(r.orderId(), "fulfillment", TimelineReason.of("return-withdrawn",
                "return " + r.number() + " withdrawn: " + reason.trim(), r.number(), reason.trim()));
        if (r.replacement() != null) {
            // Nothing comes back, so nothing pays the replacement: it is cancelled and its stock released
            // (409 when it has shipped already, and then the return stays as it is).
            orders.cancel(r.replacement().orderId(), "return " + r.number() + " withdrawn: " + reason.trim());
        }
        return require(id);
    }

    // --- receiving ------------------------------------------------------------------------------------------

    /**
     * Records what arrived for a return, once: the return becomes RECEIVED by a conditional update, so a second
     * receipt (a retry, a double scan) is refused with 409 and books nothing. Every unit goes through inventory's
     * ledger naming the RMA: resellable back to available stock at the location, damaged and incomplete into
     * its quarantine (or written off). More than announced is taken and kept as a discrepancy. The order's
     * fulfillment status follows (PARTIALLY_RETURNED, RETURNED); publishes {@link ReturnReceived}, after whose
     * commit the refund is computed.
     */
    @Transactional
    public ReturnView receive(UUID id, ReceiveReturn command) {
        ReturnView r = require(id);
        OrderView order = orders.require(r.orderId());
        List<FieldError> errors = new ArrayList<>();
        if (command.location() == null || command.location().isBlank()) {
            errors.add(new FieldError("location", Wording.of("returns.is_required_where_the_goods_arrived")));
        } else if (inventory.locations().stream().noneMatch(l -> l.code().equals(command.location()))) {
            errors.add(new FieldError("location", Wording.of("returns.unknown_location", command.location())));
        }
        Map<Integer, OrderView.Line> byNo = new HashMap<>();
        order.lines().forEach(l -> byNo.put(l.lineNo(), l));
        record Arrived(int lineNo, String sku, long resellable, long quarantined, long writtenOff) {
        }
        Map<Integer, Arrived> arrived = new java.util.TreeMap<>();
        if (command.lines() == null || command.lines().isEmpty()) {
            errors.add(new FieldError("lines", Wording.of("returns.name_what_arrived_at_least_one")));
        } else if (command.lines().size() > RequestReturn.MAX_LINES) {
            errors.add(new FieldError("lines", Wording.of("returns.must_be_at_most", RequestReturn.MAX_LINES)));
        } else {
            for (int i = 0; i < command.lines().size(); i++) {
                ReceiveReturn.Line l = command.lines().get(i);
                String at = "lines[" + i + "]";
                if (l == null) {
                    errors.add(new FieldError(at, Wording.of("platform.is_required")));
                    continue;
                }
                if (l.quantity() != null && (l.quantity() < 1 || l.quantity() > InventoryManagement.MAX_QUANTITY)) {
                    errors.add(new FieldError(at + ".quantity", Wording.of("returns.must_be_a_whole_number_of")));
                }
                OrderView.Line line = l.lineNo() == null ? null : byNo.get(l.lineNo());
                if (line == null || !"PHYSICAL".equals(line.type())) {
                    errors.add(new FieldError(at + ".lineNo", l.lineNo() == null ? Wording.of("platform.is_required")
                            : Wording.of("returns.order_has_no_physical_line", order.number(), l.lineNo())));
                    continue;
                }
                Condition condition = parse(Condition.class, l.condition());
                if (condition == null) {
                    errors.add(new FieldError(at + ".condition",
                            Wording.of("returns.must_be_resellable_damaged_or_incomplete")));
                    continue;
                }
                if (l.quantity() == null || l.quantity() < 1 || l.quantity() > InventoryManagement.MAX_QUANTITY) {
                    if (l.quantity() == null) {
                        errors.add(new FieldError(at + ".quantity", Wording.of("returns.must_be_a_whole_number_of")));
                    }
                    continue;
                }
                boolean writeOff = Boolean.TRUE.equals(l.writeOff());
                if (writeOff && condition == Condition.RESELLABLE) {
                    errors.add(new FieldError(at + ".writeOff",
                            Wording.of("returns.resellable_units_go_back_to_stock")));
                    continue;
                }
                long q = l.quantity();
                Arrived before = arrived.getOrDefault(line.lineNo(), new Arrived(line.lineNo(), line.sku(), 0, 0, 0));
                arrived.put(line.lineNo(), new Arrived(line.lineNo(), line.sku(),
                        before.resellable() + (condition == Condition.RESELLABLE ? q : 0),
                        before.quarantined() + (condition != Condition.RESELLABLE && !writeOff ? q : 0),
                        before.writtenOff() + (writeOff ? q : 0)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = Actor.current();
        if (!returns.markReceived(id, command.location(), actor)) {
            throw new ConflictException("already-received", "Already received",
                    Wording.of("returns.return_is_its_goods_were_taken", r.number(),
                            require(id).status().wording()),
                    Map.of("returnStatus", require(id).status()));
        }
        List<ReturnedStock> stock = new ArrayList<>();
        for (Arrived a : arrived.values()) {
            returns.addReceived(id, a.lineNo(), a.sku(), a.resellable(), a.quarantined(), a.writtenOff());
            String why = "returned (" + r.number() + ")";
            if (a.resellable() > 0) {
                stock.add(new ReturnedStock(a.sku(), command.location(), a.resellable(),
                        ReturnedStock.Disposition.RESTOCK, why + ": resellable"));
            }
            if (a.quarantined() > 0) {
                stock.add(new ReturnedStock(a.sku(), command.location(), a.quarantined(),
                        ReturnedStock.Disposition.QUARANTINE, why + ": damaged or incomplete, quarantined"));
            }
            if (a.writtenOff() > 0) {
                stock.add(new ReturnedStock(a.sku(), command.location(), a.writtenOff(),
                        ReturnedStock.Disposition.WRITE_OFF, why + ": damaged or incomplete"));
            }
        }
        inventory.takeBack(r.number(), stock);
        ReturnView received = require(id);
        String discrepancies = received.lines().stream().filter(l -> l.discrepancy() > 0 || l.received() < l.quantity())
                .map(l -> "line " + l.lineNo() + ": announced " + l.quantity() + ", received " + l.received())
                .toList().toString();
        lifecycle.markReturned(r.orderId(), returns.receivedUnits(r.orderId()), "return " + r.number()
                + " received at " + command.location() + (discrepancies.equals("[]") ? "" : " " + discrepancies));
        events.publishEvent(new ReturnReceived(id, r.orderId(), r.number()));
        return received;
    }

    // --- refund ---------------------------------------------------------------------------------------------

    /** Refunds a return when its goods are in: after the receipt commits, retried until it succeeds. */
    @ApplicationModuleListener
    void on(ReturnReceived received) {
        refund(received.returnId());
    }

    /**
     * Refunds a received return exactly once. Locks the return row, so concurrent attempts wait and then find it
     * refunded; a return already refunded is answered as it is. The amount follows the policy
     * ({@link RefundComputation}); above the approval amount the return waits for an agent
     * ({@link #approve}). The money goes back through payment (provider or a person, one idempotency key per
     * return), billing issues the credit note, the order's timeline names it; publishes {@link ReturnRefunded}.
     * 409 for a return whose goods have not arrived.
     */
    @Transactional
    public ReturnView refund(UUID id) {
        ReturnView r = returns.lock(id).orElseThrow(() -> new NotFoundException("Return", id));
        if (r.status() == ReturnStatus.REFUNDED
                || (r.status() == ReturnStatus.AWAITING_APPROVAL && r.approvedBy() == null)) {
            return r;
        }
        if (r.status() != ReturnStatus.RECEIVED && r.status() != ReturnStatus.AWAITING_APPROVAL) {
            throw illegal(r, ReturnStatus.REFUNDED);
        }
        OrderView order = orders.require(r.orderId());
        ReturnView.Refund refund = compute(r, order);
        // An exchange: the returned goods' worth pays the replacement first; only what is left goes back as money.
        Money credit = exchanges.credit(r.replacement() == null ? null : r.replacement().orderId(), refund.total());
        if (credit.amount().signum() > 0) {
            List<ReturnView.Deduction> deductions = new ArrayList<>(refund.deductions());
            deductions.add(new ReturnView.Deduction("paid to replacement order " + r.replacement().orderNumber(),
                    credit));
            refund = new ReturnView.Refund(refund.total().minus(credit), refund.lines(), deductions, refund.how());
        }
        BigDecimal approvalAbove = policy.approvalAbove().get(order.currency());
        if (r.approvedBy() == null && approvalAbove != null && refund.total().amount().compareTo(approvalAbove) > 0) {
            returns.awaitApproval(id);
            String limit = approvalAbove.toPlainString() + " " + order.currency();
            lifecycle.note(r.orderId(), "payment", TimelineReason.of("return-refund-awaits-approval",
                    "refund of " + refund.total() + " for " + r.number() + " waits for an agent's approval (above "
                            + limit + ")", refund.total(), r.number(), limit));
            return require(id);
        }
        UUID payment = null;
        String how = "nothing to pay back";
        if (credit.amount().signum() > 0) {
            payments.creditExchange(r.orderId(), r.replacement().orderId(), r.number(), credit);
            how = credit + " paid to replacement order " + r.replacement().orderNumber();
            how += chargeDifference(r);
        }
        if (refund.total().amount().signum() > 0) {
            PaymentManagement.ReturnRefund paid = payments.refundReturn(r.orderId(), id, r.number(), refund.total(),
                    returns.iban(id));
            payment = paid.paymentId();
            how = credit.amount().signum() > 0 ? how + "; the difference: " + paid.note() : paid.note();
        }
        Money credited = refund.total().plus(credit);
        if (credited.amount().signum() > 0) {
            billing.credit(r.orderId(), "RETURN:" + r.number(), CreditNote.Reason.REFUND, credited);
        }
        ReturnView.Refund done = new ReturnView.Refund(refund.total(), refund.lines(), refund.deductions(), how);
        if (!returns.markRefunded(id, done, payment)) {
            throw new IllegalStateException("Return " + r.number() + " changed under its lock");
        }
        lifecycle.note(r.orderId(), "payment", TimelineReason.of("return-refunded",
                "refund of " + refund.total() + " for return " + r.number() + ": " + how, refund.total(), r.number(),
                how));
        events.publishEvent(new ReturnRefunded(id, r.orderId(), r.number(), refund.total()));
        return require(id);
    }

    /**
     * A dearer replacement's difference, once its returned goods paid the rest: charged to the card the returned
     * order was paid with (the provider's webhook then books it and the replacement ships), else the customer is
     * mailed to pay it by bank transfer ({@link ExchangeDifferenceDue}). Nothing when the goods paid it all.
     */
    private String chargeDifference(ReturnView r) {
        UUID replacement = r.replacement().orderId();
        Money owed = exchanges.owed(replacement);
        if (owed.amount().signum() <= 0) {
            return "";
        }
        ExchangeCharge charge = payments.chargeExchange(r.orderId(), replacement, r.id(), r.number(), owed);
        lifecycle.note(replacement, "payment", charge.note());
        if (!charge.sent()) {
            events.publishEvent(new ExchangeDifferenceDue(r.id(), r.number(), replacement, owed,
                    charge.outcome() == ExchangeCharge.Outcome.REFUSED));
        }
        return "; the difference of " + owed + (charge.sent() ? " charged to the card" : " asked for by mail");
    }

    /** An agent approves a refund that waits for approval; it is then paid as {@link #refund} does. */
    @Transactional
    public ReturnView approve(UUID id) {
        ReturnView r = returns.lock(id).orElseThrow(() -> new NotFoundException("Return", id));
        if (r.status() != ReturnStatus.AWAITING_APPROVAL) {
            throw new IllegalTransition("Nothing to approve", Wording.of("returns.return_is_only_refunds_that_wait",
                    r.number(), r.status().wording()), Map.of("returnStatus", r.status()));
        }
        returns.approve(id, Actor.current());
        return refund(id);
    }

    private ReturnView.Refund compute(ReturnView r, OrderView order) {
        String currency = order.currency();
        Map<Integer, Long> before = returns.refundedByLine(order.id(), r.id());
        Map<Integer, ReturnView.Line> returned = new HashMap<>();
        r.lines().forEach(l -> returned.put(l.lineNo(), l));
        List<RefundComputation.Line> lines = new ArrayList<>();
        for (OrderView.Line line : order.lines()) {
            ReturnView.Line back = returned.get(line.lineNo());
            if (back != null) {
                long units = Math.min(back.received(), back.quantity());
                long earlier = before.getOrDefault(line.lineNo(), 0L);
                lines.add(new RefundComputation.Line(line.lineNo(), line.quantity(), line.gross(), earlier,
                        Math.max(0, Math.min(units, line.quantity() - earlier))));
            }
        }
        List<ReturnView.Deduction> deductions = new ArrayList<>();
        boolean customersReason = r.lines().stream().filter(l -> l.reason() != null)
                .noneMatch(l -> l.reason().sellersFault());
        BigDecimal shipping = policy.shippingDeduction().get(currency);
        if (policy.customerPaysShipping() && customersReason && shipping != null && shipping.signum() > 0) {
            deductions.add(new ReturnView.Deduction("return shipping, paid by the customer",
                    Money.rounded(shipping, currency)));
        }
        // What is left to pay back: received less what was refunded, or less what earlier returns asked for when
        // some of their refunds are requested and not booked yet (a person still has to pay them).
        PaymentSummary paid = payments.summary(order.id());
        BigDecimal earlier = returns.refundedOf(order.id(), r.id());
        Money left = paid.received().minus(new Money(paid.refunded().amount().max(earlier), currency));
        return RefundComputation.compute(currency, lines, deductions, left, null);
    }

    // --- reading --------------------------------------------------------------------------------------------

    public ReturnView require(UUID id) {
        return returns.find(id).orElseThrow(() -> new NotFoundException("Return", id));
    }

    /** The id of a return named by its id or its RMA number. */
    public UUID idOf(String idOrNumber) {
        try {
            return UUID.fromString(idOrNumber);
        } catch (IllegalArgumentException notAnId) {
            return returns.idOfNumber(idOrNumber).orElseThrow(() -> new NotFoundException("Return", idOrNumber));
        }
    }

    /** The orders with an open return (still expecting goods or money), for the order queue's filter. */
    @Transactional(readOnly = true)
    public List<UUID> ordersWithOpenReturns() {
        return returns.ordersWithOpenReturns();
    }

    public List<ReturnView> ofOrder(UUID orderId) {
        return returns.ofOrder(orderId);
    }

    /** Returns, newest first, keyset-paged; {@code status} null: all. */
    public Slice<ReturnView> list(ReturnStatus status, String after, int limit) {
        Cursor cursor = after == null ? null : Cursor.decode(after, "after");
        return Slice.of(returns.list(status, cursor, limit + 1), limit,
                last -> new Cursor(last.createdAt(), last.id()).encode());
    }

    /**
     * Return lines that received more than announced plus their recorded discrepancy, or whose units are not all
     * accounted for (resellable + quarantined + written off); empty when all is well. Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<String> receivedBeyondAnnounced() {
        return returns.overReceived();
    }

    /** Orders whose return refunds add up to more than was received for them (invariant 9); empty when sound. */
    @Transactional(readOnly = true)
    public List<String> refundsBeyondReceived() {
        List<String> found = new ArrayList<>();
        returns.refundedPerOrder().forEach((orderId, refunded) -> {
            PaymentSummary paid = payments.summary(orderId);
            if (refunded.compareTo(paid.received().amount()) > 0) {
                found.add("order " + paid.number() + ": returns refunded " + refunded + " but only "
                        + paid.received() + " was received");
            }
        });
        return found;
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static IllegalTransition illegal(ReturnView r, ReturnStatus next) {
        return IllegalTransition.between(org.ordo.platform.Wording.of("platform.subject.return", r.number()),
                r.status(), next, "returnStatus");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A text of the customer's: at most {@code max} characters, and no control characters (platform TextInput). */
    private static void limit(ReturnRefused.Faults faults, String field, String value, int max, boolean multiLine) {
        if (value != null && value.length() > max) {
            faults.add(field, ReturnRefused.Kind.TEXT, Wording.of("platform.must_be_at_most_characters", max), max);
        } else if (value != null && TextInput.fault(value, multiLine) != null) {
            faults.add(field, ReturnRefused.Kind.TEXT, TextInput.fault(value, multiLine), max);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
