package org.ordo.outsourcing;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.inventory.Adjustment;
import org.ordo.inventory.InventoryManagement;
import org.ordo.party.PartyManagement;
import org.ordo.inventory.ReservationView;
import org.ordo.inventory.StockStatus;
import org.ordo.ordering.Channel;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderReleased;
import org.ordo.ordering.OrderView;
import org.ordo.outsourcing.internal.FulfilmentRequests;
import org.ordo.outsourcing.internal.RequestDelivery;
import org.ordo.outsourcing.internal.PartnerReports;
import org.ordo.outsourcing.internal.Partners;
import org.ordo.outsourcing.internal.RoutingRules;
import org.ordo.catalog.Catalog;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.ListensWhen;
import org.ordo.platform.RetryBackOff;
import org.ordo.platform.Ids;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Numbers;
import org.ordo.platform.WebhookSignature;
import org.ordo.platform.Wording;
import org.ordo.shipping.ShipOrder;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShippingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fulfilment by partners at external locations: 3PL warehouses and dropship suppliers. Ordo allocates to their
 * locations as to its own; released goods there are requested from the partner through an outbox; the partner's
 * signed shipment and stock reports come back as shipments and stock adjustments (docs/outsourced-fulfilment.md).
 */
@Service
public class OutsourcingManagement {

    private static final Logger log = LoggerFactory.getLogger(OutsourcingManagement.class);
    /** The header partners sign their reports with, as Ordo signs its requests. */
    public static final String SIGNATURE = "X-Ordo-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** A shop or partner that is down is asked again after 1, 2, 4 … minutes, at most hourly. */
    private static final RetryBackOff BACK_OFF = new RetryBackOff(Duration.ofMinutes(1), Duration.ofHours(1));
    private static final int REQUESTS_PER_ROUND = 50;
    private static final String ACTIVE = "ACTIVE";

    private final Partners partners;
    private final RoutingRules routingRules;
    private final Catalog catalog;
    private final FulfilmentRequests requests;
    private final PartnerReports reports;
    private final RequestDelivery delivery;
    private final InventoryManagement inventory;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final Json json;
    private final Clock clock;
    private final int maxAttempts;
    private final PartyManagement parties;

    OutsourcingManagement(Partners partners, RoutingRules routingRules, Catalog catalog, FulfilmentRequests requests, PartnerReports reports,
            RequestDelivery delivery, InventoryManagement inventory, OrderManagement orders,
            ShippingManagement shipping, Json json, Clock clock,
            @Value("${ordo.outsourcing.max-attempts:10}") int maxAttempts, PartyManagement parties) {
        this.parties = parties;
        this.partners = partners;
        this.routingRules = routingRules;
        this.catalog = catalog;
        this.requests = requests;
        this.reports = reports;
        this.delivery = delivery;
        this.inventory = inventory;
        this.orders = orders;
        this.shipping = shipping;
        this.json = json;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    // --- partners --------------------------------------------------------------------------------------------

    /**
     * Registers (or changes) the partner fulfilling at an existing location and makes the location external: no
     * pick list is made there any more. 404 for an unknown location, 422 naming the fields.
     */
    @Transactional
    public FulfilmentPartner registerPartner(String location, PartnerDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("body", Wording.of("platform.is_required"));
        }
        inventory.location(location);
        draft.check();
        if (draft.supplier() != null) {
            var supplier = parties.findSupplier(draft.supplier()).orElseThrow(() -> new InvalidInputException(
                    "supplier", Wording.of("outsourcing.is_not_a_known_supplier_code", draft.supplier())));
            if (supplier.email() == null || supplier.email().isBlank()) {
                throw new InvalidInputException("supplier", Wording.of("outsourcing.has_no_e_mail_address_to"));
            }
        }
        // the transactions releasing orders that found no partner here end first (Partners.locations)
        partners.beforeRegistering();
        partners.save(location, draft, clock.instant());
        inventory.markExternal(location, true);
        return partner(location);
    }

