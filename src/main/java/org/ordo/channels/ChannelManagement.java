package org.ordo.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.ordo.catalog.Catalog;
import org.ordo.channels.internal.ChannelSettings;
import org.ordo.channels.internal.Channels;
import org.ordo.channels.internal.Fulfilments;
import org.ordo.channels.internal.ShopOrder;
import org.ordo.channels.internal.ShopOrders;
import org.ordo.channels.internal.ShopPlatformClient;
import org.ordo.channels.internal.ShopPlatformClients;
import org.ordo.channels.internal.ShopWebhooks;
import org.ordo.intake.Intake;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.ordering.TimelineReason;
import org.ordo.party.CustomerDraft;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.IdempotentAnswer;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.RetryBackOff;
import org.ordo.platform.Wording;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.SecurityEventKind;
import org.ordo.shipping.ShipmentShipped;
import org.ordo.shipping.ShippingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Shops on Shopify, WooCommerce and Shopware 6: registered, their order webhooks taken, their shipments reported. */
@Service
public class ChannelManagement {

    private static final Logger log = LoggerFactory.getLogger(ChannelManagement.class);
    /** A node that claimed a report and died: another takes it over after this long. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** A shop or partner that is down is asked again after 1, 2, 4 … minutes, at most hourly. */
    private static final RetryBackOff BACK_OFF = new RetryBackOff(Duration.ofMinutes(1), Duration.ofHours(1));
    private static final int REPORTS_PER_ROUND = 20;

    private final Channels channels;
    private final ShopOrders shopOrders;
    private final Fulfilments fulfilments;
    private final ShopPlatformClients clients;
    private final Intake intake;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final Catalog catalog;
    private final SecurityAuditLog securityLog;
    private final Json json;
    private final Clock clock;
    private final ChannelSettings settings;
    private final TransactionTemplate savepoint;
    private final ShopOrderUpdates updates;
    private final ShippingManagement shipping;

    ChannelManagement(Channels channels, ShopOrders shopOrders, Fulfilments fulfilments, ShopPlatformClients clients,
            Intake intake, OrderManagement orders, OrderLifecycle lifecycle, Catalog catalog,
            SecurityAuditLog securityLog, Json json, Clock clock, ChannelSettings settings,
            PlatformTransactionManager transactions, ShopOrderUpdates updates, ShippingManagement shipping) {
        this.updates = updates;
        this.shipping = shipping;
        this.channels = channels;
        this.shopOrders = shopOrders;
        this.fulfilments = fulfilments;
        this.clients = clients;
        this.intake = intake;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.securityLog = securityLog;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    // --- shops -------------------------------------------------------------------------------------------------

    /** Registers a shop with its secrets sealed; refuses invalid fields (422) and a taken code (409). */
    @Transactional
    public ShopChannel register(ChannelDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", Wording.of("platform.is_required"));
        }
        draft.check();
        if (!channels.insert(draft, clock.instant(), Actor.current())) {
            throw new ConflictException("duplicate-channel", "Duplicate channel",
                    Wording.of("channels.a_channel_with_code_exists", draft.code()), Map.of("field", "code"));
        }
        securityLog.record(SecurityEventKind.SETTING_CHANGED, "channel:" + draft.code(),
                draft.type().displayName() + " shop registered with its webhook secret" + (draft.apiToken() == null
                        || draft.apiToken().isBlank() ? "" : " and API token"));
        return channel(draft.code());
    }

    /** Disables a shop: its webhooks are refused from now on (404) and its shipments no longer reported. */
    @Transactional
    public ShopChannel disable(String code) {
        channel(code);
        channels.disable(code, clock.instant());
        securityLog.record(SecurityEventKind.SETTING_CHANGED, "channel:" + code, "shop disabled");
        return channel(code);
    }

    public ShopChannel channel(String code) {
        return channels.find(code).orElseThrow(() -> new NotFoundException("Channel", code));
    }

    public List<ShopChannel> channels() {
        return channels.list();
    }

    /** The shop's shipment reports, newest first. */
    public List<FulfilmentReport> fulfilments(String code, int limit) {
        channel(code);
        return fulfilments.ofChannel(code, limit);
    }

    // --- webhooks in -------------------------------------------------------------------------------------------

    /** The answer to a webhook, as JSON, and whether it is the answer kept from the first delivery. */
    public record Answer(int status, String body, boolean replayed) implements IdempotentAnswer {
    }

