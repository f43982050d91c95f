package org.ordo.backoffice.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.ordo.backoffice.Screen;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.ordering.Channel;
import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderQuery;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderSummary;
import org.ordo.ordering.PaymentStatus;
import org.ordo.ordering.HoldKind;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Role;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The order queue: every order from every channel, the work still to do first and late orders on top, filters,
 * keyset pages, bulk hold / release / cancel; the table reloads itself every few seconds (htmx).
 */
@Controller
@RequestMapping("/orders")
class OrdersController {

    static final int PAGE = 50;
    /** An order promised within this long and not shipped is at risk. */
    static final Duration AT_RISK_WITHIN = Duration.ofHours(24);

    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final InventoryManagement inventory;
    private final org.ordo.returns.ReturnManagement returns;
    private final java.time.Clock clock;
    private final org.ordo.promise.PromiseWatch promises;
    private final CountedViews savedViews;

    OrdersController(OrderManagement orders, OrderLifecycle lifecycle, InventoryManagement inventory,
            org.ordo.returns.ReturnManagement returns, java.time.Clock clock, org.ordo.promise.PromiseWatch promises,
            CountedViews savedViews) {
        this.savedViews = savedViews;
        this.promises = promises;
        this.returns = returns;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Bean
    static Screen ordersScreen() {
        return new Screen("/orders", "nav.orders", 10, Role.ADMIN, Role.AGENT);
    }

    /** The queue's filters as the page sends them; blank means no filter. */
    record Filter(String view, String status, String payment, String fulfillment, String channel,
            String warehouse, String from, String to, String q, String after, String sort) {

        /** Newest first when asked; else by deadline: the ship-by cut-off, earliest first (docs/promise.md). */
        boolean newest() {
            return "newest".equals(sort);
        }

        boolean toDo() {
            return !"all".equals(view) && !openReturns();
        }

        /** Only orders with a return still expecting goods or money. */
        boolean openReturns() {
            return "returns".equals(view);
        }

        /** This filter as a query string, for the rows' reload, the next page and coming back after an action. */
        String query(boolean withAfter) {
            var b = UriComponentsBuilder.newInstance();
            add(b, "view", toDo() ? null : view);
            add(b, "status", status);
            add(b, "payment", payment);
            add(b, "fulfillment", fulfillment);
            add(b, "channel", channel);
            add(b, "warehouse", warehouse);
            add(b, "from", from);
            add(b, "to", to);
            add(b, "q", q);
            add(b, "sort", newest() ? sort : null);
            if (withAfter) {
                add(b, "after", after);
            }
            String query = b.encode().build().getQuery();
            return query == null ? "" : "?" + query;
        }

        /** A filter from its query string (as {@link #query} writes it, without the page's cursor). */
        static Filter parse(String query) {
            var params = UriComponentsBuilder.fromUriString("/orders?" + (query == null ? "" : query)).build()
                    .getQueryParams();
            java.util.function.Function<String, String> one = name -> {
                String value = params.getFirst(name);
                return value == null ? null
                        : org.springframework.web.util.UriUtils.decode(value, java.nio.charset.StandardCharsets.UTF_8);
            };
            return new Filter(one.apply("view"), one.apply("status"), one.apply("payment"), one.apply("fulfillment"),
                    one.apply("channel"), one.apply("warehouse"), one.apply("from"), one.apply("to"), one.apply("q"),
                    null, one.apply("sort"));
        }

        private static void add(UriComponentsBuilder b, String name, String value) {
            if (value != null && !value.isBlank()) {
                b.queryParam(name, value);
            }
        }
    }

    /** A row of the queue as shown. */
    record Row(OrderSummary order, boolean late, boolean atRisk) {
    }

    @GetMapping
    String queue(Filter filter, Model model, HttpServletRequest request) {
        fill(filter, model);
        model.addAttribute("savedViews", savedViews.of(Layout.current()));
        model.addAttribute("viewFilter", filter.query(false));
        return "backoffice/orders/queue";
    }

    /** Only the table's rows, for the reload every few seconds. */
    @GetMapping("/rows")
    String rows(Filter filter, Model model, HttpServletRequest request) {
        fill(filter, model);
        return "backoffice/orders/queue :: rows";
    }

    private void fill(Filter filter, Model model) {
        List<String> problems = new ArrayList<>();
        OrderQuery query = query(filter, problems, filter.openReturns() ? returns.ordersWithOpenReturns() : null);
        List<String> warehouses = inventory.locations().stream().map(Location::code).toList();
        String warehouse = blank(filter.warehouse()) ? null : filter.warehouse().trim();
        if (warehouse != null && !warehouses.contains(warehouse)) {
            problems.add("warehouse: " + warehouse);
            warehouse = null;
        }
        Slice<OrderSummary> page = warehouse == null ? orders.queue(query) : orders.queueAt(query, warehouse);
        model.addAttribute("warehouses", warehouses);
        model.addAttribute("hiddenMatches", hiddenMatches(filter, query, page));
        Instant now = clock.instant();
        Map<UUID, Boolean> promised = promises.promisedAtRisk(page.items().stream().map(OrderSummary::id).toList());
        model.addAttribute("rows", page.items().stream().map(o -> row(o, now, promised)).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("problems", problems);
        model.addAttribute("self", "/orders" + filter.query(true));
        model.addAttribute("rowsUrl", "/orders/rows" + filter.query(true));
        model.addAttribute("next", page.next() == null ? null
                : "/orders" + new Filter(filter.view(), filter.status(), filter.payment(), filter.fulfillment(),
                        filter.channel(), filter.warehouse(), filter.from(), filter.to(), filter.q(), page.next(),
                        filter.sort()).query(true));
        model.addAttribute("first", filter.after() == null || filter.after().isBlank() ? null
                : "/orders" + filter.query(false));
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("payments", PaymentStatus.values());
        model.addAttribute("fulfillments", FulfillmentStatus.values());
        model.addAttribute("channels", Channel.codes());
        model.addAttribute("holdKinds", HoldKind.values());
    }

    /**
     * Holds, releases or cancels each chosen order through the order lifecycle, as the person logged in; each
     * order on its own, so one refusal (already shipped, not on hold) does not stop the others.
     */
    @PostMapping("/bulk")
    String bulk(@RequestParam(required = false) List<String> ids, @RequestParam String action,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "MANUAL") String kind,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        String target = "redirect:" + (back != null && back.startsWith("/orders") && !back.startsWith("//")
                ? back : "/orders");
        if (ids == null || ids.isEmpty()) {
            Flash.error(redirect, "orders.bulk.none");
            return target;
        }
        if (reason == null || reason.isBlank()) {
            Flash.error(redirect, "flash.invalid", Refusals.of(new FieldError("reason",
                    Wording.of("platform.is_required"))));
            return target;
        }
        HoldKind holdKind = Arrays.stream(HoldKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(HoldKind.MANUAL);
        List<String> refused = new ArrayList<>();
        int done = 0;
        for (String id : ids) {
            try {
                UUID orderId = UUID.fromString(id);
                switch (action) {
                    case "hold" -> lifecycle.hold(orderId, holdKind, reason);
                    case "release" -> lifecycle.releaseHold(orderId, reason);
                    case "cancel" -> orders.cancel(orderId, reason);
                    default -> throw new InvalidInputException("action",
                            Wording.of("backoffice.must_be_hold_release_or_cancel"));
                }
                done++;
            } catch (InvalidInputException e) {
                Flash.error(redirect, "flash.invalid", Refusals.of(e.errors().get(0)));
                return target;
            } catch (ConflictException | NotFoundException | IllegalArgumentException e) {
                refused.add(Refusals.of(e));
            }
        }
        if (refused.isEmpty()) {
            Flash.success(redirect, "orders.bulk." + action, done);
        } else {
            Flash.error(redirect, "orders.bulk.partly", done, refused.size(), String.join(" · ", refused));
        }
        return target;
    }

    /**
     * A search in the to-do view that finds more in all orders (shipped, cancelled): how many more, at most a page,
     * so the page can say so and offer them; 0 otherwise. One more query, only when someone searches.
     */
    private int hiddenMatches(Filter filter, OrderQuery query, Slice<OrderSummary> shown) {
        if (!filter.toDo() || query.q() == null || filter.after() != null && !filter.after().isBlank()) {
            return 0;
        }
        OrderQuery all = new OrderQuery(query.status(), query.paymentStatus(), query.fulfillmentStatus(),
                query.channel(), query.customerId(), query.createdFrom(), query.createdTo(), query.q(), query.sort(),
                null, PAGE, false);
        return Math.max(0, orders.queue(all).items().size() - shown.items().size());
    }

    /**
     * At risk: for an order with a computed promise, when the promise's risk check flagged one of its shipments
     * (its work ahead no longer fits before the cut-off, docs/promise.md); for one whose caller set the date, when
     * that date is near.
     */
    private static Row row(OrderSummary o, Instant now, Map<UUID, Boolean> promised) {
        boolean open = (o.status() == OrderStatus.OPEN || o.status() == OrderStatus.ON_HOLD)
                && !o.fulfillmentStatus().hasShipped();
        boolean atRisk = open && !o.late() && promised.getOrDefault(o.id(),
                o.promisedAt().isBefore(now.plus(AT_RISK_WITHIN)));
        return new Row(o, o.late(), atRisk);
    }

    /** The query for a filter; a value that names nothing known is left out and said so on the page. */
    static OrderQuery query(Filter f, List<String> problems, List<UUID> only) {
        Instant from = day(f.from(), "from", problems);
        Instant to = day(f.to(), "to", problems);
        String channel = blank(f.channel()) ? null : f.channel().trim().toLowerCase(Locale.ROOT);
        if (channel != null && Channel.parse(channel) == null) {
            problems.add("channel: " + f.channel());
            channel = null;
        }
        String after = blank(f.after()) ? null : f.after();
        if (after != null) {
            try {
                org.ordo.platform.Cursor.decode(after, "after");
            } catch (InvalidInputException e) {
                problems.add("after: " + after);
                after = null;
            }
        }
        return new OrderQuery(one(f.status(), OrderStatus::valueOf, "status", problems),
                one(f.payment(), PaymentStatus::valueOf, "payment", problems),
                one(f.fulfillment(), FulfillmentStatus::valueOf, "fulfillment", problems),
                channel == null ? null : List.of(channel), null, from,
                to == null ? null : to.plus(Duration.ofDays(1)), blank(f.q()) ? null : f.q().trim(),
                f.newest() ? OrderQuery.Sort.NEWEST : OrderQuery.Sort.DEADLINE, after, PAGE, f.toDo(), only);
    }

    private static <E> List<E> one(String value, Function<String, E> parse, String field, List<String> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return List.of(parse.apply(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + value);
            return null;
        }
    }

    private static Instant day(String value, String field, List<String> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field + ": " + value);
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