    public FulfilmentPartner partner(String location) {
        return partners.find(location).map(Partners.Registered::partner)
                .orElseThrow(() -> new NotFoundException("Fulfilment partner", location));
    }

    public List<FulfilmentPartner> partners() {
        return partners.all();
    }

    /** The requests to a partner, newest first. */
    public List<FulfilmentRequest> requests(String location, int limit) {
        partner(location);
        return requests.atLocation(location, limit);
    }

    /** The fulfilment requests of an order (one per external location its goods are reserved at). */
    public List<FulfilmentRequest> requestsOf(UUID orderId) {
        return requests.ofOrder(orderId);
    }

    // --- routing ---------------------------------------------------------------------------------------------

    /**
     * Sets the rule for an article (a SKU of the catalog), for a channel, or (naming neither) the default; the next
     * allocation follows it. 422 when both are named, the strategy is missing or the SKU is unknown.
     */
    @Transactional
    public RoutingRule saveRule(RoutingRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule == null || rule.strategy() == null) {
            errors.add(new FieldError("strategy", Wording.of("outsourcing.is_required_priority_own_first_third")));
        }
        if (rule != null && rule.article() != null && rule.channel() != null) {
            errors.add(new FieldError("channel", Wording.of("outsourcing.name_an_article_or_a_channel")));
        }
        if (rule != null && rule.channel() != null && Channel.parse(rule.channel()) == null) {
            errors.add(new FieldError("channel", Wording.of("platform.must_be_one_of", Channel.codes())));
        }
        if (rule != null && rule.article() != null && rule.article().length() > RoutingRule.MAX_ARTICLE) {
            errors.add(new FieldError("article", Wording.of("outsourcing.at_most_characters",
                    RoutingRule.MAX_ARTICLE)));
        } else if (rule != null && rule.article() != null) {
            try {
                catalog.require(rule.article());
            } catch (NotFoundException e) {
                errors.add(new FieldError("article", Wording.of("platform.unknown_sku", rule.article())));
            }
        }
        failIfAny(errors);
        String scope = rule.article() != null ? "ARTICLE" : rule.channel() != null ? "CHANNEL" : "DEFAULT";
        String key = rule.article() != null ? rule.article() : rule.channel() != null ? rule.channel() : "*";
        routingRules.save(scope, key, rule.strategy(), clock.instant());
        return routingRules.all().stream().filter(r -> java.util.Objects.equals(r.article(), rule.article())
                && java.util.Objects.equals(r.channel(), rule.channel())).findFirst().orElseThrow();
    }

    /** Every routing rule: articles', channels', the default. */
    public List<RoutingRule> rules() {
        return routingRules.all();
    }

    // --- requests out ----------------------------------------------------------------------------------------

    /**
     * Writes the fulfilment requests of a released order whose goods are reserved at a partner's location. The
     * condition is evaluated as the order is released, in its transaction, so the event registry stores no
     * publication, and nothing reads the order after the commit, for the orders picked in Ordo's own warehouses
     * (most of them: about eight statements per order, docs/benchmarks.md, P4).
     */
    @ApplicationModuleListener
    @ListensWhen("reservedAtPartner")
    void on(OrderReleased released) {
        request(released.orderId());
    }

    /** The condition of {@link #on(OrderReleased)}: asked as the order is released, in its transaction. */
    boolean reservedAtPartner(OrderReleased released) {
        return reservedAtPartner(released.orderId());
    }

    /**
     * Whether the order has goods reserved (actively) at a location a fulfilment partner works at. The partners'
     * locations are read once per transaction; without any partner the order's reservations are not read at all.
     */
    public boolean reservedAtPartner(UUID orderId) {
        java.util.Set<String> atPartners = partners.locations();
        return !atPartners.isEmpty() && inventory.reservationsOf(orderId).stream()
                .filter(r -> ACTIVE.equals(r.status())).map(ReservationView::location).anyMatch(atPartners::contains);
    }

    /**
     * Writes a fulfilment request for each external location the order's goods are reserved at, once per order and
     * location (a repeated call adds nothing). The request names the customer's delivery address and the lines; for
     * a dropship supplier it also records cost (the supplier's unit costs) and revenue (the lines' net price).
     */
    @Transactional
    public int request(UUID orderId) {
        OrderView order = orders.require(orderId);
        Map<String, List<ReservationView>> byLocation = new TreeMap<>();
        order.reservations().stream().filter(r -> ACTIVE.equals(r.status()))
                .forEach(r -> byLocation.computeIfAbsent(r.location(), k -> new ArrayList<>()).add(r));
        int written = 0;
        for (var e : byLocation.entrySet()) {
            Partners.Registered partner = partners.find(e.getKey()).orElse(null);
            if (partner == null) {
                continue; // Ordo's own warehouse: picked there
            }
            List<ReservationView> reserved = e.getValue().stream()
                    .sorted(Comparator.comparingInt(ReservationView::lineNo)).toList();
            Map<String, PartnerReports.UnitCost> costs = reports.unitCosts(e.getKey(),
                    reserved.stream().map(ReservationView::sku).distinct().toList());
            BigDecimal cost = BigDecimal.ZERO;
            BigDecimal revenue = BigDecimal.ZERO;
            boolean costKnown = true;
            UUID id = Ids.next();
            List<Map<String, Object>> lines = new ArrayList<>();
            for (ReservationView r : reserved) {
                OrderView.Line line = order.lines().stream().filter(l -> l.lineNo() == r.lineNo()).findFirst()
                        .orElseThrow();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("lineNo", r.lineNo());
                out.put("sku", r.sku());
                out.put("name", line.name());
                out.put("quantity", r.quantity());
                PartnerReports.UnitCost unitCost = costs.get(r.sku());
                if (unitCost != null && unitCost.currency().equals(order.currency())) {
                    out.put("unitCost", unitCost.amount().stripTrailingZeros().toPlainString());
                    cost = cost.add(unitCost.amount().multiply(BigDecimal.valueOf(r.quantity())));
                } else {
                    costKnown = false;
                }
                revenue = revenue.add(line.net().amount().multiply(BigDecimal.valueOf(r.quantity()))
                        .divide(BigDecimal.valueOf(line.quantity()), 4, java.math.RoundingMode.HALF_UP));
                lines.add(out);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestId", id.toString());
            body.put("kind", partner.partner().kind().name());
            body.put("location", e.getKey());
            body.put("order", order.number());
            body.put("currency", order.currency());
            body.put("customer", Map.of("name", order.customer().name() == null ? "" : order.customer().name(),
                    "email", order.customer().email() == null ? "" : order.customer().email()));
            body.put("shipTo", order.shippingAddress());
            body.put("lines", lines);
            body.put("reportShipmentsTo", "/api/v1/fulfilment-partners/" + e.getKey() + "/shipments");
            boolean dropship = partner.partner().kind() == PartnerKind.DROPSHIP_SUPPLIER;
            if (requests.enqueue(id, e.getKey(), orderId, order.number(), json.write(body),
                    dropship && costKnown ? cost : null, dropship && costKnown ? revenue : null,
                    dropship && costKnown ? order.currency() : null, clock.instant())) {
                written++;
            }
        }
        return written;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${ordo.outsourcing.send-every:PT10S}")
    void sendDueRequests() {
        try {
            sendRequests();
        } catch (RuntimeException e) {
            log.warn("Sending fulfilment requests failed; the next round retries: {}", e.getMessage());
        }
    }

    /**
     * Sends the requests that are due, each claimed by this node alone and sent outside any transaction; a failed
     * one is tried again after 1, 2, 4, ... minutes (at most an hour apart) until {@code ordo.outsourcing.max-attempts},
     * then it is FAILED and shown with the last error. Answers how many the partners took.
     */
    public int sendRequests() {
        Instant now = clock.instant();
        int sent = 0;
        for (FulfilmentRequests.Due due : requests.claim(now, now.plus(LEASE), REQUESTS_PER_ROUND)) {
            try {
                Partners.Registered partner = partners.find(due.location()).orElseThrow();
                if (!partner.partner().active()) {
                    throw new IOException("the partner is inactive");
                }
                if (requests.sent(due, delivery.deliver(partner, due), clock.instant())) {
                    sent++;
                } else {
                    log.warn("Fulfilment request {} was sent after its claim ran out", due.id());
                }
            } catch (IOException | RuntimeException e) {
                Instant retry = due.attempts() >= maxAttempts ? null : clock.instant().plus(backOff(due.attempts()));
                requests.failed(due, String.valueOf(e.getMessage()), retry);
                log.info("Fulfilment request {} to {} failed (attempt {}): {}", due.id(), due.location(),
                        due.attempts(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }

    static Duration backOff(int attempts) {
        return BACK_OFF.after(attempts);
    }

    // --- reports in ------------------------------------------------------------------------------------------

    /**
     * A partner's signed shipment report: the reserved goods it names leave the partner's stock (ISSUE, the report as
     * document) and become a shipment through the one shipping path, so the customer gets the tracking mail and the
     * invoice follows. Once per partner and reference: the same reference again answers DUPLICATE with the first
     * shipment. A report may ship part of what is reserved there (a partial shipment): the rest stays reserved for a
     * later report, and the request is SHIPPED once everything of it has shipped. Refuses a forged or stale
     * signature (400), an unknown partner or order (404), an order held or cancelled meanwhile (409), and lines
     * for more than the order has waiting there (422).
     */
    @Transactional
    public ReportedShipment receiveShipment(String location, String signature, byte[] body) {
        verified(location, signature, body);
        return bookShipment(location, body);
    }

    /**
     * A shipment report the partner left in its exchange folder (access to the folder is its proof, as the signature
     * is by HTTP); otherwise as {@link #receiveShipment}, refusing what it refuses.
     */
    @Transactional
    public ReportedShipment receiveShipmentFile(String location, byte[] body) {
        registered(location, body);
        return bookShipment(location, body);
    }

    private ReportedShipment bookShipment(String location, byte[] body) {
        PartnerShipmentReport report = json.readRequest(body, PartnerShipmentReport.class);
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reference", report.reference(), 100);
        text(errors, "order", report.order(), 40);
        if (report.lines() == null || report.lines().isEmpty() || report.lines().size() > PartnerShipmentReport.MAX_LINES) {
            errors.add(new FieldError("lines", Wording.of("outsourcing.1_to_lines", PartnerShipmentReport.MAX_LINES)));
        }
        failIfAny(errors);
        var earlier = reports.shipmentOf(location, report.reference());
        if (earlier.isPresent()) {
            Shipment shipment = shipping.requireShipment(earlier.get());
            return new ReportedShipment(ReportedShipment.Outcome.DUPLICATE, report.reference(), shipment.orderId(),
                    shipment.id());
        }
        UUID orderId = orders.idOf(report.order());
        List<ReservationView> reserved = inventory.reservationsOf(orderId).stream()
                .filter(r -> ACTIVE.equals(r.status()) && r.location().equals(location))
                .sorted(Comparator.comparingInt(ReservationView::lineNo)).toList();
        // what each reservation gives to this shipment: whole reservations first, then part of one (a partial shipment)
        Map<ReservationView, Long> taken = new LinkedHashMap<>();
        for (int i = 0; i < report.lines().size(); i++) {
            PartnerShipmentReport.Line line = report.lines().get(i);
            String at = "lines[" + i + "]";
            if (line.sku() == null || line.quantity() == null || line.quantity() < 1
                    || line.quantity() > InventoryManagement.MAX_QUANTITY) {
                errors.add(new FieldError(at, Wording.of("outsourcing.sku_and_a_quantity_of_1",
                        InventoryManagement.MAX_QUANTITY)));
                continue;
            }
            long left = line.quantity();
            for (ReservationView r : reserved) {
                if (left > 0 && r.sku().equals(line.sku()) && !taken.containsKey(r) && r.quantity() <= left) {
                    taken.put(r, r.quantity());
                    left -= r.quantity();
                }
            }
            for (ReservationView r : reserved) {
                if (left > 0 && r.sku().equals(line.sku()) && !taken.containsKey(r)) {
                    taken.put(r, left); // it holds more than is left: part of it ships
                    left = 0;
                }
            }
            if (left != 0) {
                long open = reserved.stream().filter(r -> r.sku().equals(line.sku())).mapToLong(ReservationView::quantity)
                        .sum();
                errors.add(new FieldError(at + ".quantity", Wording.of("outsourcing.the_order_has_of_waiting_at", open,
                        line.sku(), location)));
            }
        }
        failIfAny(errors);
        if (!orders.lockIfPickable(orderId)) {
            throw new ConflictException("not-shippable", "Order not shippable",
                    Wording.of("outsourcing.order_was_put_on_hold_or", report.order()));
        }
        String document = location + "/" + report.reference();
        taken.forEach((r, quantity) -> {
            if (quantity == r.quantity()) {
                inventory.issue(r.id(), quantity, "PARTNER_SHIPMENT", document);
            } else {
                inventory.issuePart(r.id(), quantity, "PARTNER_SHIPMENT", document);
            }
        });
        Shipment shipment = shipping.ship(new ShipOrder(orderId, location, report.carrier(), report.service(),
                report.trackingNumber(), taken.entrySet().stream().map(e -> new ShipOrder.Line(e.getKey().lineNo(),
                        e.getKey().sku(), e.getValue())).toList()));
        if (!reports.recordShipment(location, report.reference(), orderId, shipment.id(), clock.instant())) {
            throw new IllegalStateException("Shipment report " + report.reference() + " recorded twice under a lock");
        }
        boolean everything = taken.size() == reserved.size()
                && taken.entrySet().stream().allMatch(e -> e.getValue() == e.getKey().quantity());
        if (everything) {
            requests.shipped(orderId, location);
        }
        return new ReportedShipment(ReportedShipment.Outcome.SHIPPED, report.reference(), orderId, shipment.id());
    }

    /**
     * A partner's signed stock report: each SKU it names is set to its count at the partner's location by one
     * adjustment whose document is the report ({@code STOCK_REPORT}, the reference), so the ledger explains every
     * level. Units reserved for orders are never adjusted away: what could not be is answered as unresolved. Once
     * per reference: the same reference again answers the first outcome and changes nothing. A dropship supplier's
     * unit costs are kept for the margin.
     */
    @Transactional
    public StockReconciliation receiveStockReport(String location, String signature, byte[] body) {
        verified(location, signature, body);
        return bookStockReport(location, body);
    }

    /** A stock report the partner left in its exchange folder; otherwise as {@link #receiveStockReport}. */
    @Transactional
    public StockReconciliation receiveStockReportFile(String location, byte[] body) {
        registered(location, body);
        return bookStockReport(location, body);
    }

    private StockReconciliation bookStockReport(String location, byte[] body) {
        StockReport report = json.readRequest(body, StockReport.class);
        List<FieldError> errors = new ArrayList<>();
        text(errors, "reference", report.reference(), 100);
        if (report.lines() == null || report.lines().isEmpty() || report.lines().size() > StockReport.MAX_LINES) {
            errors.add(new FieldError("lines", Wording.of("outsourcing.1_to_lines", StockReport.MAX_LINES)));
        }
        failIfAny(errors);
        Map<String, StockReport.Line> bySku = new TreeMap<>(); // adjusted in SKU order: the order levels are locked in
        Map<String, BigDecimal> costs = new TreeMap<>();
        for (int i = 0; i < report.lines().size(); i++) {
            StockReport.Line line = report.lines().get(i);
            String at = "lines[" + i + "]";
            if (line.sku() == null || line.sku().isBlank()) {
                errors.add(new FieldError(at + ".sku", Wording.of("platform.is_required")));
            } else if (bySku.put(line.sku(), line) != null) {
                errors.add(new FieldError(at + ".sku", Wording.of("outsourcing.is_named_twice", line.sku())));
            }
            if (line.onHand() == null || line.onHand() < 0 || line.onHand() > InventoryManagement.MAX_QUANTITY) {
                errors.add(new FieldError(at + ".onHand", Wording.of("outsourcing.is_required_0_to",
                        InventoryManagement.MAX_QUANTITY)));
            }
            if (line.unitCost() != null) {
                if (line.currency() == null || !line.currency().matches("[A-Z]{3}")) {
                    errors.add(new FieldError(at + ".currency",
                            Wording.of("outsourcing.is_required_with_unitcost_an_iso")));
                }
                Wording fault = Numbers.fault(line.unitCost(), 4);
                if (fault != null) {
                    errors.add(new FieldError(at + ".unitCost", fault));
                } else if (line.sku() != null) {
                    costs.put(line.sku(), new BigDecimal(line.unitCost()));
                }
            }
        }
        failIfAny(errors);
        if (!reports.claimStockReport(location, report.reference(), clock.instant())) {
            StockReconciliation first = json.read(reports.stockAnswer(location, report.reference()),
                    StockReconciliation.class);
            return new StockReconciliation(first.reference(), true, first.lines());
        }
        List<StockReconciliation.Line> lines = new ArrayList<>();
        int i = 0;
        for (StockReport.Line line : report.lines()) {
            try {
                inventory.stock(line.sku());
            } catch (NotFoundException e) {
                errors.add(new FieldError("lines[" + i + "].sku", Wording.of("platform.unknown_sku", line.sku())));
            }
            i++;
        }
        failIfAny(errors);
        for (StockReport.Line line : bySku.values()) {
            StockStatus.LocationStock level = inventory.stock(line.sku()).locations().stream()
                    .filter(l -> l.location().equals(location)).findFirst().orElse(null);
            long onHand = level == null ? 0 : level.onHand();
            long reserved = level == null ? 0 : level.reserved();
            long difference = line.onHand() - onHand;
            long adjusted = Math.max(difference, reserved - onHand); // never below what orders hold
            if (adjusted != 0) {
                inventory.adjust(new Adjustment(line.sku(), location, adjusted,
                        "stock report " + report.reference() + " of " + location, report.reference()),
                        "STOCK_REPORT");
            }
            lines.add(new StockReconciliation.Line(line.sku(), onHand, line.onHand(), adjusted, adjusted - difference));
            if (costs.containsKey(line.sku())) {
                reports.saveUnitCost(location, line.sku(), costs.get(line.sku()), line.currency(), clock.instant());
            }
        }
        partners.stockReported(location, clock.instant());
        StockReconciliation answer = new StockReconciliation(report.reference(), false, lines);
        reports.answerStockReport(location, report.reference(), json.write(answer));
        return answer;
    }

    /** The partner of an external location, once the signature proves the body is its own and recent. */
    private Partners.Registered verified(String location, String signature, byte[] body) {
        Partners.Registered partner = registered(location, body);
        WebhookSignature.verify(SIGNATURE, signature, body, partner.secret(), TOLERANCE, clock);
        return partner;
    }

    /** The partner of an external location (404 without one), with a body to read (422 without). */
    private Partners.Registered registered(String location, byte[] body) {
        Partners.Registered partner = partners.find(location)
                .orElseThrow(() -> new NotFoundException("Fulfilment partner", location));
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("platform.is_required"));
        }
        return partner;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.add(new FieldError(field, Wording.of("outsourcing.is_required_at_most_characters", max)));
        }
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