    /**
     * Takes a shop's order webhook. The signature over the raw body is checked first: a forged one, or a signed one
     * whose order was created outside the replay window, is refused (400) with a security event and nothing stored.
     * Other topics are acknowledged and ignored; a change, cancellation or payment of an order placed before is
     * applied by {@link ShopOrderUpdates}. Then, in one transaction through {@link Intake#takeDocument}
     * (idempotent on the delivery id): the body is stored as the original; the order is placed through
     * {@link OrderManagement} at the shop's unit prices (PAID when the shop took the money, AUTHORIZED when it
     * holds an authorization, else PENDING) and linked to the shop's order id; what cannot be placed with certainty
     * (unknown SKUs, missing address or e-mail, short stock, ...) goes to the review queue with the reason. The same
     * delivery again gets the first answer; the same shop order under a new delivery id makes nothing
     * (DUPLICATE); the same delivery id with another body is refused (409) with a security event.
     */
    public Answer receive(String code, UnaryOperator<String> header, String contentType, byte[] body) {
        Channels.Registered shop = channels.registered(code).filter(r -> r.channel().active())
                .orElseThrow(() -> new NotFoundException("Active channel", code));
        Platform platform = shop.channel().type();
        ShopWebhooks.Read read = ShopWebhooks.read(platform, header, body, shop.secret(), clock.instant(),
                settings.replayWindow());
        if (read.ignored() != null) {
            return new Answer(200, json.write(new ReceivedWebhook(ReceivedWebhook.Outcome.IGNORED, null, null, null,
                    read.ignored(), null)), false);
        }
        ShopWebhooks.Incoming incoming = read.incoming();
        String actor = "webhook:" + code;
        try {
            Intake.Answer answer = intake.takeDocument("channel:" + code, incoming.deliveryId(),
                    incoming.deliveryField(), platform.channel(), contentType == null ? "application/json"
                            : contentType, body, actor, documentId -> incoming.update() != null
                                    ? updates.apply(shop, incoming, documentId, actor)
                                    : process(shop, incoming.order(), documentId, actor));
            return new Answer(answer.status(), answer.body(), answer.replayed());
        } catch (ConflictException e) {
            if ("key-reused".equals(e.type())) {
                securityLog.recordRefusal(SecurityEventKind.WEBHOOK_REJECTED, "webhook:channel " + code,
                        "delivery " + incoming.deliveryId() + " came again with other content: replayed or altered?");
            }
            throw e;
        }
    }

