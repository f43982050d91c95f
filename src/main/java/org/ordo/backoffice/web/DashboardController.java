package org.ordo.backoffice.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ordo.backoffice.Screen;
import org.ordo.platform.Csv;
import org.ordo.platform.Json;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Role;
import org.ordo.promise.PromiseManagement;
import org.ordo.promise.PromiseWatch;
import org.ordo.reporting.Dashboard;
import org.ordo.reporting.Reports;
import org.ordo.reporting.Summary;
import org.ordo.space.SpaceForecast;
import org.ordo.space.SpaceManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The dashboard for admins and agents: the figures of {@link Reports#dashboard(int)} over the last 30 days as
 * charts and lists, each also as CSV at {@code /dashboard/{figure}.csv}.
 */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

    static final int DAYS = 30;
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The figures that export as CSV, by the name in their URL. */
    static final List<String> FIGURES = List.of("orders-per-day", "on-time", "backlog", "late-orders", "low-stock",
            "return-rate", "returns-by-article", "returns-by-reason", "promises-kept");

    private final Reports reports;
    private final Json json;
    private final MessageSource messages;
    private final Formats fmt;
    private final SpaceManagement space;

    /** The stock figures from the stock policies: value at purchase price, below reorder point, days of cover. */
    private final org.ordo.purchasing.PurchasingManagement purchasing;
    private final PromiseWatch promises;
    private final PromiseManagement promise;

    DashboardController(Reports reports, Json json, MessageSource messages, SpaceManagement space,
            org.ordo.purchasing.PurchasingManagement purchasing, PromiseWatch promises, PromiseManagement promise,
            Formats fmt) {
        this.fmt = fmt;
        this.space = space;
        this.purchasing = purchasing;
        this.promises = promises;
        this.promise = promise;
        this.reports = reports;
        this.json = json;
        this.messages = messages;
    }

    @Bean
    static Screen dashboardScreen() {
        return new Screen("/dashboard", "nav.dashboard", 20, Role.ADMIN, Role.AGENT);
    }

    @GetMapping
    String dashboard(Model model) {
        Dashboard d = reports.dashboard(DAYS);
        List<LocalDate> days = days(d);
        model.addAttribute("d", d);
        model.addAttribute("stock", purchasing.stockFigures(10));
        model.addAttribute("ordersChart", json.write(ordersChart(d, days)));
        model.addAttribute("onTimeChart", json.write(onTimeChart(d, days)));
        model.addAttribute("backlogChart", json.write(backlogChart(d)));
        long shipped = d.onTime().stream().mapToLong(Dashboard.OnTimeDay::shipped).sum();
        long onTime = d.onTime().stream().mapToLong(Dashboard.OnTimeDay::onTime).sum();
        model.addAttribute("shipped", shipped);
        model.addAttribute("onTimePercent", percent(onTime, shipped));
        model.addAttribute("returnPercent", percent(d.outcomes().returned(), d.outcomes().shipped()));
        model.addAttribute("refundPercent", percent(d.outcomes().refunded(), d.outcomes().placed()));
        model.addAttribute("cancelPercent", percent(d.outcomes().cancelled(), d.outcomes().placed()));
        model.addAttribute("backlogTotal", d.backlog().stream().mapToLong(Summary.BacklogCount::orders).sum());
        model.addAttribute("lateTotal", d.backlog().stream().mapToLong(Summary.BacklogCount::late).sum());
        model.addAttribute("atRisk", promises.atRisk(50));
        model.addAttribute("booked", promise.bookedDays(14));
        model.addAttribute("kept", promise.kept(DAYS));
        return "backoffice/dashboard";
    }

    /**
     * Space needed against space available per warehouse over the next 12 weeks, with the first day each runs full
     * (docs/warehouse-space.md). Loaded by the page after it is shown: forecasting every warehouse takes longer
     * than the other figures, and must not hold them up.
     */
    @GetMapping("/space")
    String space(Model model) {
        model.addAttribute("outlook", space.forecasts().stream().map(f -> new SpaceOutlook(f.location(),
                f.weeks().stream().mapToLong(SpaceForecast.Week::neededVolumeMm3).max().orElse(0),
                f.capacityVolumeMm3(), f.firstFullDay())).toList());
        return "backoffice/dashboard :: space";
    }

    /** One warehouse's line on the dashboard: the most volume it needs on a day, what it has, when it runs full. */
    record SpaceOutlook(String location, long mostNeededVolumeMm3, Long availableVolumeMm3, LocalDate firstFullDay) {
    }

    /**
     * One figure as CSV (RFC 4180, UTF-8, a header line), named with the day it was taken. The header and the
     * columns of codes (channel, status, age, reason) are in the person's language, as the screen shows them;
     * numbers and days as a spreadsheet reads them.
     */
    @GetMapping("/{figure}.csv")
    ResponseEntity<String> csv(@PathVariable String figure) {
        if (!FIGURES.contains(figure)) {
            throw new NotFoundException("Figure", figure);
        }
        Dashboard d = reports.dashboard(DAYS);
        String body = switch (figure) {
            case "orders-per-day" -> Csv.of(header("day", "channel", "orders"), d.ordersPerDay().stream()
                    .map(r -> List.<Object>of(r.day(), fmt.label("channel.", r.channel()), r.orders())).toList());
            case "on-time" -> Csv.of(header("day", "shipped", "on_time", "share_on_time"), d.onTime().stream()
                    .map(r -> List.<Object>of(r.day(), r.shipped(), r.onTime(), ratio(r.onTime(), r.shipped())))
                    .toList());
            case "backlog" -> Csv.of(header("status", "age", "orders", "late"), d.backlog().stream()
                    .map(r -> List.<Object>of(text("dashboard.status." + r.status()),
                            text("dashboard.age." + r.age().name()), r.orders(), r.late())).toList());
            case "late-orders" -> Csv.of(header("number", "channel", "status", "fulfillment_status", "placed_at",
                    "promised_at"), d.lateOrders().stream().map(r -> List.<Object>of(r.number(),
                            fmt.label("channel.", r.channel()), fmt.label("status.order.", r.status()),
                            fmt.label("status.fulfillment.", r.fulfillmentStatus()), r.createdAt(), r.promisedAt()))
                    .toList());
            case "low-stock" -> Csv.of(header("sku", "on_hand", "reserved", "available", "below"), d.lowStock()
                    .stream().map(r -> List.<Object>of(r.sku(), r.onHand(), r.reserved(), r.available(),
                            d.lowStockBelow())).toList());
            case "promises-kept" -> Csv.of(header("since", "warehouse", "carrier", "service", "shipped",
                    "shipped_by_ship_by", "share_shipped_by_ship_by", "delivered", "delivered_by_deliver_by",
                    "share_delivered_by_deliver_by"), promise.kept(DAYS).stream().map(k -> java.util.Arrays.<Object>asList(
                            k.since(), k.warehouse(), k.carrier(), k.service(), k.shipped(), k.shippedOnTime(),
                            k.shippedOnTimeShare(), k.delivered(), k.deliveredOnTime(), k.deliveredOnTimeShare()))
                    .toList());
            case "returns-by-article" -> Csv.of(header("since", "sku", "shipped", "returned", "return_rate"),
                    d.returnsByArticle().stream().map(r -> List.<Object>of(days(d).get(0), r.sku(), r.shipped(),
                            r.returned(), ratio(r.returned(), r.shipped()))).toList());
            case "returns-by-reason" -> Csv.of(header("since", "reason", "units", "returns", "share_of_units"),
                    d.returnsByReason().stream().map(r -> List.<Object>of(days(d).get(0),
                            fmt.label("return.reason.", r.reason()), r.units(), r.returns(), ratio(r.units(),
                                    d.returnsByReason().stream().mapToLong(Dashboard.ReasonReturns::units).sum())))
                            .toList());
            default -> Csv.of(header("since", "placed", "shipped", "returned", "return_rate", "refunded",
                    "refund_rate", "cancelled", "cancellation_rate"), List.of(List.<Object>of(
                            days(d).get(0), d.outcomes().placed(), d.outcomes().shipped(), d.outcomes().returned(),
                            ratio(d.outcomes().returned(), d.outcomes().shipped()), d.outcomes().refunded(),
                            ratio(d.outcomes().refunded(), d.outcomes().placed()), d.outcomes().cancelled(),
                            ratio(d.outcomes().cancelled(), d.outcomes().placed()))));
        };
        String name = figure + "-" + LocalDate.ofInstant(d.at(), ZoneOffset.UTC) + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }

    // --- chart data (Chart.js's data objects) -----------------------------------------------------------------

    private static List<LocalDate> days(Dashboard d) {
        LocalDate today = LocalDate.ofInstant(d.at(), ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (int i = d.days() - 1; i >= 0; i--) {
            days.add(today.minusDays(i));
        }
        return days;
    }

    /** One stacked bar per day, one dataset per channel (named as the queue names it); a day without orders is 0. */
    private Map<String, Object> ordersChart(Dashboard d, List<LocalDate> days) {
        Map<String, long[]> perChannel = new TreeMap<>();
        for (Summary.DayCount c : d.ordersPerDay()) {
            int at = days.indexOf(c.day());
            if (at >= 0) {
                perChannel.computeIfAbsent(c.channel(), k -> new long[days.size()])[at] += c.orders();
            }
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        perChannel.forEach((channel, counts) -> datasets.add(Map.of("label", fmt.label("channel.", channel), "data",
                Arrays.stream(counts).boxed().toList())));
        return Map.of("labels", days.stream().map(LocalDate::toString).toList(), "datasets", datasets);
    }

    /** Percent shipped on time per day of shipping; no point on a day without shipments. */
    private Map<String, Object> onTimeChart(Dashboard d, List<LocalDate> days) {
        Map<LocalDate, Dashboard.OnTimeDay> byDay = new TreeMap<>();
        d.onTime().forEach(o -> byDay.put(o.day(), o));
        List<Object> share = new ArrayList<>();
        List<Object> shipped = new ArrayList<>();
        for (LocalDate day : days) {
            Dashboard.OnTimeDay o = byDay.get(day);
            share.add(o == null || o.shipped() == 0 ? null : percent(o.onTime(), o.shipped()));
            shipped.add(o == null ? 0 : o.shipped());
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        datasets.add(new LinkedHashMap<>(Map.of("label", text("dashboard.onTime.share"), "data", share, "type", "line", "yAxisID", "share")));
        datasets.add(new LinkedHashMap<>(Map.of("label", text("dashboard.onTime.shipped"), "data", shipped, "type", "bar", "yAxisID",
                "count")));
        return Map.of("labels", days.stream().map(LocalDate::toString).toList(), "datasets", datasets);
    }

    /** Open and held orders per age bucket, stacked by status. */
    private Map<String, Object> backlogChart(Dashboard d) {
        List<Summary.AgeBucket> buckets = List.of(Summary.AgeBucket.values());
        Map<String, long[]> perStatus = new TreeMap<>();
        perStatus.put("OPEN", new long[buckets.size()]);
        perStatus.put("ON_HOLD", new long[buckets.size()]);
        long[] late = new long[buckets.size()];
        for (Summary.BacklogCount b : d.backlog()) {
            perStatus.computeIfAbsent(b.status(), k -> new long[buckets.size()])[buckets.indexOf(b.age())] += b
                    .orders();
            late[buckets.indexOf(b.age())] += b.late();
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        perStatus.forEach((status, counts) -> datasets.add(Map.of("label", text("dashboard.status." + status), "data",
                Arrays.stream(counts).boxed().toList(), "stack", "orders")));
        datasets.add(Map.of("label", text("dashboard.late"), "data", Arrays.stream(late).boxed().toList(), "stack", "late"));
        return Map.of("labels", buckets.stream().map(b -> text("dashboard.age." + b.name())).toList(), "datasets",
                datasets);
    }

    /** A CSV header line in the person's language ({@code csv.<column>}). */
    private List<String> header(String... columns) {
        return java.util.Arrays.stream(columns).map(c -> text("csv." + c)).toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
