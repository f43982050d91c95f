package org.ordo.channels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ordo.channels.internal.Channels;
import org.ordo.channels.internal.ShopOrder;
import org.ordo.channels.internal.ShopOrders;
import org.ordo.channels.internal.ShopWebhooks;
import org.ordo.intake.Intake;
import org.ordo.intake.ReviewEntry;
import org.ordo.ordering.ChangeOrder;
import org.ordo.ordering.OrderChanges;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.ordering.TimelineReason;
import org.ordo.payment.ShopPayments;
import org.ordo.platform.Actor;
import org.ordo.platform.Address;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.PreconditionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a shop reports about an order it sent before (docs/channels.md, "Changes, cancellations and payments"):
 * a cancellation goes through the one cancel path ({@link OrderManagement#cancel}), a payment or a refund made at
 * the shop through payment's booking ({@link ShopPayments}, each once), changed lines or a changed address through the change path
 * ({@link OrderChanges#change}, as the next version). What cannot be applied (the order has shipped, is being
 * picked, an unknown SKU, an order that is not here) waits in the review queue with the reason; nothing is lost,
 * since the webhook is stored as the original first.
 */
@Service
class ShopOrderUpdates {

    private final ShopOrders shopOrders;
    private final OrderManagement orders;
    private final OrderChanges changes;
    private final OrderLifecycle lifecycle;
    private final ShopPayments payments;
    private final Json json;
    private final TransactionTemplate savepoint;

    ShopOrderUpdates(ShopOrders shopOrders, OrderManagement orders, OrderChanges changes, OrderLifecycle lifecycle,
            ShopPayments payments, Json json, PlatformTransactionManager transactions) {
        this.shopOrders = shopOrders;
        this.orders = orders;
        this.changes = changes;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.json = json;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Applies the update in the transaction that stored its webhook; each step in a savepoint of its own. */
    Intake.Processed apply(Channels.Registered shop, ShopWebhooks.Incoming incoming, UUID documentId, String actor) {
        String code = shop.channel().code();
        Platform platform = shop.channel().type();
        ShopOrder order = incoming.order();
        ShopWebhooks.Update update = incoming.update();
        String what = platform.displayName() + " order " + order.number() + " (" + update.event() + ")";
        Optional<UUID> placed = shopOrders.orderOf(code, order.platformOrderId());
        if (placed.isEmpty()) {
            return review(null, order, update.cancelled() ? "cancelled at the shop" : !update.refunds().isEmpty()
                    ? "refunded at the shop" : "changed at the shop", what
                    + " is not an order here (it may wait in review as the shop sent it): apply this by hand, then "
                    + "resolve", documentId);
        }
        UUID orderId = placed.get();
        return Actor.as(actor, () -> {
            OrderView before = orders.require(orderId);
            if (update.cancelled()) {
                return cancel(before, update, what, order, documentId);
            }
            List<String> done = new ArrayList<>();
            String problem = null;
            if (update.linesGiven()) {
                try {
                    ChangeOrder change = change(before, order, what);
                    if (change != null) {
                        attempt(() -> changes.change(orderId, before.version(), change, documentId));
                        done.add("changed to version " + (before.version() + 1));
                    }
                } catch (Refused e) {
                    problem = "its change cannot be applied: " + e.getMessage();
                }
            }
            try {
                if (order.payment() == ShopOrder.Payment.PAID && attempt(() -> payments.bookPaidAtShop(orderId,
                        platform.channel() + ":" + code, order.platformOrderId()))) {
                    done.add("payment booked");
                } else if (order.payment() == ShopOrder.Payment.AUTHORIZED
                        && orders.require(orderId).paymentStatus() == PaymentStatus.PENDING) {
                    attempt(() -> {
                        lifecycle.markAuthorized(orderId,
                                TimelineReason.of("authorized-at-shop", "authorized at " + what, what));
                        return null;
                    });
                    done.add("payment authorized");
                }
            } catch (Refused e) {
                problem = (problem == null ? "" : problem + "; ") + "its payment cannot be booked: " + e.getMessage();
            }
            for (ShopWebhooks.Refund refund : update.refunds()) {
                try {
                    if (attempt(() -> payments.bookRefundedAtShop(orderId, platform.channel() + ":" + code,
                            refund.id(), new Money(refund.amount(), refund.currency() != null ? refund.currency()
                                    : before.currency())))) {
                        done.add("refund " + refund.amount().toPlainString() + " booked");
                    }
                } catch (Refused | IllegalArgumentException e) {
                    problem = (problem == null ? "" : problem + "; ") + "its refund " + refund.id()
                            + " cannot be booked: " + e.getMessage();
                }
            }
            if (update.refundProblem() != null) {
                problem = (problem == null ? "" : problem + "; ") + update.refundProblem()
                        + ": book the refund by hand (POST /api/v1/payments/refunds), then resolve";
            }
            if (problem != null) {
                return review(before, order, done.isEmpty() ? "nothing applied" : String.join(", ", done),
                        what + ": " + problem, documentId);
            }
            ReceivedWebhook.Outcome outcome = done.isEmpty() ? ReceivedWebhook.Outcome.UNCHANGED
                    : done.get(0).startsWith("changed") ? ReceivedWebhook.Outcome.CHANGED
                    : done.get(0).startsWith("refund") ? ReceivedWebhook.Outcome.REFUNDED
                    : ReceivedWebhook.Outcome.PAID;
            return answer(new ReceivedWebhook(outcome, orderId, before.number(), order.platformOrderId(),
                    done.isEmpty() ? "nothing to change" : String.join(", ", done), documentId), null);
        });
    }

    private Intake.Processed cancel(OrderView before, ShopWebhooks.Update update, String what, ShopOrder order,
            UUID documentId) {
        if (before.status() == OrderStatus.CANCELLED) {
            return answer(new ReceivedWebhook(ReceivedWebhook.Outcome.UNCHANGED, before.id(), before.number(),
                    order.platformOrderId(), "cancelled before", documentId), null);
        }
        String reason = "cancelled at " + what + (update.cancelReason() == null ? "" : ": " + update.cancelReason());
        try {
            attempt(() -> orders.cancel(before.id(), reason));
        } catch (Refused e) {
            return review(before, order, "not cancelled", what + " was cancelled at the shop but cannot be here: "
                    + e.getMessage(), documentId);
        }
        return answer(new ReceivedWebhook(ReceivedWebhook.Outcome.CANCELLED, before.id(), before.number(),
                order.platformOrderId(), reason, documentId), null);
    }

    /**
     * The change that makes the order what the shop says it is now, or null when it is already: lines by SKU
     * (another quantity, removed, added) and the shipping address. Prices are not part of a change: added lines
     * take today's catalog price (see {@link ChangeOrder}).
     */
    private static ChangeOrder change(OrderView before, ShopOrder order, String what) {
        if (!order.problems().isEmpty()) {
            throw new Refused(String.join("; ", order.problems()));
        }
        Map<String, Long> wanted = new LinkedHashMap<>();
        for (ShopOrder.Line line : order.lines()) {
            wanted.merge(line.sku(), line.quantity(), Long::sum);
        }
        Map<String, OrderView.Line> current = new LinkedHashMap<>();
        for (OrderView.Line line : before.lines()) {
            if (line.quantity() > 0 && current.put(line.sku(), line) != null) {
                throw new Refused("SKU " + line.sku() + " is on several lines of order " + before.number());
            }
        }
        List<ChangeOrder.Line> lines = new ArrayList<>();
        current.forEach((sku, line) -> {
            Long quantity = wanted.get(sku);
            if (quantity == null || quantity != line.quantity()) {
                lines.add(new ChangeOrder.Line(line.lineNo(), null, quantity == null ? 0L : quantity));
            }
        });
        wanted.forEach((sku, quantity) -> {
            if (!current.containsKey(sku)) {
                lines.add(new ChangeOrder.Line(null, sku, quantity));
            }
        });
        Address shipping = order.shipping() != null && !same(order.shipping(), before.shippingAddress())
                ? order.shipping() : null;
        if (lines.isEmpty() && shipping == null) {
            return null;
        }
        String reason = "changed at " + what;
        return new ChangeOrder(reason.length() > 200 ? reason.substring(0, 200) : reason,
                lines.isEmpty() ? null : lines, shipping, null, null);
    }

    /** The same address, read as a person would: blanks as absent, case and surrounding spaces ignored. */
    static boolean same(Address a, Address b) {
        if (a == null || b == null) {
            return a == b;
        }
        return same(a.name(), b.name()) && same(a.company(), b.company()) && same(a.street(), b.street())
                && same(a.street2(), b.street2()) && same(a.postalCode(), b.postalCode()) && same(a.city(), b.city())
                && same(a.country(), b.country());
    }

    private static boolean same(String a, String b) {
        return Objects.equals(normal(a), normal(b));
    }

    private static String normal(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /** Runs a step in a savepoint: refused, it rolls back its own work only and says why. */
    private <T> T attempt(java.util.function.Supplier<T> step) {
        try {
            return savepoint.execute(tx -> step.get());
        } catch (InvalidInputException e) {
            throw new Refused(e.errors().stream().map(f -> f.field() + " " + f.message())
                    .collect(Collectors.joining(", ")));
        } catch (ConflictException | NotFoundException | PreconditionException e) {
            throw new Refused(e.getMessage());
        }
    }

    private Intake.Processed review(OrderView order, ShopOrder shopOrder, String done, String reason,
            UUID documentId) {
        String text = reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
        return answer(new ReceivedWebhook(ReceivedWebhook.Outcome.REVIEW, order == null ? null : order.id(),
                order == null ? null : order.number(), shopOrder.platformOrderId(), text + " (" + done + ")",
                documentId), text);
    }

    /** The answer kept with the delivery; an update waiting in review is of its own kind, never a new order. */
    private Intake.Processed answer(ReceivedWebhook received, String reviewReason) {
        return new Intake.Processed(200, json.write(received), reviewReason,
                reviewReason == null ? null : ReviewEntry.Kind.SHOP_UPDATE);
    }

    /** A step the order refused, with the reason a person reads in the review queue. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
