package org.ordo.promise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.FulfilmentRouting;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.StockLevel;
import org.ordo.ordering.DeliveryPromise;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.ordo.promise.internal.Bookings;
import org.ordo.promise.internal.CalendarCache;
import org.ordo.promise.internal.DeliveryOptions;
import org.ordo.promise.internal.Destinations;
import org.ordo.promise.internal.PromiseContext;
import org.ordo.promise.internal.PromiseSettings;
import org.ordo.promise.internal.Schedule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery promises: the options a checkout shows ({@link #promise}), the promise of every new order (as
 * ordering's {@link DeliveryPromise}, booking the warehouse's capacity, see {@link OrderPromises}), and what the
 * dashboard shows of them. Both paths run the same computation ({@link DeliveryOptions}, {@link Schedule});
 * the calendars are set through {@link PromiseCalendars}, and promises that can no longer be kept move in
 * {@link PromiseMoves}. docs/promise.md states the rules.
 */
@Service
public class PromiseManagement implements DeliveryPromise {

    /** The most lines one query may ask about. */
    public static final int MAX_LINES = 100;
    public static final long MAX_QUANTITY = InventoryManagement.MAX_QUANTITY;
    private static final Pattern CHANNEL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private final CalendarCache cache;
    private final Bookings bookings;
    private final DeliveryOptions deliveries;
    private final OrderPromises orders;
    private final Catalog catalog;
    private final PromiseSettings settings;
    private final Clock clock;
    private final Schedule schedule;

    PromiseManagement(CalendarCache cache, Bookings bookings, DeliveryOptions deliveries, OrderPromises orders,
            Catalog catalog, PromiseSettings settings, Clock clock, Schedule schedule) {
        this.cache = cache;
        this.bookings = bookings;
        this.deliveries = deliveries;
        this.orders = orders;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.schedule = schedule;
    }

    /**
     * The ways to deliver these lines, earliest delivery first; reads only, books nothing. Refuses invalid input
     * with 422 naming every faulty field; a SKU that cannot be promised is named in {@code unavailable}. Reads the
     * articles, the stock of every line and the booked days of the warehouses involved; the calendars and
     * locations come from this node's copy ({@link CalendarCache}).
     */
    public PromiseAnswer promise(PromiseQuery query) {
        // No transaction: a product page asks on every view, and an estimate needs no single snapshot (the order's
        // own promise is booked in the placement's transaction); this saves a round trip and its bookkeeping.
        Map<String, Article> articles = new HashMap<>();
        Map<String, Long> quantities = check(query, articles);
        Instant now = clock.instant();
        PromiseContext context = cache.context(now);
        Map<String, List<StockLevel>> stock = deliveries.available(quantities.keySet());
        // the warehouses are tried in the order allocation would take them: the routing rules' rank, then priority;
        // the rules are read only when a SKU is in stock at more than one warehouse, where the order matters
        FulfilmentRouting.Ranks ranks = stock.values().stream().anyMatch(levels -> levels.size() > 1)
                ? deliveries.ranks(query.channel(), quantities.keySet()) : null;
        List<DeliveryOptions.Need> needs = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            List<DeliveryOptions.Need> found = deliveries.fromStock(sku, quantity, stock.getOrDefault(sku, List.of()),
                    ranks, context);
            if (found.isEmpty()) {
                found = deliveries.fromSupply(sku, quantity, stock.getOrDefault(sku, List.of()).stream()
                        .mapToLong(StockLevel::available).sum(), articles.get(sku), context);
            }
            if (found.isEmpty()) {
                unavailable.add(sku);
            }
            needs.addAll(found);
        });
        if (!unavailable.isEmpty()) {
            return new PromiseAnswer(List.of(), unavailable);
        }
        return new PromiseAnswer(deliveries.options(needs, Destinations.of(query.country(), query.postalCode(),
                query.region()), query.carrier(), now, context), List.of());
    }

    /** See {@link OrderPromises#promise}: the promise of a new order, booked in the placement's transaction. */
    @Override
    public Optional<Promised> promise(Demand demand) {
        return orders.promise(demand);
    }

    /** The promise of each shipment of an order, as recorded when it was placed, earliest first; empty for older orders. */
    @Override
    public List<ShipmentPromise> promisedShipments(UUID orderId) {
        return orders.promisedShipments(orderId);
    }

    /**
     * The orders booked per day against each warehouse's capacity for the next {@code days} days from today (UTC),
     * for peak planning; a day without a booking shows the capacity the warehouse's calendar gives it now.
     */
    @Transactional(readOnly = true)
    public BookedDays bookedDays(int days) {
        PromiseContext context = cache.context(clock.instant());
        LocalDate from = context.today();
        LocalDate to = from.plusDays(days - 1L);
        List<LocalDate> window = from.datesUntil(to.plusDays(1)).toList();
        Map<String, Map<LocalDate, Bookings.Day>> booked = new java.util.TreeMap<>();
        context.snapshot().warehouses().keySet().forEach(l -> booked.put(l, new HashMap<>()));
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

    /** Who is mailed when a shipment is at risk; empty when nobody is. */
    public Optional<String> alertRecipient() {
        return settings.alertEmail().isBlank() ? Optional.empty() : Optional.of(settings.alertEmail().trim());
    }

    public String alertLocale() {
        return settings.alertLocale();
    }

    // --- input --------------------------------------------------------------------------------------------------

    /** The query's quantities per SKU (a SKU named twice counts once, with both quantities), or 422. */
    private Map<String, Long> check(PromiseQuery q, Map<String, Article> found) {
        List<FieldError> errors = new ArrayList<>();
        if (!PromiseCalendars.isCountry(q.country())) {
            errors.add(new FieldError("country", Wording.of("promise.must_be_an_iso_3166_1")));
        }
        if (q.postalCode() != null && (q.postalCode().isBlank() || q.postalCode().length() > 20
                || TextInput.fault(q.postalCode(), false) != null)) {
            errors.add(new FieldError("postalCode", Wording.of("promise.must_be_1_to_20_characters")));
        }
        if (q.region() != null && !Destinations.REGION.matcher(q.region()).matches()) {
            errors.add(new FieldError("region", Wording.of("promise.must_be_the_subdivision_part_of")));
        }
        if (q.carrier() != null && !PromiseCalendars.CODE.matcher(q.carrier()).matches()) {
            errors.add(new FieldError("carrier", Wording.of("promise.must_be_a_carrier_code_such")));
        } else if (q.carrier() != null && cache.services(LocalDate.now(clock).minusDays(1)).stream()
                .noneMatch(s -> s.carrier().equals(q.carrier()))) {
            errors.add(new FieldError("carrier", Wording.of("promise.has_no_carrier_service")));
        }
        if (q.channel() != null && !CHANNEL.matcher(q.channel()).matches()) {
            errors.add(new FieldError("channel", Wording.of("promise.must_be_a_channel_such_as")));
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        if (q.lines() == null || q.lines().isEmpty() || q.lines().size() > MAX_LINES) {
            errors.add(new FieldError("lines", Wording.of("promise.must_have_1_to_lines", MAX_LINES)));
        } else {
            Map<String, Article> articles = catalog.findAll(q.lines().stream().map(PromiseQuery.Line::sku)
                    .filter(s -> s != null && s.length() <= 64).toList());
            for (int i = 0; i < q.lines().size(); i++) {
                PromiseQuery.Line line = q.lines().get(i);
                String field = "lines[" + i + "].";
                Article article = line.sku() == null ? null : articles.get(line.sku());
                if (article != null) {
                    found.put(line.sku(), article);
                }
                if (line.sku() == null || line.sku().isBlank()) {
                    errors.add(new FieldError(field + "sku", Wording.of("platform.is_required")));
                } else if (article == null) {
                    errors.add(new FieldError(field + "sku", Wording.of("promise.is_not_an_article")));
                } else if (!article.isPhysical()) {
                    errors.add(new FieldError(field + "sku", Wording.of("promise.is_not_a_physical_article_it")));
                }
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                    errors.add(new FieldError(field + "quantity", Wording.of("promise.must_be_from_1_to",
                            MAX_QUANTITY)));
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

    /** Days booked beyond their capacity; empty when the rule holds (the invariant checker's rule). */
    @Transactional(readOnly = true)
    public List<String> overbookedDays() {
        return bookings.overbooked();
    }
}
