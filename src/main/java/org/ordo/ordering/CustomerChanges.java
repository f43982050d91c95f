package org.ordo.ordering;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.ordering.internal.Orders;
import org.ordo.platform.Address;
import org.ordo.platform.AddressProblem;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Wording;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes customers make themselves from their order's page (docs/order-changes.md#by-the-customer), within the
 * window the shop sets: until when ({@code ordo.orders.customer-changes.until}) and what
 * ({@code ordo.orders.customer-changes.what}: the shipping address, another size of a line). What the customer
 * asks for becomes a {@link ChangeOrder} and goes through the one change path, {@link OrderChanges#change}, with
 * its version check, reservations, prices and money.
 */
@Service
public class CustomerChanges {

    /** Until when customers may change their order themselves. */
    public enum Until {
        /** never: only agents change orders */
        NEVER,
        /** until the order is released to the warehouse */
        RELEASE,
        /** until the first goods of it are picked */
        PICKING
    }

    /** What customers may change themselves. */
    public enum Part {
        /** the shipping address, checked as at placement */
        ADDRESS,
        /** a line's article for another size of it: same SKU stem before the last '-', same price and tax */
        SIZE
    }

    /** The reason every customer change is recorded with (the timeline shows it translated). */
    public static final String REASON = "changed by the customer on the order page";

    /**
     * What the customer may change of an order now: {@code open} false when the window is closed ({@code closedBy}
     * says why: a message key suffix), else the address if {@code address}, and the sizes offered per line number
     * (the line's own article first).
     */
    public record Window(boolean open, String closedBy, boolean address, Map<Integer, List<Size>> sizes,
            int version) {
    }

    /** An article a line may be swapped to, with its name in the customer's language. */
    public record Size(String sku, String name) {
    }

    /** What the customer asked for: a new shipping address (or null) and, per line number, the article wanted. */
    public record Request(Address shippingAddress, Map<Integer, String> skus) {
    }

    private final Orders orders;
    private final Catalog catalog;
    private final InventoryManagement inventory;
    private final OrderChanges changes;
    private final OrderLifecycle lifecycle;
    private final Until until;
    private final Set<Part> parts;

    CustomerChanges(Orders orders, Catalog catalog, InventoryManagement inventory, OrderChanges changes,
            OrderLifecycle lifecycle, @Value("${ordo.orders.customer-changes.until:PICKING}") String until,
            @Value("${ordo.orders.customer-changes.what:ADDRESS,SIZE}") String what) {
        this.orders = orders;
        this.catalog = catalog;
        this.inventory = inventory;
        this.changes = changes;
        this.lifecycle = lifecycle;
        this.until = Until.valueOf(until.trim().toUpperCase(Locale.ROOT));
        EnumSet<Part> allowed = EnumSet.noneOf(Part.class);
        for (String part : what.split(",")) {
            if (!part.isBlank()) {
                allowed.add(Part.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            }
        }
        this.parts = allowed;
    }

    /** What the customer may change of this order now. */
    @Transactional(readOnly = true)
    public Window windowOf(UUID orderId) {
        OrderView order = orders.find(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        String closedBy = closedBy(order);
        if (closedBy != null) {
            return new Window(false, closedBy, false, Map.of(), order.version());
        }
        return new Window(true, null, parts.contains(Part.ADDRESS), sizes(order), order.version());
    }

    /**
     * Whether the customer may change this order now, without asking the catalog for sizes (the tracking page's
     * link): the same rule as {@link #windowOf}.
     */
    @Transactional(readOnly = true)
    public boolean isOpen(OrderView order) {
        return closedBy(order) == null;
    }

    /**
     * Changes the order as the customer asked, if the window is open (else 409 {@code customer-change-closed}) and
     * only in what it allows (else 422 naming the field), conditional on the version the customer saw (412).
     */
    @Transactional
    public ChangedOrder change(UUID orderId, int expectedVersion, Request request, UUID inboundDocumentId) {
        // Locked first, so that the window cannot close (release, picking) between the check and the change.
        orders.lock(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        OrderView order = orders.find(orderId).orElseThrow();
        String closedBy = closedBy(order);
        if (closedBy != null) {
            throw new ConflictException("customer-change-closed", "Changes by the customer are closed",
                    Wording.of("ordering.order_can_no_longer_be_changed", order.number(),
                            Wording.of("ordering.closed_by." + closedBy)), Map.of("closedBy",
                            closedBy));
        }
        List<FieldError> errors = new ArrayList<>();
        Address address = request.shippingAddress();
        if (address != null && address.equals(order.shippingAddress())) {
            address = null;
        }
        if (address != null && !parts.contains(Part.ADDRESS)) {
            errors.add(new FieldError("shippingAddress", Wording.of("ordering.cannot_be_changed_from_the_order")));
        } else if (address != null) {
            // The fields every address needs first (too long, no ISO country), as the API refuses them; then what the
            // API would hold the order for (a postal code that does not fit the country, a PO box the carrier does
            // not serve): the customer is at the form and can correct it, so it is refused there instead.
            List<FieldError> missing = address.problems("shippingAddress");
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
            List<AddressProblem> problems = lifecycle.addressProblems(address);
            if (!problems.isEmpty()) {
                throw new AddressRefused(problems, address.country());
            }
        }
        Map<Integer, List<Size>> sizes = sizes(order);
        List<ChangeOrder.Line> lines = new ArrayList<>();
        request.skus().forEach((lineNo, sku) -> {
            OrderView.Line line = order.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
            if (line == null || sku == null || sku.equals(line.sku())) {
                return;
            }
            List<Size> offered = sizes.getOrDefault(lineNo, List.of());
            if (offered.stream().noneMatch(s -> s.sku().equals(sku))) {
                errors.add(new FieldError("sku-" + lineNo, Wording.of("ordering.is_not_another_size_of", sku,
                        line.sku())));
            } else {
                lines.add(new ChangeOrder.Line(lineNo, sku, null));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (address == null && lines.isEmpty()) {
            throw new InvalidInputException("change", Wording.of("ordering.nothing_was_changed"));
        }
        return changes.change(orderId, expectedVersion, new ChangeOrder(REASON, lines.isEmpty() ? null : lines,
                address, null, null), inboundDocumentId);
    }

    /**
     * A new shipping address the customer sent that a carrier's label could not carry or the country's rules do not
     * allow (docs/addresses.md): refused with the problems, each naming its field, nothing changed.
     */
    public static final class AddressRefused extends InvalidInputException {

        private final transient List<AddressProblem> problems;

        AddressRefused(List<AddressProblem> problems, String country) {
            super(problems.stream().map(p -> new FieldError("shippingAddress." + p.field(), p.message(country)))
                    .toList());
            this.problems = List.copyOf(problems);
        }

        public List<AddressProblem> problems() {
            return problems;
        }
    }

    /** Why the window is closed (a message key suffix), or null when it is open. */
    private String closedBy(OrderView order) {
        if (until == Until.NEVER || parts.isEmpty()) {
            return "shop";
        }
        if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.COMPLETED) {
            return "state";
        }
        if (order.fulfillmentStatus().hasShipped()) {
            return "shipped";
        }
        if (until == Until.RELEASE && order.releasedAt() != null) {
            return "released";
        }
        if (inventory.hasIssued(order.id())) {
            return "picking";
        }
        return null;
    }

    /**
     * Per physical line, the other sizes a customer may choose (the line's own article first); none: absent. The
     * catalog is asked once for the stems of all lines, not once per line.
     */
    private Map<Integer, List<Size>> sizes(OrderView order) {
        Map<Integer, List<Size>> sizes = new LinkedHashMap<>();
        if (!parts.contains(Part.SIZE)) {
            return sizes;
        }
        Map<Integer, String> stems = new LinkedHashMap<>();
        for (OrderView.Line line : order.lines()) {
            int dash = line.sku().lastIndexOf('-');
            if ("PHYSICAL".equals(line.type()) && dash > 0) {
                stems.put(line.lineNo(), line.sku().substring(0, dash + 1));
            }
        }
        Map<String, List<Article>> variants = catalog.variants(new java.util.TreeSet<>(stems.values()), 50);
        String locale = order.customer().locale();
        for (OrderView.Line line : order.lines()) {
            String stem = stems.get(line.lineNo());
            if (stem == null) {
                continue;
            }
            List<Size> offered = new ArrayList<>();
            offered.add(new Size(line.sku(), line.name()));
            for (Article other : variants.getOrDefault(stem, List.of())) {
                if (!other.sku().equals(line.sku()) && samePrice(other, line)) {
                    offered.add(new Size(other.sku(), other.nameIn(locale)));
                }
            }
            if (offered.size() > 1) {
                sizes.put(line.lineNo(), offered);
            }
        }
        return sizes;
    }

    /** Another size is the same article in all but size: a swap that would change the price is an agent's. */
    private static boolean samePrice(Article article, OrderView.Line line) {
        return article.price().currency().equals(line.unitPrice().currency())
                && article.price().amount().compareTo(line.unitPrice().amount()) == 0 && article.taxRate().compareTo(line.taxRate()) == 0
                && article.priceIncludesTax() == line.priceIncludesTax();
    }
}
