package org.ordo.promise;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.ExpectedReceipt;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.inventory.StockStatus;
import org.ordo.ordering.DeliveryPromise;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextInput;
import org.ordo.promise.internal.Bookings;
import org.ordo.promise.internal.CalendarCache;
import org.ordo.promise.internal.Calendars;
import org.ordo.promise.internal.Destinations;
import org.ordo.promise.internal.PromiseSettings;
import org.ordo.promise.internal.PublicHolidays;
import org.ordo.promise.internal.Schedule;
import org.ordo.promise.internal.Weekdays;
import org.ordo.purchasing.PromisableStock;
import org.ordo.purchasing.PurchasingManagement;
import org.ordo.purchasing.StockPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery promises: the options a checkout shows ({@link #promise}), the promise of every new order (as
 * ordering's {@link DeliveryPromise}, booking the warehouse's capacity), and the calendars they are computed from.
 * Both paths run the same computation ({@link Schedule}); docs/promise.md states its rules.
 */
@Service
public class PromiseManagement implements DeliveryPromise {

    /** The most lines one query may ask about. */
    public static final int MAX_LINES = 100;
    public static final long MAX_QUANTITY = InventoryManagement.MAX_QUANTITY;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final java.util.regex.Pattern CHANNEL = java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,32}");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final Calendars calendars;
    private final CalendarCache cache;
    private final Bookings bookings;
    private final InventoryManagement inventory;
    private final PurchasingManagement purchasing;
    private final Catalog catalog;
    private final PromiseSettings settings;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<org.ordo.inventory.FulfilmentRouting> routing;
    private final Schedule schedule = new Schedule(new PublicHolidays());

    PromiseManagement(Calendars calendars, CalendarCache cache, Bookings bookings, InventoryManagement inventory,
            PurchasingManagement purchasing, Catalog catalog, PromiseSettings settings, Clock clock,
            org.springframework.beans.factory.ObjectProvider<org.ordo.inventory.FulfilmentRouting> routing) {
        this.routing = routing;
        this.calendars = calendars;
        this.cache = cache;
        this.bookings = bookings;
        this.inventory = inventory;
        this.purchasing = purchasing;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    // --- promising ----------------------------------------------------------------------------------------------

    /**
     * The ways to deliver these lines, earliest delivery first; reads only, books nothing. Refuses invalid input
     * with 422 naming every faulty field; a SKU that cannot be promised is named in {@code unavailable}.
     */
    @Transactional(readOnly = true)
    public PromiseAnswer promise(PromiseQuery query) {
        Map<String, Long> quantities = check(query);
        Instant now = clock.instant();
        Context context = context(now);
        List<Need> needs = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        // the warehouses are tried in the order allocation would take them: the routing rules' rank, then priority
        org.ordo.inventory.FulfilmentRouting.Ranks ranks = routing.orderedStream().findFirst()
                .map(r -> r.ranks(query.channel(), quantities.keySet())).orElse(null);
        quantities.forEach((sku, quantity) -> {
            List<Need> found = fromStock(sku, quantity, ranks);
            if (found.isEmpty()) {
                found = fromSupply(sku, quantity, catalog.require(sku), context);
            }
            if (found.isEmpty()) {
                unavailable.add(sku);
            }
            needs.addAll(found);
        });
        if (!unavailable.isEmpty()) {
            return new PromiseAnswer(List.of(), unavailable);
        }
        return new PromiseAnswer(options(needs, Destinations.of(query.country(), query.postalCode(), query.region()),
                query.carrier(), now, context), List.of());
    }

    /**
     * The promise of a new order, in the placement's transaction: the reserved units ship from where they are
     * reserved, backordered ones from what is incoming or from the supplier; the carrier service with the earliest
     * delivery is chosen, and each shipment's day is booked against its warehouse's capacity (a full day moves it
     * to the next ship day). Records one promise per shipment.
     */
    @Override
    public Optional<Promised> promise(Demand demand) {
        if (demand.country() == null || demand.lines().isEmpty()) {
            return Optional.empty();
        }
        Context context = context(demand.placedAt());
        List<Need> needs = new ArrayList<>();
        for (Line line : demand.lines()) {
            for (Reserved r : line.reserved()) {
                needs.add(new Need(line.sku(), r.location(), SupplySource.STOCK, null, null, null));
            }
            if (line.backordered() > 0) {
                List<Need> supply = fromSupply(line.sku(), line.backordered(),
                        catalog.find(line.sku()).orElse(null), context);
                needs.addAll(supply.isEmpty() ? List.of(backorder(line.sku(), firstLocation(context),
                        settings.backorderLeadTimeDays(), context)) : supply);
            }
        }
        Schedule.Destination to = Destinations.of(demand.country(), demand.postalCode(), demand.region());
        List<PromiseOption> options = options(needs, to, null, demand.placedAt(), context);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        PromiseOption best = options.get(0);
        List<Bookings.Promised> promised = new ArrayList<>();
        Instant mustShipAt = null;
        LocalDate shipBy = null;
        LocalDate deliverBy = null;
        // Booking rows are locked until the placement commits: by warehouse code, so two placements that ship from
        // the same two warehouses cannot wait for each other the other way round
        List<PromiseOption.Shipment> byCode = best.shipments().stream()
                .sorted(Comparator.comparing(PromiseOption.Shipment::warehouse)).toList();
        for (PromiseOption.Shipment s : byCode) {
            Schedule.Warehouse w = context.warehouse(s.warehouse());
            Schedule.Service service = context.service(best.carrier(), best.service(), s.warehouse(), to).orElseThrow();
            int capacity = context.capacity(s.warehouse());
            LocalDate day = schedule.shipBy(demand.placedAt(), ready(s), w, service,
                    d -> bookings.book(s.warehouse(), d, capacity));
            LocalDate arrives = schedule.deliverBy(day, service, to);
            promised.add(new Bookings.Promised(demand.orderId(), s.warehouse(), best.carrier(), best.service(),
                    s.source().name(), day, arrives));
            if (shipBy == null || day.isAfter(shipBy)) {
                shipBy = day;
                mustShipAt = Schedule.cutOffOn(day, w, service);
            }
            deliverBy = deliverBy == null || arrives.isAfter(deliverBy) ? arrives : deliverBy;
        }
        bookings.record(promised, demand.orderNumber(), clock.instant());
        return Optional.of(new Promised(shipBy, deliverBy, mustShipAt, promised.stream()
                .sorted(Comparator.comparing(Bookings.Promised::shipBy).thenComparing(Bookings.Promised::location))
                .map(PromiseManagement::shipment).toList()));
    }

    /**
     * A cancelled order gives its booked ship days back, so that the capacity it held is promised to the next
     * orders (docs/promise.md). Handled once even when the event comes twice.
     */
    @org.springframework.modulith.events.ApplicationModuleListener
    void on(org.ordo.ordering.OrderCancelled cancelled) {
        bookings.release(cancelled.orderId(), clock.instant());
    }

    /**
     * A changed order is promised again from now, as a new order would be (docs/promise.md, "Changed orders"): its
     * open shipments give their booked days back and the changed lines book theirs, in one transaction after the
     * change committed. Returns the new promise; empty when the order keeps the one it has: it has no computed
     * promise, something of it shipped already, it is closed, or the change set a date the caller agreed.
     */
    @Transactional
    public Optional<Promised> promiseAgain(org.ordo.ordering.OrderView order) {
        bookings.lockOrder(order.id());
        List<Bookings.Promised> before = bookings.of(order.id());
        if (before.isEmpty() || order.fulfillmentStatus().hasShipped() || order.shippingAddress() == null
                || (order.status() != org.ordo.ordering.OrderStatus.OPEN
                        && order.status() != org.ordo.ordering.OrderStatus.ON_HOLD)
                || !order.promisedAt().equals(mustShipAt(before, order))) {
            return Optional.empty();
        }
        bookings.forget(order.id());
        List<Line> lines = new ArrayList<>();
        for (org.ordo.ordering.OrderView.Line line : order.lines()) {
            if ("PHYSICAL".equals(line.type())) {
                lines.add(new Line(line.sku(), line.quantity(), order.reservations().stream()
                        .filter(r -> r.lineNo() == line.lineNo() && "ACTIVE".equals(r.status()) && r.quantity() > 0)
                        .map(r -> new Reserved(r.location(), r.quantity())).toList(), line.backordered()));
            }
        }
        return promise(new Demand(order.id(), order.number(), clock.instant(), order.shippingAddress().country(),
                order.shippingAddress().postalCode(), order.shippingAddress().region(), lines));
    }

    /** The cut-off of an order's latest promised shipment: its promisedAt, unless a caller set another. */
    private Instant mustShipAt(List<Bookings.Promised> shipments, org.ordo.ordering.OrderView order) {
        Context context = context(clock.instant());
        Bookings.Promised last = shipments.stream().max(Comparator.comparing(Bookings.Promised::shipBy)).orElseThrow();
        return context.services.stream().filter(c -> c.carrier().equals(last.carrier())
                && c.service().equals(last.service())).findFirst()
                .map(c -> last.shipBy().atTime(context.cutOff(c, last.location()))
                        .atZone(context.warehouse(last.location()).zone()).toInstant())
                .orElse(order.promisedAt());
    }

    // --- at risk ------------------------------------------------------------------------------------------------

    /**
     * The open shipments whose work ahead no longer fits before their ship-by cut-off (docs/promise.md, "At risk").
     * {@code open} comes per warehouse in queue order; a shipment's work ahead is its place in its warehouse's
     * queue (itself and every open shipment before it, late ones too). The room it has is what the warehouse can
     * still ship up to its ship-by day: the part of today's capacity left before the cut-off (the day's capacity
     * spread evenly from the shift start to the cut-off), and the whole capacity of each ship day after today.
     * A shipment whose cut-off has passed is late, not at risk: the order's delay notice covers it.
     */
    List<Bookings.Open> atRisk(List<Bookings.Open> open, Instant now) {
        Context context = context(now);
        List<Bookings.Open> atRisk = new ArrayList<>();
        Map<String, Integer> ahead = new HashMap<>();
        for (Bookings.Open s : open) {
            int place = ahead.merge(s.location(), 1, Integer::sum);
            Optional<CarrierService> cs = context.services.stream()
                    .filter(c -> c.carrier().equals(s.carrier()) && c.service().equals(s.service())).findFirst();
            if (cs.isEmpty()) {
                continue;
            }
            Schedule.Warehouse w = context.warehouse(s.location());
            Schedule.Service service = new Schedule.Service(s.carrier(), s.service(),
                    Set.copyOf(cs.get().deliveryDays()), context.cutOff(cs.get(), s.location()), 0);
            if (!now.isBefore(Schedule.cutOffOn(s.shipBy(), w, service))) {
                continue;
            }
            int capacity = context.capacity(s.location());
            java.time.ZonedDateTime local = now.atZone(w.zone());
            long room = 0;
            for (LocalDate d = local.toLocalDate(); !d.isAfter(s.shipBy()) && room < place; d = d.plusDays(1)) {
                if (schedule.shipsOn(w, service, d)) {
                    room += d.equals(local.toLocalDate()) ? leftToday(capacity, local.toLocalTime(), service.cutOff())
                            : capacity;
                }
            }
            if (place > room) {
                atRisk.add(s);
            }
        }
        return atRisk;
    }

    /** A promise moved by {@link #moves}: the order's new dates, from all its shipments, and why. */
    record Moved(java.util.UUID orderId, LocalDate shipBy, LocalDate deliverBy, Instant mustShipAt,
            org.ordo.ordering.OrderDelays.Cause cause) {
    }

    /**
     * Moves the open shipments whose promise can no longer be kept to the day they can ship (docs/promise.md,
     * "Delay notice"), computed as at placement and booking that day's capacity (the old day is given back):
     * <ul>
     *   <li>missed: its ship-by cut-off passed and it has not left: from now, as a new order would;</li>
     *   <li>at risk ({@link #atRisk}): from the ship day after its ship-by day;</li>
     *   <li>supply: it waits for goods (INCOMING or BACKORDER) that now come too late for its ship-by day: the open
     *       purchase orders' expected dates, in date order, until they cover the order's backordered units (a date
     *       that has passed is no longer counted on), else the supplier's lead time from today.</li>
     * </ul>
     * A promise only ever moves later. Returns each order whose promise moved, with its new dates; runs in the
     * caller's transaction, which holds the booked days until it commits.
     */
    List<Moved> moves(List<Bookings.Open> open, Instant now,
            java.util.function.Function<java.util.UUID, org.ordo.ordering.OrderView> orders) {
        Context context = context(now);
        Set<String> risky = new HashSet<>();
        atRisk(open, now).forEach(s -> risky.add(s.orderId() + " " + s.location()));
        Map<java.util.UUID, org.ordo.ordering.OrderView> read = new HashMap<>();
        Map<java.util.UUID, org.ordo.ordering.OrderDelays.Cause> causes = new LinkedHashMap<>();
        for (Bookings.Open s : open) {
            Optional<CarrierService> cs = context.services.stream()
                    .filter(c -> c.carrier().equals(s.carrier()) && c.service().equals(s.service())).findFirst();
            if (cs.isEmpty()) {
                continue;
            }
            Schedule.Warehouse w = context.warehouse(s.location());
            boolean missed = !now.isBefore(Schedule.cutOffOn(s.shipBy(), w, new Schedule.Service(s.carrier(),
                    s.service(), Set.copyOf(cs.get().deliveryDays()), context.cutOff(cs.get(), s.location()), 0)));
            boolean risk = risky.contains(s.orderId() + " " + s.location());
            boolean supply = !SupplySource.STOCK.name().equals(s.source());
            if (!missed && !risk && !supply) {
                continue;
            }
            org.ordo.ordering.OrderView order = read.computeIfAbsent(s.orderId(), orders);
            if (order.shippingAddress() == null || order.shippingAddress().country() == null) {
                continue;
            }
            Schedule.Destination to = Destinations.of(order.shippingAddress().country(),
                    order.shippingAddress().postalCode(), order.shippingAddress().region());
            Optional<Schedule.Service> service = context.service(s.carrier(), s.service(), s.location(), to);
            if (service.isEmpty()) {
                continue;
            }
            LocalDate readyOn = supply ? readyOn(order, context) : null;
            if (risk && !missed && (readyOn == null || !readyOn.isAfter(s.shipBy()))) {
                readyOn = s.shipBy().plusDays(1);
            }
            if (!missed && !risk
                    && !schedule.shipBy(now, readyOn, w, service.get(), d -> true).isAfter(s.shipBy())) {
                continue; // the goods still come in time
            }
            int capacity = context.capacity(s.location());
            LocalDate day = schedule.shipBy(now, readyOn, w, service.get(),
                    d -> d.isAfter(s.shipBy()) && bookings.book(s.location(), d, capacity));
            if (bookings.move(s.orderId(), s.location(), day, schedule.deliverBy(day, service.get(), to))) {
                bookings.unbook(s.location(), s.shipBy());
                causes.putIfAbsent(s.orderId(), missed ? org.ordo.ordering.OrderDelays.Cause.MISSED
                        : risk ? org.ordo.ordering.OrderDelays.Cause.AT_RISK
                        : org.ordo.ordering.OrderDelays.Cause.SUPPLY);
            } else {
                bookings.unbook(s.location(), day);
            }
        }
        List<Moved> moved = new ArrayList<>();
        causes.forEach((orderId, cause) -> {
            List<Bookings.Promised> shipments = bookings.of(orderId);
            Bookings.Promised last = shipments.stream().max(Comparator.comparing(Bookings.Promised::shipBy))
                    .orElseThrow();
            LocalDate deliverBy = shipments.stream().map(Bookings.Promised::deliverBy).max(Comparator.naturalOrder())
                    .orElseThrow();
            LocalTime cutOff = context.services.stream().filter(c -> c.carrier().equals(last.carrier())
                    && c.service().equals(last.service())).findFirst()
                    .map(c -> context.cutOff(c, last.location())).orElse(LocalTime.MIDNIGHT);
            moved.add(new Moved(orderId, last.shipBy(), deliverBy, last.shipBy().atTime(cutOff)
                    .atZone(context.warehouse(last.location()).zone()).toInstant(), cause));
        });
        return moved;
    }

    /** When an order's backordered units are ready: the latest of its backordered lines; null when none is. */
    private LocalDate readyOn(org.ordo.ordering.OrderView order, Context context) {
        LocalDate latest = null;
        for (org.ordo.ordering.OrderView.Line line : order.lines()) {
            if (line.backordered() > 0) {
                LocalDate ready = supplyReadyOn(line.sku(), line.backordered(), context);
                latest = latest == null || ready.isAfter(latest) ? ready : latest;
            }
        }
        return latest;
    }

    private LocalDate supplyReadyOn(String sku, long quantity, Context context) {
        long covered = 0;
        for (ExpectedReceipt e : inventory.expected(sku).stream()
                .sorted(Comparator.comparing(ExpectedReceipt::expectedOn)).toList()) {
            if (!e.expectedOn().isBefore(context.today)) {
                covered += e.quantity();
                if (covered >= quantity) {
                    return e.expectedOn();
                }
            }
        }
        int lead = purchasing.policies(sku).stream().mapToInt(StockPolicy::effectiveLeadTimeDays).min()
                .orElse(settings.backorderLeadTimeDays());
        return context.today.plusDays(lead);
    }

    /** The part of a day's capacity left at {@code now}: spread evenly from the shift start to the cut-off. */
    private long leftToday(int capacity, LocalTime now, LocalTime cutOff) {
        LocalTime start = settings.shiftStartTime();
        if (!now.isBefore(cutOff)) {
            return 0;
        }
        if (!now.isAfter(start) || !cutOff.isAfter(start)) {
            return capacity;
        }
        return capacity * java.time.Duration.between(now, cutOff).toMinutes()
                / java.time.Duration.between(start, cutOff).toMinutes();
    }

    /**
     * The orders booked per day against each warehouse's capacity for the next {@code days} days from today (UTC),
     * for peak planning; a day without a booking shows the capacity the warehouse's calendar gives it now.
     */
    @Transactional(readOnly = true)
    public BookedDays bookedDays(int days) {
        Context context = context(clock.instant());
        LocalDate from = context.today;
        LocalDate to = from.plusDays(days - 1L);
        List<LocalDate> window = from.datesUntil(to.plusDays(1)).toList();
        Map<String, Map<LocalDate, Bookings.Day>> booked = new java.util.TreeMap<>();
        context.snapshot.warehouses().keySet().forEach(l -> booked.put(l, new HashMap<>()));
        for (Bookings.Day d : bookings.days(from, to)) {
            booked.computeIfAbsent(d.location(), l -> new HashMap<>()).put(d.day(), d);
        }
        List<BookedDays.Warehouse> warehouses = new ArrayList<>();
        booked.forEach((location, byDay) -> {
            Schedule.Warehouse w = context.warehouse(location);
            int capacity = context.capacity(location);
            warehouses.add(new BookedDays.Warehouse(location, capacity, window.stream().map(day -> {
                Bookings.Day b = byDay.get(day);
                return new BookedDays.Day(day, b == null ? 0 : b.booked(), b == null ? capacity : b.capacity(),
                        schedule.worksOn(w, day));
            }).toList()));
        });
        return new BookedDays(window, warehouses);
    }

    /**
     * Whether promises were kept over the last {@code days} days (from today, UTC): per warehouse and carrier service,
     * the shipments shipped since then, how many by their ship-by day and how many delivered by their deliver-by day.
     */
    @Transactional(readOnly = true)
    public List<PromisesKept> kept(int days) {
        LocalDate since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days - 1L);
        return bookings.kept(since.atStartOfDay(ZoneOffset.UTC).toInstant(), settings.timeZone().getId()).stream()
                .map(k -> new PromisesKept(since, k.location(), k.carrier(), k.service(), k.shipped(),
                        k.shippedOnTime(), k.delivered(), k.deliveredOnTime())).toList();
    }

    Instant now() {
        return clock.instant();
    }

    /** Who is mailed when a shipment is at risk; empty when nobody is. */
    public Optional<String> alertRecipient() {
        return settings.alertEmail().isBlank() ? Optional.empty() : Optional.of(settings.alertEmail().trim());
    }

    public String alertLocale() {
        return settings.alertLocale();
    }

    /** The promise of each shipment of an order, as recorded when it was placed, earliest first; empty for older orders. */
    @Override
    public List<ShipmentPromise> promisedShipments(java.util.UUID orderId) {
        return bookings.of(orderId).stream().map(PromiseManagement::shipment).toList();
    }

    private static ShipmentPromise shipment(Bookings.Promised p) {
        return new ShipmentPromise(p.location(), p.carrier(), p.service(), p.source(), p.shipBy(), p.deliverBy());
    }

    private static LocalDate ready(PromiseOption.Shipment s) {
        return s.expectedOn() != null ? s.expectedOn() : null;
    }

    /** Goods of a line, and where and from when they can ship. */
    private record Need(String sku, String location, SupplySource source, LocalDate readyOn, LocalDate expectedOn,
            Integer leadTimeDays) {
    }

    private List<Need> fromStock(String sku, long quantity, org.ordo.inventory.FulfilmentRouting.Ranks ranks) {
        StockStatus stock = inventory.stock(sku);
        List<StockStatus.LocationStock> levels = stock.locations().stream().filter(l -> l.available() > 0)
                .sorted(Comparator.<StockStatus.LocationStock>comparingInt(l -> ranks == null ? 0
                        : ranks.of(sku, l.location())).thenComparingInt(StockStatus.LocationStock::priority)
                        .thenComparing(StockStatus.LocationStock::location)).toList();
        for (StockStatus.LocationStock l : levels) {
            if (l.available() >= quantity) {
                return List.of(new Need(sku, l.location(), SupplySource.STOCK, null, null, null));
            }
        }
        if (stock.available() < quantity) {
            return List.of();
        }
        // Together the warehouses have enough: split, in the routing rules' and priority order, as reserving would
        List<Need> parts = new ArrayList<>();
        long left = quantity;
        for (StockStatus.LocationStock l : levels) {
            if (left > 0) {
                parts.add(new Need(sku, l.location(), SupplySource.STOCK, null, null, null));
                left -= l.available();
            }
        }
        return parts;
    }

    /** Goods not in stock: the first date purchasing can promise them by (INCOMING), else the supplier (BACKORDER). */
    private List<Need> fromSupply(String sku, long quantity, Article article, Context context) {
        for (PromisableStock step : purchasing.availableToPromise(sku)) {
            if (step.from().isAfter(context.today) && step.quantity() >= quantity) {
                String location = inventory.expected(sku).stream().filter(e -> !e.expectedOn().isAfter(step.from()))
                        .reduce((a, b) -> b).map(ExpectedReceipt::location).orElse(firstLocation(context));
                return List.of(new Need(sku, location, SupplySource.INCOMING, step.from(), step.from(), null));
            }
        }
        Optional<StockPolicy> policy = purchasing.policies(sku).stream()
                .min(Comparator.comparingInt(StockPolicy::effectiveLeadTimeDays));
        if (policy.isPresent()) {
            return List.of(backorder(sku, policy.get().location(), policy.get().effectiveLeadTimeDays(), context));
        }
        if (article != null && article.backorderable() && firstLocation(context) != null) {
            return List.of(backorder(sku, firstLocation(context), settings.backorderLeadTimeDays(), context));
        }
        return List.of();
    }

    private static Need backorder(String sku, String location, int leadTimeDays, Context context) {
        LocalDate ready = context.today.plusDays(leadTimeDays);
        return new Need(sku, location, SupplySource.BACKORDER, ready, ready, leadTimeDays);
    }

    private static String firstLocation(Context context) {
        return context.locations.values().stream().filter(Location::active)
                .min(Comparator.comparingInt(Location::priority).thenComparing(Location::code)).map(Location::code).orElse(null);
    }

    /** One option per carrier service that reaches the destination from every warehouse involved. */
    private List<PromiseOption> options(List<Need> needs, Schedule.Destination to, String carrier, Instant now,
            Context context) {
        Map<String, List<Need>> byWarehouse = new LinkedHashMap<>();
        needs.stream().filter(n -> n.location() != null)
                .forEach(n -> byWarehouse.computeIfAbsent(n.location(), k -> new ArrayList<>()).add(n));
        if (byWarehouse.isEmpty()) {
            return List.of();
        }
        List<PromiseOption> options = new ArrayList<>();
        for (CarrierService cs : context.services) {
            if (!cs.active() || (carrier != null && !carrier.equals(cs.carrier()))) {
                continue;
            }
            List<PromiseOption.Shipment> shipments = new ArrayList<>();
            for (var group : byWarehouse.entrySet()) {
                String location = group.getKey();
                Schedule.Warehouse w = context.warehouse(location);
                Optional<Schedule.Service> service = context.service(cs.carrier(), cs.service(), location, to);
                if (service.isEmpty() || !Schedule.meet(w, service.get())) {
                    break;
                }
                List<Need> lines = group.getValue();
                LocalDate readyOn = lines.stream().map(Need::readyOn).filter(d -> d != null)
                        .max(Comparator.naturalOrder()).orElse(null);
                SupplySource source = lines.stream().map(Need::source).max(Comparator.naturalOrder()).orElseThrow();
                Integer lead = lines.stream().map(Need::leadTimeDays).filter(d -> d != null)
                        .max(Comparator.naturalOrder()).orElse(null);
                LocalDate shipBy = schedule.shipBy(now, readyOn, w, service.get(), context.room(location));
                shipments.add(new PromiseOption.Shipment(location, source, shipBy,
                        Schedule.cutOffOn(shipBy, w, service.get()), schedule.deliverBy(shipBy, service.get(), to),
                        readyOn, lead, lines.stream().map(Need::sku).distinct().toList()));
            }
            if (shipments.size() == byWarehouse.size()) {
                options.add(new PromiseOption(cs.carrier(), cs.service(),
                        shipments.stream().map(PromiseOption.Shipment::shipBy).max(Comparator.naturalOrder()).orElseThrow(),
                        shipments.stream().map(PromiseOption.Shipment::deliverBy).max(Comparator.naturalOrder()).orElseThrow(),
                        List.copyOf(shipments)));
            }
        }
        options.sort(Comparator.comparing(PromiseOption::deliverBy).thenComparing(PromiseOption::shipBy)
                .thenComparing(PromiseOption::carrier).thenComparing(PromiseOption::service));
        return options;
    }

    private Context context(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, Location> locations = new LinkedHashMap<>();
        inventory.locations().forEach(l -> locations.put(l.code(), l));
        return new Context(today, now, locations, cache.snapshot(today.minusDays(1)));
    }

    /** What one computation reads once: locations, calendars, and the capacity booked so far (per warehouse). */
    private final class Context {
        final LocalDate today;
        final Map<String, Location> locations;
        final Calendars.Snapshot snapshot;
        final List<CarrierService> services;
        private final Map<String, Map<LocalDate, Integer>> booked = new HashMap<>();
        private final Map<String, Schedule.Warehouse> warehouses = new HashMap<>();

        Context(LocalDate today, Instant now, Map<String, Location> locations, Calendars.Snapshot snapshot) {
            this.today = today;
            this.locations = locations;
            this.snapshot = snapshot;
            this.services = snapshot.services();
        }

        Schedule.Warehouse warehouse(String location) {
            return warehouses.computeIfAbsent(location, code -> {
                Set<LocalDate> closed = new HashSet<>();
                snapshot.closingDays().stream().filter(c -> c.location().equals("*") || c.location().equals(code))
                        .forEach(c -> closed.add(c.day()));
                Calendars.WarehouseRow row = snapshot.warehouses().get(code);
                if (row != null) {
                    return new Schedule.Warehouse(code, ZoneId.of(row.timeZone()), Set.copyOf(
                            Weekdays.of(row.workingDays())), row.handlingDays(),
                            row.country(), row.region(), closed);
                }
                Location l = locations.get(code);
                String country = l != null && l.address() != null && l.address().country() != null
                        ? l.address().country() : "DE";
                return new Schedule.Warehouse(code, settings.timeZone(), WEEKDAYS, settings.handlingDays(), country,
                        null, closed);
            });
        }

        int capacity(String location) {
            Calendars.WarehouseRow row = snapshot.warehouses().get(location);
            return row != null ? row.dailyCapacity() : settings.dailyCapacity();
        }

        /** Whether a day has room, from what was booked when this computation began (books nothing). */
        Predicate<LocalDate> room(String location) {
            Map<LocalDate, Integer> days = booked.computeIfAbsent(location, l -> bookings.booked(l, today.minusDays(1)));
            int capacity = capacity(location);
            return day -> days.getOrDefault(day, 0) < capacity;
        }

        /** A carrier service from a warehouse to a destination: empty when it does not go there. */
        Optional<Schedule.Service> service(String carrier, String service, String location, Schedule.Destination to) {
            return services.stream().filter(s -> s.carrier().equals(carrier) && s.service().equals(service))
                    .findFirst().flatMap(s -> transitDays(s, to.country()).map(days -> new Schedule.Service(carrier,
                            service, Set.copyOf(s.deliveryDays()), cutOff(s, location), days)));
        }

        private LocalTime cutOff(CarrierService s, String location) {
            return snapshot.cutOffs().stream().filter(c -> c.location().equals(location)
                    && c.carrier().equals(s.carrier()) && c.service().equals(s.service()))
                    .map(Calendars.CutOffRow::cutOff).findFirst().orElse(s.cutOff());
        }

        private static Optional<Integer> transitDays(CarrierService s, String country) {
            Optional<Integer> exact = s.transit().stream().filter(t -> t.zone().equals(country))
                    .map(CarrierService.Transit::days).findFirst();
            return exact.isPresent() ? exact : s.transit().stream().filter(t -> t.zone().equals("*"))
                    .map(CarrierService.Transit::days).findFirst();
        }
    }

    // --- input --------------------------------------------------------------------------------------------------

    /** The query's quantities per SKU (a SKU named twice counts once, with both quantities), or 422. */
    private Map<String, Long> check(PromiseQuery q) {
        List<FieldError> errors = new ArrayList<>();
        if (q.country() == null || !COUNTRY.matcher(q.country()).matches()) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 code such as DE"));
        }
        if (q.postalCode() != null && (q.postalCode().isBlank() || q.postalCode().length() > 20
                || TextInput.fault(q.postalCode(), false) != null)) {
            errors.add(new FieldError("postalCode", "must be 1 to 20 characters of one line"));
        }
        if (q.region() != null && !Destinations.REGION.matcher(q.region()).matches()) {
            errors.add(new FieldError("region", "must be the subdivision part of ISO 3166-2, such as BY"));
        }
        if (q.carrier() != null && !CODE.matcher(q.carrier()).matches()) {
            errors.add(new FieldError("carrier", "must be a carrier code such as DHL"));
        } else if (q.carrier() != null && cache.services(LocalDate.now(clock).minusDays(1)).stream()
                .noneMatch(s -> s.carrier().equals(q.carrier()))) {
            errors.add(new FieldError("carrier", "has no carrier service"));
        }
        if (q.channel() != null && !CHANNEL.matcher(q.channel()).matches()) {
            errors.add(new FieldError("channel", "must be a channel such as web: 1 to 64 letters, digits, . _ -"));
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        if (q.lines() == null || q.lines().isEmpty() || q.lines().size() > MAX_LINES) {
            errors.add(new FieldError("lines", "must have 1 to " + MAX_LINES + " lines"));
        } else {
            Map<String, Article> articles = catalog.findAll(q.lines().stream().map(PromiseQuery.Line::sku)
                    .filter(s -> s != null && s.length() <= 64).toList());
            for (int i = 0; i < q.lines().size(); i++) {
                PromiseQuery.Line line = q.lines().get(i);
                String field = "lines[" + i + "].";
                Article article = line.sku() == null ? null : articles.get(line.sku());
                if (line.sku() == null || line.sku().isBlank()) {
                    errors.add(new FieldError(field + "sku", "is required"));
                } else if (article == null) {
                    errors.add(new FieldError(field + "sku", "is not an article"));
                } else if (!article.isPhysical()) {
                    errors.add(new FieldError(field + "sku", "is not a physical article: it is delivered at once"));
                }
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                    errors.add(new FieldError(field + "quantity", "must be from 1 to " + MAX_QUANTITY));
                } else if (article != null) {
                    quantities.merge(line.sku(), line.quantity(), (a, b) -> Math.min(MAX_QUANTITY, a + b));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return quantities;
    }

    // --- calendars ----------------------------------------------------------------------------------------------

    /** Every location's calendar, its own or the defaults. */
    @Transactional(readOnly = true)
    public List<WarehouseCalendar> warehouses() {
        var rows = calendars.warehouses();
        var cutOffs = calendars.cutOffs();
        return inventory.locations().stream().map(l -> calendar(l, rows.get(l.code()), cutOffs)).toList();
    }

    private WarehouseCalendar calendar(Location l, Calendars.WarehouseRow row, List<Calendars.CutOffRow> cutOffs) {
        List<WarehouseCalendar.CutOff> own = cutOffs.stream().filter(c -> c.location().equals(l.code()))
                .map(c -> new WarehouseCalendar.CutOff(c.carrier(), c.service(), c.cutOff())).toList();
        if (row == null) {
            String country = l.address() != null && l.address().country() != null ? l.address().country() : "DE";
            return new WarehouseCalendar(l.code(), settings.timeZone().getId(), country, null, List.copyOf(WEEKDAYS),
                    settings.handlingDays(), settings.dailyCapacity(), own, false, null);
        }
        return new WarehouseCalendar(l.code(), row.timeZone(), row.country(), row.region(),
                List.copyOf(Weekdays.of(row.workingDays())), row.handlingDays(),
                row.dailyCapacity(), own, true, row.updatedAt());
    }

    /**
     * Replaces a warehouse's calendar (404 for an unknown location, 422 naming every faulty field). Promises made
     * before keep their dates; capacity already booked stays booked.
     */
    @Transactional
    public WarehouseCalendar setWarehouse(String location, WarehouseCalendarDraft d) {
        Location l = inventory.locations().stream().filter(x -> x.code().equals(location)).findFirst()
                .orElseThrow(() -> new NotFoundException("location", location));
        List<FieldError> errors = new ArrayList<>();
        try {
            if (d.timeZone() == null || d.timeZone().length() > 64) {
                errors.add(new FieldError("timeZone", "is required: an IANA time zone such as Europe/Berlin"));
            } else {
                ZoneId.of(d.timeZone());
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "is not a time zone: use an IANA name such as Europe/Berlin"));
        }
        if (d.country() == null || !COUNTRY.matcher(d.country()).matches()) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 code such as DE"));
        }
        if (d.region() != null && !Destinations.REGION.matcher(d.region()).matches()) {
            errors.add(new FieldError("region", "must be the subdivision part of ISO 3166-2, such as BY"));
        }
        days(errors, "workingDays", d.workingDays());
        if (d.handlingDays() == null || d.handlingDays() < 0 || d.handlingDays() > 30) {
            errors.add(new FieldError("handlingDays", "must be from 0 to 30"));
        }
        if (d.dailyCapacity() == null || d.dailyCapacity() < 1 || d.dailyCapacity() > 1_000_000) {
            errors.add(new FieldError("dailyCapacity", "must be from 1 to 1000000"));
        }
        List<WarehouseCalendar.CutOff> cutOffs = d.cutOffs() == null ? List.of() : d.cutOffs();
        if (cutOffs.size() > 100) {
            errors.add(new FieldError("cutOffs", "must have at most 100 entries"));
        } else {
            List<CarrierService> services = calendars.services();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cutOffs.size(); i++) {
                WarehouseCalendar.CutOff c = cutOffs.get(i);
                if (c.carrier() == null || c.service() == null || services.stream().noneMatch(
                        s -> s.carrier().equals(c.carrier()) && s.service().equals(c.service()))) {
                    errors.add(new FieldError("cutOffs[" + i + "]", "names no carrier service"));
                } else if (!seen.add(c.carrier() + " " + c.service())) {
                    errors.add(new FieldError("cutOffs[" + i + "]", "names its carrier service twice"));
                }
                if (c.cutOff() == null) {
                    errors.add(new FieldError("cutOffs[" + i + "].cutOff", "is required, such as 14:00"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        cache.changing();
        calendars.saveWarehouse(new Calendars.WarehouseRow(location, d.timeZone(), d.country(), d.region(),
                Weekdays.bits(d.workingDays()), d.handlingDays().intValue(),
                d.dailyCapacity().intValue(), clock.instant()), cutOffs);
        return calendar(l, calendars.warehouses().get(location), calendars.cutOffs());
    }

    /** Every carrier service, active or not. */
    @Transactional(readOnly = true)
    public List<CarrierService> services() {
        return calendars.services();
    }

    /** Creates or replaces a carrier service with its transit days (422 naming every faulty field). */
    @Transactional
    public CarrierService setService(String carrier, String service, CarrierService.Draft d) {
        List<FieldError> errors = new ArrayList<>();
        if (carrier == null || !CODE.matcher(carrier).matches()) {
            errors.add(new FieldError("carrier", "must be 1 to 32 of A-Z, 0-9 and _"));
        }
        if (service == null || !CODE.matcher(service).matches()) {
            errors.add(new FieldError("service", "must be 1 to 32 of A-Z, 0-9 and _"));
        }
        days(errors, "deliveryDays", d.deliveryDays());
        if (d.cutOff() == null) {
            errors.add(new FieldError("cutOff", "is required, such as 15:00"));
        }
        if (d.active() == null) {
            errors.add(new FieldError("active", "is required"));
        }
        if (d.transit() == null || d.transit().isEmpty() || d.transit().size() > 300) {
            errors.add(new FieldError("transit", "must have 1 to 300 zones"));
        } else {
            Set<String> zones = new HashSet<>();
            for (int i = 0; i < d.transit().size(); i++) {
                CarrierService.Transit t = d.transit().get(i);
                if (t.zone() == null || !(t.zone().equals("*") || COUNTRY.matcher(t.zone()).matches())) {
                    errors.add(new FieldError("transit[" + i + "].zone", "must be a country code such as DE, or *"));
                } else if (!zones.add(t.zone())) {
                    errors.add(new FieldError("transit[" + i + "].zone", "is named twice"));
                }
                if (t.days() == null || t.days() < 0 || t.days() > 60) {
                    errors.add(new FieldError("transit[" + i + "].days", "must be from 0 to 60"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        cache.changing();
        calendars.saveService(carrier, service, d.deliveryDays(), d.cutOff(), d.active(), d.transit(), clock.instant());
        return calendars.service(carrier, service).orElseThrow();
    }

    /** Closing days from today on. */
    @Transactional(readOnly = true)
    public List<ClosingDay> closingDays() {
        return calendars.closingDays(LocalDate.now(clock).minusDays(1));
    }

    /** Adds a closing day of the company ({@code *}) or a warehouse, or changes its reason (422, 404). */
    @Transactional
    public ClosingDay close(ClosingDay day) {
        List<FieldError> errors = new ArrayList<>();
        if (day.location() == null) {
            errors.add(new FieldError("location", "is required: a location code, or * for every warehouse"));
        } else if (!day.location().equals("*")
                && inventory.locations().stream().noneMatch(l -> l.code().equals(day.location()))) {
            errors.add(new FieldError("location", "is no location"));
        }
        if (day.day() == null) {
            errors.add(new FieldError("day", "is required"));
        }
        if (day.reason() == null || day.reason().isBlank() || day.reason().length() > 200
                || TextInput.fault(day.reason(), false) != null) {
            errors.add(new FieldError("reason", "must be 1 to 200 characters of one line"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ClosingDay stored = new ClosingDay(day.location(), day.day(), day.reason().strip());
        cache.changing();
        calendars.saveClosingDay(stored);
        return stored;
    }

    private static void days(List<FieldError> errors, String field, List<DayOfWeek> days) {
        if (days == null || days.isEmpty() || days.size() > 7 || days.stream().anyMatch(d -> d == null)) {
            errors.add(new FieldError(field, "must name 1 to 7 weekdays, such as MONDAY"));
        } else if (Set.copyOf(days).size() != days.size()) {
            errors.add(new FieldError(field, "names a weekday twice"));
        }
    }

    /** Days booked beyond their capacity; empty when the rule holds (the invariant checker's rule). */
    @Transactional(readOnly = true)
    public List<String> overbookedDays() {
        return bookings.overbooked();
    }
}
