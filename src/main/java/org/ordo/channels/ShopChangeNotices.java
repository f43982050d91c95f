package org.ordo.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.channels.internal.ChangeNotices;
import org.ordo.channels.internal.ChannelSettings;
import org.ordo.channels.internal.Channels;
import org.ordo.channels.internal.ShopOrderEditor;
import org.ordo.channels.internal.ShopOrderEditors;
import org.ordo.channels.internal.ShopOrders;
import org.ordo.channels.internal.ShopPlatformClient;
import org.ordo.ordering.OrderChange;
import org.ordo.ordering.OrderChanged;
import org.ordo.ordering.OrderChanges;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Shops told of an order changed in Ordo (docs/order-changes.md, "Shops are told"): each change of an order that
 * came from a shop with API access becomes a notice in an outbox, written in the change's transaction, once, and a dispatcher makes the
 * shop's order what Ordo's is now through the platform's order edit or update API, retried with back-off until
 * {@code ordo.channels.max-attempts}. Changes the shop itself reported (its webhook) are not echoed back.
 */
@Component
class ShopChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(ShopChangeNotices.class);
    /** A shop that is down is asked again after 1, 2, 4 … minutes, at most hourly, as for shipment reports. */
    private static final org.ordo.platform.RetryBackOff BACK_OFF =
            new org.ordo.platform.RetryBackOff(Duration.ofMinutes(1), Duration.ofHours(1));
    /** A node that claimed a notice and died: another takes it over after this long. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int NOTICES_PER_ROUND = 20;

    private final ChangeNotices notices;
    private final ShopOrders shopOrders;
    private final Channels channels;
    private final ShopOrderEditors editors;
    private final OrderManagement orders;
    private final OrderChanges changes;
    private final ChannelSettings settings;
    private final Clock clock;

    ShopChangeNotices(ChangeNotices notices, ShopOrders shopOrders, Channels channels, ShopOrderEditors editors,
            OrderManagement orders, OrderChanges changes, ChannelSettings settings, Clock clock) {
        this.notices = notices;
        this.shopOrders = shopOrders;
        this.channels = channels;
        this.editors = editors;
        this.orders = orders;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An order changed: in the changing transaction, a notice is queued when the order came from a shop with API
     * access (one indexed read for other orders, and no stored copy of the event), once per change, unless the
     * change is the shop's own (its webhook changes the order as {@code webhook:<code>}).
     */
    @EventListener
    void on(OrderChanged changed) {
        shopOrders.find(changed.orderId()).ifPresent(link -> {
            if (("webhook:" + link.channelCode()).equals(Actor.current())) {
                return; // the shop told us of this change: it has it
            }
            if (channels.find(link.channelCode()).map(ShopChannel::reportsShipments).orElse(false)) {
                notices.enqueue(changed.changeId(), changed.orderId(), changed.version(), clock.instant());
            }
        });
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${ordo.channels.report-every:PT15S}")
    void tellDueShops() {
        try {
            tellShops();
        } catch (RuntimeException e) {
            log.warn("Telling shops of changed orders failed: {}", e.getMessage());
        }
    }

    /**
     * Sends the notices that are due, each claimed by this node alone; a failed call is tried again after 1, 2,
     * 4, ... minutes (at most an hour apart) until {@code ordo.channels.max-attempts}, then it is FAILED with the
     * last error. Answers how many the shops took.
     */
    int tellShops() {
        Instant now = clock.instant();
        int sent = 0;
        for (ChangeNotices.Notice notice : notices.claim(now, now.plus(LEASE), NOTICES_PER_ROUND)) {
            try {
                ShopOrders.Link link = shopOrders.find(notice.orderId()).orElseThrow();
                Channels.Registered shop = channels.registered(link.channelCode()).orElseThrow();
                if (!shop.channel().active() || !shop.channel().reportsShipments()) {
                    notices.failed(notice, "the shop is disabled or has no API access", null);
                    continue;
                }
                editors.of(shop.channel().type()).reportChanged(new ShopPlatformClient.Target(
                        shop.channel().apiUrl(), shop.apiToken(), link.platformOrderId(), link.deliveryId(),
                        link.lineItems()), now(notice));
                if (notices.sent(notice, clock.instant())) {
                    sent++;
                } else {
                    log.warn("Change notice {} was sent after its claim ran out", notice.id());
                }
            } catch (RuntimeException e) {
                Instant retry = notice.attempts() >= settings.maxAttempts() ? null
                        : clock.instant().plus(backOff(notice.attempts()));
                notices.failed(notice, String.valueOf(e.getMessage()), retry);
                log.info("Telling the shop of change {} failed (attempt {}): {}", notice.changeId(),
                        notice.attempts(), e.getMessage());
            }
        }
        return sent;
    }

    /** The notices of an order, oldest first: what was told, and how far it got. */
    List<ChangeNotices.Notice> of(UUID orderId) {
        return notices.ofOrder(orderId);
    }

    /** The order as it is now (a later change is told the same state again: harmless), with this version's reason. */
    private ShopOrderEditor.Changed now(ChangeNotices.Notice notice) {
        OrderView order = orders.require(notice.orderId());
        Map<String, Long> quantities = new TreeMap<>();
        order.lines().stream().filter(l -> l.quantity() > 0)
                .forEach(l -> quantities.merge(l.sku(), l.quantity(), Long::sum));
        return new ShopOrderEditor.Changed(notice.version(), version(notice.orderId(), notice.version()).reason(),
                quantities, order.shippingAddress());
    }

    private OrderChange version(UUID orderId, int version) {
        return changes.of(orderId).stream().filter(c -> c.version() == version).findFirst().orElseThrow();
    }

    private static Duration backOff(int attempts) {
        return BACK_OFF.after(attempts);
    }
}
