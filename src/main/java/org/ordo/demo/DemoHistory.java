package org.ordo.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.ordo.billing.CreateQuote;
import org.ordo.billing.QuoteManagement;
import org.ordo.fulfillment.FulfillmentManagement;
import org.ordo.fulfillment.PackRequest;
import org.ordo.fulfillment.Parcel;
import org.ordo.fulfillment.PickList;
import org.ordo.fulfillment.ShipRequest;
import org.ordo.intake.Intake;
import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.HoldKind;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderFollowUps;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.party.CustomerDraft;
import org.ordo.party.CustomerType;
import org.ordo.payment.BankTransfer;
import org.ordo.payment.PaymentManagement;
import org.ordo.platform.Backdating;
import org.ordo.platform.Json;
import org.ordo.platform.MoneyInput;
import org.ordo.shipping.ShippingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sixty days of a shop's life, played day by day through the ordinary services with the application clock set
 * to each past day ({@link Backdating}): orders come in over every channel; prepaid ones are paid by bank transfer
 * the next day or, when the money never comes, reminded and cancelled by the follow-up job; the warehouses pick, pack and ship every afternoon; the
 * carriers deliver two days later. The last days are left as a shop leaves them: unpaid, held (each kind),
 * backordered, on a pick list, partly shipped, and a few late. Seeded, so every first start looks the same.
 */
@Component
class DemoHistory {

    static final int DAYS = 60;

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final String[] CHANNELS = {"web", "web", "web", "marketplace", "api", "phone", "email", "edi"};
    private static final String[][] BASKETS = {{"TSHIRT-BLK-M:2", "MUG-CLASSIC:1"}, {"BOOK-LOGISTICS:1",
            "EBOOK-RETAIL:1"}, {"HOODIE-L:1"}, {"SW-INVENTORY-1Y:1"}, {"BAG-BACKPACK:1", "BOTTLE-STEEL:2", "CAP-BLK:1"},
            {"TSHIRT-WHT-L:3"}, {"LAMP-DESK:1", "NOTEBOOK-A5:4", "PEN-SET:1"}, {"GIFT-50:1"}, {"PUZZLE-1000:1",
            "POSTER-MAP:1"}, {"MUG-TRAVEL:2", "SOCKS-3PK:2"}, {"TSHIRT-NVY-S:1", "UMBRELLA:1"}, {"SCARF-WOOL:1"},
            {"MUG-ESPRESSO:4", "BOOK-COFFEE:1"}, {"TSHIRT-BLK-L:1", "TSHIRT-WHT-M:1"}, {"BAG-TOTE:2", "EBOOK-COFFEE:1"},
            {"HOODIE-M:1", "CAP-BLK:1"}, {"BOOK-RETAIL:2"}, {"NOTEBOOK-A5:2", "PEN-SET:2"}, {"COURSE-PACKING:1"},
            {"TSHIRT-NVY-M:2", "SOCKS-3PK:1"}};
    private static final String[][] KOREAN_BASKETS = {{"KR-TEA-GREEN:2"}, {"KR-SNACK-BOX:1", "KR-FAN:2"}};
    private static final String[] CARRIERS = {"DHL", "DPD", "UPS", "GLS"};

    private final Intake intake;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final PaymentManagement payments;
    private final FulfillmentManagement fulfillment;
    private final ShippingManagement shipping;
    private final QuoteManagement quotes;
    private final Json json;
    private final Clock clock;
    private final OrderFollowUps followUps;

    DemoHistory(Intake intake, OrderManagement orders, OrderLifecycle lifecycle, PaymentManagement payments,
            FulfillmentManagement fulfillment, ShippingManagement shipping, QuoteManagement quotes, Json json,
            Clock clock, OrderFollowUps followUps) {
        this.followUps = followUps;
        this.intake = intake;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.fulfillment = fulfillment;
        this.shipping = shipping;
        this.quotes = quotes;
        this.json = json;
        this.clock = clock;
    }

    /** What the history left: how many orders it placed, how many it shipped. */
    record Played(int placed, int shipped) {
    }