    private Intake.Processed process(Channels.Registered shop, ShopOrder order, UUID documentId, String actor) {
        String code = shop.channel().code();
        Platform platform = shop.channel().type();
        Optional<UUID> placedBefore = shopOrders.orderOf(code, order.platformOrderId());
        if (placedBefore.isPresent()) {
            OrderView before = orders.require(placedBefore.get());
            return answer(new ReceivedWebhook(ReceivedWebhook.Outcome.DUPLICATE, before.id(), before.number(),
                    order.platformOrderId(), "this shop order was placed before", documentId), null);
        }
        List<String> problems = new ArrayList<>(order.problems());
        if (order.email() == null) {
            problems.add("no customer e-mail");
        }
        if (order.shipping() == null) {
            problems.add("no shipping address");
        }
        if (order.currency() == null || !Money.isKnownCurrency(order.currency())) {
            problems.add("no known currency: " + ShopOrderText.of(order.currency()));
        }
        Set<String> skus = order.lines().stream().map(ShopOrder.Line::sku).filter(s -> s != null)
                .collect(Collectors.toCollection(HashSet::new));
        Set<String> known = catalog.findAll(skus).keySet();
        Map<String, Long> quantities = new LinkedHashMap<>();
        Map<String, Money> prices = new LinkedHashMap<>();
        for (ShopOrder.Line line : order.lines()) {
            if (line.sku() == null || line.quantity() < 1) {
                continue; // named in the order's problems already
            }
            if (!known.contains(line.sku())) {
                problems.add("unknown SKU " + ShopOrderText.of(line.sku()));
                continue;
            }
            quantities.merge(line.sku(), line.quantity(), Long::sum);
            if (line.unitPrice() != null && problems.isEmpty()) {
                try {
                    Money price = new Money(line.unitPrice(), order.currency());
                    Money other = prices.putIfAbsent(line.sku(), price);
                    if (other != null && !other.equals(price)) {
                        problems.add("SKU " + line.sku() + " on several lines at different prices");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("SKU " + line.sku() + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            return review(order, problems, documentId);
        }
        boolean paid = order.payment() == ShopOrder.Payment.PAID;
        String number = order.number().length() > 59 ? order.number().substring(0, 59) : order.number();
        PlaceOrder command = new PlaceOrder(platform.channel(), code + "/" + number, null,
                CustomerDraft.contact(order.email(), order.customerName(), order.locale()), order.shipping(),
                order.billing(), order.currency(), paid ? "marketplace" : order.paymentMethod(), null,
                platform.displayName() + " order " + number + " of shop " + code,
                quantities.entrySet().stream().map(e -> new PlaceOrder.Line(e.getKey(), e.getValue())).toList());
        try {
            // A savepoint: a refused placement rolls back its own work only; the stored original goes to review
            OrderView placed = savepoint.execute(tx -> {
                OrderView view = paid
                        ? Actor.asShop(actor, platform.channel(), platform.channel() + ":" + code,
                                () -> orders.placeAtAgreedPrices(command, new PlaceOrder.Source(documentId, actor),
                                        prices))
                        : orders.placeAtAgreedPrices(command, new PlaceOrder.Source(documentId, actor), prices);
                shopOrders.link(new ShopOrders.Link(view.id(), code, order.platformOrderId(), order.deliveryId(),
                        order.lines().stream().filter(l -> l.platformLineId() != null)
                                .map(l -> new ShopOrders.LineItem(l.sku(), l.platformLineId())).toList()));
                if (order.payment() == ShopOrder.Payment.AUTHORIZED) {
                    String maker = platform.displayName();
                    lifecycle.markAuthorized(view.id(), TimelineReason.of("authorized-at-shop-order",
                            "authorized at " + maker + " (order " + number + ")", maker, number));
                    view = orders.require(view.id());
                }
                return view;
            });
            return answer(new ReceivedWebhook(ReceivedWebhook.Outcome.PLACED, placed.id(), placed.number(),
                    order.platformOrderId(), null, documentId), null);
        } catch (InvalidInputException e) {
            return review(order, List.of("refused: " + e.errors().stream().map(f -> f.field() + " " + f.message())
                    .collect(Collectors.joining(", "))), documentId);
        } catch (ConflictException | NotFoundException e) {
            return review(order, List.of("refused: " + e.getMessage()), documentId);
        }
    }

    private Intake.Processed review(ShopOrder order, List<String> problems, UUID documentId) {
        String reason = ShopOrderText.abbreviate(String.join("; ", problems), 1000);
        return answer(new ReceivedWebhook(ReceivedWebhook.Outcome.REVIEW, null, null, order.platformOrderId(), reason,
                documentId), reason);
    }

    private Intake.Processed answer(ReceivedWebhook received, String reviewReason) {
        return new Intake.Processed(200, json.write(received), reviewReason);
    }

    // --- shipments out -----------------------------------------------------------------------------------------

    /**
     * A shipment of a shop's order left the warehouse: a report to the shop is queued, once per shipment (the
     * registry hands the event again until this has committed). Shops without API access get none.
     */
    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        shopOrders.find(shipped.orderId()).ifPresent(link -> {
            if (channels.find(link.channelCode()).map(ShopChannel::reportsShipments).orElse(false)) {
                fulfilments.enqueue(shipped.shipmentId(), shipped.orderId(), shipped.carrier(),
                        shipped.trackingNumber(), shipped.trackingUrl(), clock.instant());
            }
        });
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${ordo.channels.report-every:PT15S}")
    void reportDueShipments() {
        try {
            reportShipments();
        } catch (RuntimeException e) {
            log.warn("Reporting shipments to the shops failed: {}", e.getMessage());
        }
    }

    /**
     * Sends the shipment reports that are due, each claimed by this node alone; a failed call is tried again after
     * 1, 2, 4, ... minutes (at most an hour apart) until {@code ordo.channels.max-attempts}, then it is FAILED and
     * shown with the last error. Answers how many the shops accepted.
     */
    public int reportShipments() {
        Instant now = clock.instant();
        int sent = 0;
        for (Fulfilments.Due due : fulfilments.claim(now, now.plus(LEASE), REPORTS_PER_ROUND)) {
            try {
                ShopOrders.Link link = shopOrders.find(due.orderId()).orElseThrow();
                Channels.Registered shop = channels.registered(link.channelCode()).orElseThrow();
                if (!shop.channel().active() || !shop.channel().reportsShipments()) {
                    fulfilments.failed(due, "the shop is disabled or has no API access", null);
                    continue;
                }
                Map<String, Long> quantities = new LinkedHashMap<>();
                shipping.requireShipment(due.shipmentId()).lines()
                        .forEach(l -> quantities.merge(l.sku(), l.quantity(), Long::sum));
                clients.of(shop.channel().type()).reportShipped(new ShopPlatformClient.Target(shop.channel().apiUrl(),
                        shop.apiToken(), link.platformOrderId(), link.deliveryId(), link.lineItems()),
                        new ShopPlatformClient.Shipped(due.carrier(), due.trackingNumber(), due.trackingUrl(),
                                quantities));
                if (fulfilments.sent(due, clock.instant())) {
                    sent++;
                } else {
                    log.warn("Shipment report {} was sent after its claim ran out", due.id());
                }
            } catch (RuntimeException e) {
                Instant retry = due.attempts() >= settings.maxAttempts() ? null
                        : clock.instant().plus(backOff(due.attempts()));
                fulfilments.failed(due, String.valueOf(e.getMessage()), retry);
                log.info("Reporting shipment {} to its shop failed (attempt {}): {}", due.id(), due.attempts(),
                        e.getMessage());
            }
        }
        return sent;
    }

    private static Duration backOff(int attempts) {
        return BACK_OFF.after(attempts);
    }

    /** Text of the shop's, shortened for reasons and answers. */
    private static final class ShopOrderText {
        static String of(String text) {
            return text == null ? "(none)" : abbreviate(text, 60);
        }

        static String abbreviate(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max - 1) + "…";
        }
    }
}
