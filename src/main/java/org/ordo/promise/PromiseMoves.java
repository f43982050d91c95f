package org.ordo.promise;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.ordo.inventory.ExpectedReceipt;
import org.ordo.inventory.InventoryManagement;
import org.ordo.ordering.OrderDelays;
import org.ordo.ordering.OrderView;
import org.ordo.promise.internal.Bookings;
import org.ordo.promise.internal.CalendarCache;
import org.ordo.promise.internal.Destinations;
import org.ordo.promise.internal.PromiseContext;
import org.ordo.promise.internal.PromiseSettings;
import org.ordo.promise.internal.Schedule;
import org.ordo.purchasing.PurchasingManagement;
import org.ordo.purchasing.SupplyLeadTime;
import org.springframework.stereotype.Component;

/**
 * Promises that can no longer be kept: which open shipments are at risk ({@link #atRisk}), and moving those that
 * are missed, at risk or waiting for goods that come later to the day they can ship ({@link #moves}). The
 * scheduled checks of {@link PromiseWatch} run them; docs/promise.md ("At risk", "Delay notice") states the rules.
 */
@Component
class PromiseMoves {

    private final CalendarCache cache;
    private final Bookings bookings;
    private final InventoryManagement inventory;
    private final PurchasingManagement purchasing;
    private final PromiseSettings settings;
    private final Schedule schedule;

    PromiseMoves(CalendarCache cache, Bookings bookings, InventoryManagement inventory, PurchasingManagement purchasing,
            PromiseSettings settings, Schedule schedule) {
        this.cache = cache;
        this.bookings = bookings;
        this.inventory = inventory;
        this.purchasing = purchasing;
        this.settings = settings;
        this.schedule = schedule;
    }

    /** A promise moved by {@link #moves}: the order's new dates, from all its shipments, and why. */
    record Moved(UUID orderId, LocalDate shipBy, LocalDate deliverBy, Instant mustShipAt, OrderDelays.Cause cause) {
    }

    /**
     * The open shipments whose work ahead no longer fits before their ship-by cut-off (docs/promise.md, "At risk").
     * {@code open} comes per warehouse in queue order; a shipment's work ahead is its place in its warehouse's
     * queue (itself and every open shipment before it, late ones too). The room it has is what the warehouse can
     * still ship up to its ship-by day: the part of today's capacity left before the cut-off (the day's capacity
     * spread evenly from the shift start to the cut-off), and the whole capacity of each ship day after today.
     * A shipment whose cut-off has passed is late, not at risk: the order's delay notice covers it.
     */
    List<Bookings.Open> atRisk(List<Bookings.Open> open, Instant now) {
        PromiseContext context = cache.context(now);
        List<Bookings.Open> atRisk = new ArrayList<>();
        Map<String, Integer> ahead = new HashMap<>();
        for (Bookings.Open s : open) {
            int place = ahead.merge(s.location(), 1, Integer::sum);
            Optional<CarrierService> cs = context.carrierService(s.carrier(), s.service());
            if (cs.isEmpty()) {
                continue;
            }
            Schedule.Warehouse w = context.warehouse(s.location());
            Schedule.Service service = context.pickUp(cs.get(), s.location());
            if (!now.isBefore(Schedule.cutOffOn(s.shipBy(), w, service))) {
                continue;
            }
            int capacity = context.capacity(s.location());
            ZonedDateTime local = now.atZone(w.zone());
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
    List<Moved> moves(List<Bookings.Open> open, Instant now, Function<UUID, OrderView> orders) {
        PromiseContext context = cache.context(now);
        Set<String> risky = new HashSet<>();
        atRisk(open, now).forEach(s -> risky.add(s.orderId() + " " + s.location()));
        Map<UUID, OrderView> read = new HashMap<>();
        Map<UUID, OrderDelays.Cause> causes = new LinkedHashMap<>();
        for (Bookings.Open s : open) {
            Optional<CarrierService> cs = context.carrierService(s.carrier(), s.service());
            if (cs.isEmpty()) {
                continue;
            }
            Schedule.Warehouse w = context.warehouse(s.location());
            boolean missed = !now.isBefore(Schedule.cutOffOn(s.shipBy(), w, context.pickUp(cs.get(), s.location())));
            boolean risk = risky.contains(s.orderId() + " " + s.location());
            boolean supply = !SupplySource.STOCK.name().equals(s.source());
            if (!missed && !risk && !supply) {
                continue;
            }
            OrderView order = read.computeIfAbsent(s.orderId(), orders);
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
            Predicate<LocalDate> booking = context.booking(s.location());
            LocalDate day = schedule.shipBy(now, readyOn, w, service.get(),
                    d -> d.isAfter(s.shipBy()) && booking.test(d));
            if (bookings.move(s.orderId(), s.location(), day, schedule.deliverBy(day, service.get(), to))) {
                bookings.unbook(s.location(), s.shipBy());
                causes.putIfAbsent(s.orderId(), missed ? OrderDelays.Cause.MISSED
                        : risk ? OrderDelays.Cause.AT_RISK : OrderDelays.Cause.SUPPLY);
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
            Instant mustShipAt = context.mustShipAt(last.shipBy(), last.carrier(), last.service(), last.location())
                    .orElseGet(() -> last.shipBy().atTime(LocalTime.MIDNIGHT)
                            .atZone(context.warehouse(last.location()).zone()).toInstant());
            moved.add(new Moved(orderId, last.shipBy(), deliverBy, mustShipAt, cause));
        });
        return moved;
    }

    /** When an order's backordered units are ready: the latest of its backordered lines; null when none is. */
    private LocalDate readyOn(OrderView order, PromiseContext context) {
        LocalDate latest = null;
        for (OrderView.Line line : order.lines()) {
            if (line.backordered() > 0) {
                LocalDate ready = supplyReadyOn(line.sku(), line.backordered(), context);
                latest = latest == null || ready.isAfter(latest) ? ready : latest;
            }
        }
        return latest;
    }

    private LocalDate supplyReadyOn(String sku, long quantity, PromiseContext context) {
        long covered = 0;
        for (ExpectedReceipt e : inventory.expected(sku).stream()
                .sorted(Comparator.comparing(ExpectedReceipt::expectedOn)).toList()) {
            if (!e.expectedOn().isBefore(context.today())) {
                covered += e.quantity();
                if (covered >= quantity) {
                    return e.expectedOn();
                }
            }
        }
        int lead = purchasing.leadTimes(sku).stream().mapToInt(SupplyLeadTime::days).min()
                .orElse(settings.backorderLeadTimeDays());
        return context.today().plusDays(lead);
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
        return capacity * Duration.between(now, cutOff).toMinutes() / Duration.between(start, cutOff).toMinutes();
    }
}
