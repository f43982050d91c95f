package org.ordo.notification.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.billing.Seller;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.notification.MessageKind;
import org.ordo.platform.Address;
import org.ordo.party.PartyManagement;
import org.ordo.party.Supplier;
import org.ordo.platform.Ids;
import org.ordo.platform.TextBundle;
import org.ordo.purchasing.PurchaseOrder;
import org.ordo.purchasing.PurchaseOrderSent;
import org.ordo.purchasing.PurchasingManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A purchase order revision to its supplier, in the supplier's language, with its PDF: written in the transaction
 * that placed, changed or cancelled the order (invariant 7), once per order and revision.
 */
@Component
class PurchaseOrderMail {

    private final Messages messages;
    private final Templates templates;
    private final PurchasingManagement purchasing;
    private final PartyManagement parties;
    private final Catalog catalog;
    private final Seller seller;
    private final InventoryManagement inventory;

    PurchaseOrderMail(Messages messages, Templates templates, PurchasingManagement purchasing,
            PartyManagement parties, Catalog catalog, Seller seller, InventoryManagement inventory) {
        this.inventory = inventory;
        this.messages = messages;
        this.templates = templates;
        this.purchasing = purchasing;
        this.parties = parties;
        this.catalog = catalog;
        this.seller = seller;
    }

    @EventListener
    void on(PurchaseOrderSent sent) {
        PurchaseOrder order = purchasing.require(sent.purchaseOrderId());
        Supplier supplier = parties.findSupplier(order.supplier()).orElseThrow();
        TextBundle.Texts t = templates.in(supplier.locale());
        Map<String, String> values = new HashMap<>();
        values.put("name", supplier.name());
        values.put("number", order.number());
        values.put("revision", String.valueOf(order.revision()));
        values.put("buyer", seller.name());
        values.put("deliverTo", order.shipTo() != null ? oneLine(order.shipTo())
                : deliverTo(inventory.location(order.location())));
        values.put("lines", order.lines().stream().map(l -> t.render("purchase-order.line", Map.of(
                "quantity", t.number(l.ordered()), "article", catalog.find(l.sku()).map(a -> a.nameIn(
                        supplier.locale())).orElse(l.sku()), "supplierArticle", l.supplierArticle() == null ? l.sku()
                                : l.supplierArticle(), "date", t.date(l.expectedOn()))))
                .collect(Collectors.joining("\n")));
        String body = t.render("purchase-order.body", values);
        if (sent.reason() != null) {
            body = t.render("purchase-order.cause." + sent.cause().name().toLowerCase(java.util.Locale.ROOT),
                    Map.of("reason", sent.reason())) + "\n\n" + body;
        }
        MessageKind kind = MessageKind.PURCHASE_ORDER;
        messages.queue(Ids.next(), new Messages.Draft(kind, null, supplier.email(), t.locale().toLanguageTag(),
                t.render(kind.key() + ".subject", values), body,
                kind.name() + ":" + order.id() + ":" + sent.revision(), null, List.of(sent.documentId())));
    }

    /** A dropship order's customer address in one line. */
    private static String oneLine(Address a) {
        return java.util.stream.Stream.of(a.name(), a.company(), a.street(), a.street2(),
                ((a.postalCode() == null ? "" : a.postalCode() + " ") + (a.city() == null ? "" : a.city())).trim(),
                a.country()).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
    }

    /** The warehouse's name and address in one line. */
    private static String deliverTo(Location location) {
        Address a = location.address();
        if (a == null) {
            return location.name();
        }
        return java.util.stream.Stream.of(location.name(), a.street(), a.street2(),
                ((a.postalCode() == null ? "" : a.postalCode() + " ") + (a.city() == null ? "" : a.city())).trim(),
                a.country()).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
    }
}
