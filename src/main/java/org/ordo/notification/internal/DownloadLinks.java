package org.ordo.notification.internal;

import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.digital.DownloadLinksGranted;
import org.ordo.digital.Entitlement;
import org.ordo.notification.MessageKind;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The download links of the digital articles of an order, with their expiry and download count.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class DownloadLinks {

    private final Composer composer;
    private final Templates templates;
    private final OrderManagement orders;
    private final NotificationProperties settings;

    DownloadLinks(Composer composer, Templates templates, OrderManagement orders, NotificationProperties settings) {
        this.composer = composer;
        this.templates = templates;
        this.orders = orders;
        this.settings = settings;
    }

    @EventListener
    void on(DownloadLinksGranted granted) {
        if (granted.links().isEmpty()) {
            return;
        }
        OrderView order = orders.require(granted.orderId());
        TextBundle.Texts t = templates.in(order.customer().locale());
        Map<String, String> values = composer.basics(order, t);
        String base = settings.publicUrl();
        values.put("links", granted.links().stream().map((Entitlement link) -> t.render("download-links.line",
                Map.of("article", link.name(), "url", base + link.url(), "expires", t.date(link.expiresAt()),
                        "downloads", t.number(link.maxDownloads())))).collect(Collectors.joining("\n")));
        composer.queue(MessageKind.DOWNLOAD_LINKS, order, t, values, "");
    }
}