    /** Plays the sixty days up to today; returns what it did. */
    Played play(List<CustomerDraft> customers, List<String> locations) {
        Random random = new Random(20261205L);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Placed> placed = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        int shipped = 0;
        long[] spent = new long[4]; // milliseconds placing, settling, shipping, delivering: for the log
        // Nothing shipped since the last working day before today (short-staffed, and the weekend after it): the
        // orders paid or released since then were promised for a day already past, so the queue shows late orders
        // whatever the weekday and hour the demo is loaded on (orders are promised for working days only).
        LocalDate shortStaffedFrom = today.minusDays(1);
        while (shortStaffedFrom.getDayOfWeek().getValue() > 5) {
            shortStaffedFrom = shortStaffedFrom.minusDays(1);
        }
        for (int day = DAYS - 1; day >= 0; day--) {
            int ago = day;
            // more orders on recent days and fewer on Sundays, so the chart has a curve, not a flat line
            int count = 2 + random.nextInt(3) + (DAYS - ago) / 20
                    - (today.minusDays(ago).getDayOfWeek().getValue() == 7 ? 2 : 0);
            for (int i = 0; i < count; i++) {
                Instant at = at(today, ago, Duration.ofMinutes(20L + i * 97L + random.nextInt(40)));
                CustomerDraft customer = customers.get(random.nextInt(customers.size()));
                long started = System.nanoTime();
                Placed order = Backdating.at(at, () -> place(customer, random, ago, placed.size()));
                spent[0] += (System.nanoTime() - started) / 1_000_000;
                if (order != null) {
                    placed.add(order);
                }
            }
            Instant noon = at(today, ago, Duration.ofHours(4));
            long started = System.nanoTime();
            Backdating.at(noon, () -> settle(placed, ago));
            long settled = System.nanoTime();
            if (ago >= 1 && today.minusDays(ago).isBefore(shortStaffedFrom)) {
                Instant afternoon = at(today, ago, Duration.ofHours(7));
                shipped += Backdating.at(afternoon, () -> ship(sent, locations, ago, random));
            } else {
                Backdating.at(at(today, ago, Duration.ofHours(3)), () -> pickWithoutShipping(locations.get(0)));
            }
            if (ago >= 1) { // the evening's follow-ups: payment reminders, and unpaid orders that expire
                Backdating.at(at(today, ago, Duration.ofHours(10)), () -> followUps.remindUnpaid()
                        + followUps.expireUnpaid());
            }
            long handedOver = System.nanoTime();
            Backdating.at(at(today, ago, Duration.ofHours(2)), () -> deliver(sent, ago));
            spent[1] += (settled - started) / 1_000_000;
            spent[2] += (handedOver - settled) / 1_000_000;
            spent[3] += (System.nanoTime() - handedOver) / 1_000_000;
        }
        log.info("Demo history: {} ms placing, {} ms paying and cancelling, {} ms picking to shipping, {} ms"
                + " delivering", spent[0], spent[1], spent[2], spent[3]);
        hold(placed);
        quotes(customers, today);
        return new Played(placed.size(), shipped);
    }

    /**
     * The moment {@code sinceMorning} after 08:00 UTC of the day {@code ago} days back. A day's work ends before
     * 20:00; today's, when the demo is loaded before that, is squeezed into the hours already past (from midnight to
     * now, in the same order), so that nothing the demo does is dated after the moment it is loaded.
     */
    private Instant at(LocalDate today, int ago, Duration sinceMorning) {
        Instant planned = today.minusDays(ago).atTime(8, 0).toInstant(ZoneOffset.UTC).plus(sinceMorning);
        Instant now = clock.instant();
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        long untilEvening = Duration.ofHours(20).toMillis();
        long past = Duration.between(midnight, now).toMillis();
        if (ago > 0 || past >= untilEvening) {
            return planned;
        }
        return midnight.plusMillis((Duration.ofHours(8).plus(sinceMorning).toMillis() * past) / untilEvening);
    }

    /** An order placed through intake, as a shop front would send it; null when it was refused (out of stock). */
    private Placed place(CustomerDraft customer, Random random, int ago, int n) {
        boolean korean = "ko".equals(customer.locale()) && random.nextInt(3) == 0;
        String[] basket = korean ? KOREAN_BASKETS[random.nextInt(KOREAN_BASKETS.length)]
                : BASKETS[random.nextInt(BASKETS.length)];
        if (ago == 3 || ago == 0 && n % 2 == 0) {
            basket = new String[] {"BOOK-KIDS:3", "TSHIRT-BLK-S:1"}; // more than the shelf holds: a backorder
        }
        int p = random.nextInt(100);
        boolean business = customer.type() == CustomerType.BUSINESS;
        String method = business ? "invoice" : p < 65 ? "prepayment" : p < 90 ? "invoice" : "card";
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        order.put("externalRef", "DEMO-" + (10001 + n));
        order.put("customer", business ? Map.of("email", customer.email())
                : Map.of("email", customer.email(), "name", customer.name(), "locale", customer.locale()));
        order.put("shippingAddress", customer.addresses().get(0));
        order.put("currency", korean ? "KRW" : "EUR");
        order.put("paymentMethod", method);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String item : basket) {
            String[] parts = item.split(":");
            lines.add(Map.of("sku", parts[0], "quantity", Long.parseLong(parts[1])));
        }
        order.put("lines", lines);
        try {
            UUID id = intake.takeApiOrder("demo", "system", "demo-history-" + n, "application/json",
                    json.write(order).getBytes(StandardCharsets.UTF_8)).orderId();
            return new Placed(id, ago, random.nextInt(100), method);
        } catch (RuntimeException e) {
            log.debug("Demo order {} not placed: {}", n, e.getMessage());
            return null;
        }
    }

    /**
     * The day's money: yesterday's prepaid and invoiced orders are paid by bank transfer (most of them); card
     * payments that never came are cancelled after two days, unpaid invoices after ten (unpaid prepaid orders
     * expire through the follow-up job).
     */
    private void settle(List<Placed> placed, int ago) {
        for (Placed p : placed) {
            int age = p.ago() - ago;
            boolean card = "card".equals(p.method());
            boolean pays = !card && p.dice() < 88 && age == 1 + p.dice() % 2;
            // prepaid orders that are never paid are reminded and cancelled by the follow-up job, as in a shop
            boolean cancels = card ? age == 2
                    : !"prepayment".equals(p.method()) && p.dice() >= 88 && p.dice() < 97 && age == 10;
            if (!pays && !cancels) {
                continue; // nothing happens to it today (and a few customers never pay: they stay unpaid)
            }
            OrderView order = orders.require(p.id());
            if (order.status() != OrderStatus.OPEN || order.paymentStatus() != PaymentStatus.PENDING) {
                continue;
            }
            try {
                if (pays) {
                    payments.recordBankTransfer(new BankTransfer(order.number(), new MoneyInput(
                            order.totals().gross().amount().toPlainString(), order.totals().gross().currency()),
                            order.number() + " " + order.customer().name(), null));
                } else {
                    orders.cancel(order.id(), card ? "card payment not completed" : "no payment within ten days");
                }
            } catch (RuntimeException e) {
                log.debug("Demo order {} not settled: {}", order.number(), e.getMessage());
            }
        }
    }

    /**
     * The afternoon in each warehouse: one pick list of everything released, every line picked, each order packed
     * in one parcel and shipped. Madrid ships nothing three days ago, so some orders are partly shipped.
     */
    private int ship(List<Sent> sent, List<String> locations, int ago, Random random) {
        int shipped = 0;
        for (String location : locations) {
            if (location.equals("MAD") && ago == 3) {
                continue;
            }
            PickList list;
            try {
                list = fulfillment.createPickList(location, null, 500);
            } catch (RuntimeException nothingToPick) {
                continue;
            }
            Map<UUID, List<PackRequest.Item>> items = new LinkedHashMap<>();
            for (PickList.Line line : list.lines()) {
                try {
                    fulfillment.pick(list.id(), line.lineNo(), line.sku(), line.quantity());
                    items.computeIfAbsent(line.orderId(), id -> new ArrayList<>())
                            .add(new PackRequest.Item(line.orderLineNo(), line.quantity()));
                } catch (RuntimeException e) {
                    log.debug("Demo pick {} not made: {}", line.orderNumber(), e.getMessage());
                }
            }
            for (Map.Entry<UUID, List<PackRequest.Item>> order : items.entrySet()) {
                try {
                    List<Parcel> parcels = fulfillment.pack(order.getKey(), new PackRequest(location, List.of(
                            new PackRequest.ParcelSpec(400 + random.nextInt(2000), 300, 200, 120, order.getValue()))));
                    String carrier = CARRIERS[random.nextInt(CARRIERS.length)];
                    String tracking = "DEMO" + location + ago + "X" + sent.size();
                    fulfillment.ship(order.getKey(), new ShipRequest(parcels.stream().map(Parcel::id).toList(),
                            carrier, null, tracking));
                    sent.add(new Sent(carrier, tracking, ago, random.nextInt(100)));
                    shipped++;
                } catch (RuntimeException e) {
                    log.debug("Demo shipment of {} not made: {}", order.getKey(), e.getMessage());
                }
            }
        }
        return shipped;
    }

    /** This morning's pick list in the first warehouse, not picked yet: what the scanner screen shows. */
    private void pickWithoutShipping(String location) {
        try {
            fulfillment.createPickList(location, null, 20);
        } catch (RuntimeException nothingToPick) {
            log.debug("No demo pick list at {}", location);
        }
    }

    /** Parcels shipped two days ago arrive, except a few that are still on their way. */
    private void deliver(List<Sent> sent, int ago) {
        for (Sent s : sent) {
            if (s.ago() - ago != 2 || s.dice() >= 92) {
                continue;
            }
            try {
                shipping.recordTracking(new ShippingManagement.TrackingReport("demo-" + s.tracking(), s.carrier(),
                        s.tracking(), "delivered", null, "delivered to the customer"));
            } catch (RuntimeException e) {
                log.debug("Demo delivery {} not recorded: {}", s.tracking(), e.getMessage());
            }
        }
    }

    /** One open order of today per hold kind, so the queue shows what each looks like. */
    private void hold(List<Placed> placed) {
        Set<HoldKind> left = new java.util.LinkedHashSet<>(List.of(HoldKind.values()));
        String[] reasons = {"large first order from a new address", "street number missing",
                "the customer disputes the amount", "the customer asked us to wait"};
        for (int i = placed.size() - 1; i >= 0 && !left.isEmpty(); i--) {
            Placed p = placed.get(i);
            OrderView order = orders.require(p.id());
            boolean waiting = order.fulfillmentStatus() == FulfillmentStatus.UNFULFILLED
                    || order.fulfillmentStatus() == FulfillmentStatus.RELEASED;
            if (p.ago() > 1 || order.status() != OrderStatus.OPEN || !waiting) {
                continue;
            }
            HoldKind kind = left.iterator().next();
            try {
                lifecycle.hold(order.id(), kind, reasons[kind.ordinal()]);
                left.remove(kind);
            } catch (RuntimeException e) {
                log.debug("Demo hold on {} not made: {}", order.number(), e.getMessage());
            }
        }
    }

    /** Quotes for the business customer: one open, one sent, one accepted (which places an order), one declined. */
    private void quotes(List<CustomerDraft> customers, LocalDate today) {
        CustomerDraft business = customers.stream().filter(c -> c.type() == CustomerType.BUSINESS).findFirst().orElse(null);
        if (business == null) {
            return;
        }
        String[][] baskets = {{"NOTEBOOK-A5", "40"}, {"PEN-SET", "25"}, {"MUG-CLASSIC", "12"}, {"BAG-TOTE", "30"}};
        for (int i = 0; i < baskets.length; i++) {
            try {
                var quote = quotes.create(new CreateQuote(null, business, "EUR", today.plusDays(30),
                        business.addresses().get(0), null, "invoice", null, List.of(new CreateQuote.Line(
                                baskets[i][0], Long.parseLong(baskets[i][1])))), "system");
                if (i >= 1) {
                    quotes.send(quote.id());
                }
                if (i == 2) {
                    quotes.accept(quote.id());
                } else if (i == 3) {
                    quotes.decline(quote.id(), "found a cheaper offer");
                }
            } catch (RuntimeException e) {
                log.debug("Demo quote {} not made: {}", i, e.getMessage());
            }
        }
    }

    private record Placed(UUID id, int ago, int dice, String method) {
    }

    private record Sent(String carrier, String tracking, int ago, int dice) {
    }
}
