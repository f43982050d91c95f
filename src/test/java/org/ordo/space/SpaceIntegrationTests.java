package org.ordo.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.audit.InvariantChecker;
import org.ordo.audit.InvariantReport;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.MovementKind;
import org.ordo.inventory.ShelfStock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SpaceIntegrationTests {

    /** 1 litre in cubic millimetres. */
    static final long LITRE = 1_000_000L;

    @LocalServerPort
    int port;
    @Autowired
    InvariantChecker checker;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    ShelfStock shelves;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void dimensionsAreTakenExactlyOrRefusedNamingTheField() {
        String sku = fixtures.article("10.00", "EUR", "19");

        JsonNode stored = expect(api.put(dimensions(sku), Map.of("lengthMm", 300, "widthMm", 200, "heightMm", 50,
                "unitsPerCarton", 12, "cartonsPerPallet", 40)), 200).json();
        assertThat(stored.get("volumeMm3").asLong()).isEqualTo(3_000_000L);
        assertThat(stored.get("weightGrams").asInt()).isEqualTo(250);
        assertThat(stored.get("unitsPerPallet").asInt()).isEqualTo(480);
        assertThat(expect(api.get(dimensions(sku)), 200).json().get("lengthMm").asInt()).isEqualTo(300);

        Api.Response zeroAndMissing = api.put(dimensions(sku), Map.of("lengthMm", 0, "widthMm", 200,
                "cartonsPerPallet", 4));
        assertThat(zeroAndMissing.status()).isEqualTo(422);
        assertThat(zeroAndMissing.errorFields()).containsExactlyInAnyOrder("lengthMm", "heightMm", "cartonsPerPallet");
        Api.Response fraction = api.put(dimensions(sku), Map.of("lengthMm", 1.5, "widthMm", 200, "heightMm", 50));
        assertThat(fraction.status()).isBetween(400, 422);
        assertThat(expect(api.get(dimensions(sku)), 200).json().get("lengthMm").asInt())
                .as("bad input changes nothing").isEqualTo(300);
        assertThat(api.put(dimensions("NO-SUCH-SKU"), Map.of("lengthMm", 1, "widthMm", 1, "heightMm", 1)).status())
                .isEqualTo(404);
    }

    @Test
    void receiptsGoToTheOwnBinThenTheNearestWithRoomThenOverflowWithAnAlert() {
        String location = fixtures.location(1);
        String sku = litreArticle();
        String other = litreArticle();
        bin(location, "A-01", 10, 1000, sku);       // 10 l, the SKU's own bin
        bin(location, "Z-09", 11, 1000, other);     // another SKU's own bin: never used for this one
        bin(location, "A-03", 12, 500, null);       // 5 l, two steps from the own bin
        bin(location, "B-01", 20, 500, null);       // 5 l, further on

        assertThat(suggestion(location, sku, 8)).containsExactly("A-01", "OWN_BIN");
        receive(sku, location, 8);
        assertThat(suggestion(location, sku, 5)).containsExactly("A-03", "NEAREST_WITH_ROOM");
        receive(sku, location, 5);
        receive(sku, location, 4);
        // no bin has room for 3: 2 fill the own bin, 1 the nearest with room
        assertThat(suggestion(location, sku, 3)).containsExactly("A-01", "SPLIT");
        receive(sku, location, 3);
        assertThat(units(location)).containsEntry("A-01", 10L).containsEntry("B-01", 5L);
        assertThat(suggestion(location, sku, 3)).containsExactly("OVERFLOW", "OVERFLOW");
        receive(sku, location, 3);

        assertThat(units(location)).containsEntry("A-01", 10L).containsEntry("A-03", 5L).containsEntry("B-01", 5L)
                .containsEntry("Z-09", 0L).containsEntry("OVERFLOW", 3L);
        JsonNode utilisation = expect(api.get("/api/v1/locations/" + location + "/utilisation"), 200).json();
        JsonNode warehouse = utilisation.get("warehouse");
        assertThat(warehouse.get("onHand").asLong()).isEqualTo(23);
        assertThat(warehouse.get("capacityVolumeMm3").asLong()).isEqualTo(30 * LITRE);
        assertThat(warehouse.get("onHandVolumeMm3").asLong()).isEqualTo(23 * LITRE);
        assertThat(warehouse.get("percent").asDouble()).isEqualTo(76.7);
        assertThat(utilisation.get("bins").get(0).get("code").asString()).isEqualTo("A-01");
        assertThat(utilisation.get("bins").get(0).get("percent").asDouble()).isEqualTo(100.0);
        assertThat(utilisation.get("alerts")).hasSize(1);
        assertThat(utilisation.get("alerts").get(0).get("sku").asString()).isEqualTo(sku);
        assertThat(utilisation.get("alerts").get(0).get("quantity").asLong()).isEqualTo(3);

        // what leaves is taken from the overflow first, then along the pick path
        expect(api.post("/api/v1/inventory/adjustments", Map.of("sku", sku, "location", location, "quantity", -5,
                "reason", "count")), 201);
        assertThat(units(location)).containsEntry("OVERFLOW", 0L).containsEntry("A-01", 8L);
        assertThat(about(checker.check(), location)).isEmpty();
    }

    @Test
    void aReceiptNoBinTakesWholeIsSplitAndWhatFitsNowhereRaisesAnAlertAPersonAcknowledges() {
        String location = fixtures.location(1);
        String other = fixtures.location(1);
        String sku = litreArticle();
        bin(location, "S-01", 1, 300, null); // 3 l
        bin(location, "S-02", 2, 400, null); // 4 l
        bin(other, "S-01", 1, 100, null);

        JsonNode suggested = expect(api.get("/api/v1/locations/" + location + "/putaway?sku=" + sku + "&quantity=9"),
                200).json();
        assertThat(suggested.get("reason").asString()).isEqualTo("SPLIT");
        assertThat(suggested.get("overflow").asBoolean()).isTrue();
        assertThat(shares(suggested)).containsExactly("S-01=3", "S-02=4", "OVERFLOW=2");
        receive(sku, location, 9);
        assertThat(units(location)).containsEntry("S-01", 3L).containsEntry("S-02", 4L).containsEntry("OVERFLOW", 2L);
        assertThat(inventory.stock(sku).onHand()).isEqualTo(9);

        JsonNode alerts = expect(api.get("/api/v1/locations/" + location + "/utilisation"), 200).json().get("alerts");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("quantity").asLong()).as("only what fits nowhere is an alert").isEqualTo(2);
        long alert = alerts.get(0).get("id").asLong();
        String acknowledgement = "/api/v1/locations/" + location + "/overflow-alerts/" + alert + "/acknowledgement";
        assertThat(api.withNewKey("AGENT").post(acknowledgement, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/locations/" + other + "/overflow-alerts/" + alert + "/acknowledgement",
                Map.of()).status()).as("another location's alert").isEqualTo(404);
        expect(api.withNewKey("WAREHOUSE").post(acknowledgement, Map.of()), 204);
        expect(api.post(acknowledgement, Map.of()), 204); // again: changes nothing
        assertThat(expect(api.get("/api/v1/locations/" + location + "/utilisation"), 200).json().get("alerts"))
                .isEmpty();
        assertThat(jdbc.sql("SELECT acknowledged_by FROM putaway WHERE id = :id").param("id", alert)
                .query(String.class).single()).as("the first acknowledgement stays").startsWith("api-key:warehouse-");
        assertThat(about(checker.check(), location)).isEmpty();
    }

    @Test
    void manyBinsAreSetUpAtOnceAllOrNothing() {
        String location = fixtures.location(1);
        String sku = litreArticle();
        receive(sku, location, 12); // before there are bins
        String path = "/api/v1/locations/" + location + "/bins";

        Api.Response wrong = api.put(path, Map.of("bins", List.of(
                Map.of("code", "R-01", "pickSequence", 1, "lengthMm", 500, "widthMm", 100, "heightMm", 100),
                Map.of("code", "R-02", "lengthMm", 500, "widthMm", 100, "heightMm", 100),
                Map.of("code", "OVERFLOW", "pickSequence", 3),
                Map.of("code", "R-01", "pickSequence", 4, "homeSku", "NO-SUCH-SKU"))));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorFields()).containsExactlyInAnyOrder("bins[1].pickSequence", "bins[2].code",
                "bins[3].code", "bins[3].homeSku");
        assertThat(bins(location)).as("bad input changes nothing").isEmpty();

        JsonNode all = expect(api.put(path, Map.of("bins", List.of(
                Map.of("code", "R-01", "pickSequence", 1, "lengthMm", 500, "widthMm", 100, "heightMm", 100),
                Map.of("code", "R-02", "pickSequence", 2, "lengthMm", 500, "widthMm", 100, "heightMm", 100),
                Map.of("code", "R-03", "pickSequence", 3, "lengthMm", 200, "widthMm", 100, "heightMm", 100,
                        "palletPlaces", 1)))), 200).json();
        assertThat(all).hasSize(4);
        // the stock already there is put away once every bin exists: no bin takes all 12, so it is split
        assertThat(units(location)).containsEntry("R-01", 5L).containsEntry("R-02", 5L).containsEntry("R-03", 2L)
                .containsEntry("OVERFLOW", 0L);

        Api.Response tooSmall = api.put(path, Map.of("bins", List.of(
                Map.of("code", "R-04", "pickSequence", 4),
                Map.of("code", "R-01", "pickSequence", 1, "lengthMm", 100, "widthMm", 100, "heightMm", 100))));
        assertThat(tooSmall.status()).isEqualTo(409);
        assertThat(units(location)).as("none of them is stored").doesNotContainKey("R-04");
        assertThat(api.withNewKey("WAREHOUSE").put(path, Map.of("bins", List.of(Map.of("code", "R-05",
                "pickSequence", 5)))).status()).isEqualTo(403);
        assertThat(about(checker.check(), location)).isEmpty();
    }

    @Test
    void concurrentReceiptsNeverOverfillABin() throws Exception {
        String location = fixtures.location(1);
        String sku = litreArticle();
        bin(location, "C-01", 1, 1000, null); // 10 l: room for 10 of the 16 units that arrive at once
        List<Api> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clients.add(Api.admin(port));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Api client : clients) {
                answers.add(pool.submit(() -> client.post("/api/v1/inventory/receipts", Map.of("sku", sku,
                        "location", location, "quantity", 1, "reference", Fixtures.unique("PO"))).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(units(location)).containsEntry("C-01", 10L).containsEntry("OVERFLOW", 6L);
        assertThat(bins(location).get(0).get("usedVolumeMm3").asLong()).isEqualTo(10 * LITRE);
        assertThat(inventory.stock(sku).onHand()).isEqualTo(16);
        assertThat(about(checker.check(), location)).isEmpty();
    }

    @Test
    void theCheckerFindsABinOverCapacityAndBinsThatDoNotAddUpToTheLocation() {
        String location = fixtures.location(1);
        String sku = litreArticle();
        bin(location, "D-01", 1, 1000, null);
        receive(sku, location, 4);

        InvariantReport over = brokenThenChecked(() -> {
            jdbc.sql("ALTER TABLE bin DROP CONSTRAINT bin_within_volume").update();
            jdbc.sql("UPDATE bin SET volume_mm3 = 2000000 WHERE code = 'D-01' AND location_id = "
                    + "(SELECT id FROM location WHERE code = :code)").param("code", location).update();
        });
        assertThat(invariantsAbout(over, location)).containsExactly(InvariantChecker.NO_BIN_OVER_CAPACITY);

        InvariantReport off = brokenThenChecked(() -> jdbc.sql("UPDATE bin_stock SET quantity = 5 WHERE sku = :sku")
                .param("sku", sku).update());
        // a bin's stock changed past its bin ledger is also off that ledger
        assertThat(about(off, location)).extracting(InvariantReport.Finding::invariant)
                .containsExactlyInAnyOrder(InvariantChecker.BINS_EQUAL_LOCATION_STOCK,
                        InvariantChecker.BIN_STOCK_EQUALS_BIN_LEDGER);
        assertThat(about(off, location)).extracting(InvariantReport.Finding::message)
                .contains(sku + " at " + location + ": on hand 4, in bins 5",
                        sku + " in bin D-01 at " + location + ": holds 5, its bin ledger sums to 4");
        assertThat(about(checker.check(), location)).isEmpty();
    }

    @Test
    void aBinIsNotMadeSmallerThanWhatItHolds() {
        String location = fixtures.location(1);
        String sku = litreArticle();
        bin(location, "E-01", 1, 1000, null);
        receive(sku, location, 6);

        Api.Response smaller = api.put("/api/v1/locations/" + location + "/bins/E-01", Map.of("pickSequence", 1,
                "lengthMm", 500, "widthMm", 100, "heightMm", 100));
        assertThat(smaller.status()).isEqualTo(409);
        assertThat(bins(location).get(0).get("volumeMm3").asLong()).isEqualTo(10 * LITRE);
        assertThat(api.put("/api/v1/locations/" + location + "/bins/OVERFLOW", Map.of("pickSequence", 1)).errorFields())
                .containsExactly("code");
    }

    /**
     * Generated history: last year the SKU sold 1 a day, 5 a day in the week of Black Friday 2026. Now is
     * 1 November 2027; 60 litres are on hand in 80 litres of bins; 50 arrive on 29 November, 40 on 6 December. The
     * peak drains the warehouse before the first delivery, so it fits; the second fills it on 6 December. (Without
     * the peak it would run full on 29 November.)
     */
    @Test
    void theForecastNamesTheDayTheWarehouseRunsFullAfterAKnownPeak() {
        String location = fixtures.location(1);
        String sku = litreArticle();
        LocalDate now = LocalDate.of(2027, 11, 1);
        LocalDate lastYear = now.minusWeeks(52);
        for (int d = 0; d < 84; d++) {
            LocalDate day = lastYear.plusDays(d);
            long sold = d >= 21 && d <= 27 ? 5 : 1;
            TestClock.movedBy(offsetTo(day), () -> shelves.follow(new ShelfStock.OnHandChange(sku,
                    inventory.location(location).id(), -sold, MovementKind.ISSUE, "PICK_LIST", "history")));
        }
        expect(api.put("/api/v1/locations/" + location + "/bins/F-01", Map.of("pickSequence", 1, "lengthMm", 1000,
                "widthMm", 800, "heightMm", 100)), 200);
        receive(sku, location, 60);
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR", "locale", "de")),
                201);

        TestClock.movedBy(offsetTo(now), () -> {
            purchase(supplier, location, sku, 50, LocalDate.of(2027, 11, 29));
            purchase(supplier, location, sku, 40, LocalDate.of(2027, 12, 6));
            JsonNode forecast = expect(api.get("/api/v1/locations/" + location + "/space-forecast"), 200).json();

            assertThat(forecast.get("from").asString()).isEqualTo("2027-11-01");
            assertThat(forecast.get("capacityVolumeMm3").asLong()).isEqualTo(80 * LITRE);
            assertThat(forecast.get("firstFullDay").asString()).isEqualTo("2027-12-06");
            JsonNode weeks = forecast.get("weeks");
            assertThat(weeks).hasSize(12);
            assertThat(weeks.get(3).get("peaks").toString()).contains("Black Friday");
            assertThat(weeks.get(3).get("demandVolumeMm3").asLong()).isEqualTo(35 * LITRE);
            assertThat(weeks.get(4).get("full").asBoolean()).isFalse();
            assertThat(weeks.get(5).get("full").asBoolean()).isTrue();
            assertThat(weeks.get(5).get("neededVolumeMm3").asLong()).isEqualTo(86 * LITRE);

            Api.Response csv = expect(api.get("/api/v1/locations/" + location + "/space-forecast/csv"), 200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body().lines().toList()).hasSize(13).element(6).asString()
                    .startsWith(location + ",2027-12-06,40.0,").contains(",86.0,80.0,true,Christmas,2027-12-06");
        });
    }

    /**
     * Now is Wednesday 3 November 2027. Last year's history is read by calendar week: a SKU that sold 70 on
     * Monday 2 November 2026 sells a tenth of that a day in the five forecast days whose last-year day (4 to 8
     * November 2026) falls in that week, and nothing on the two after. A SKU first sold two years ago that sold
     * nothing in last year's weeks is forecast to sell nothing, though it sells now. A SKU without old history
     * sells at the rate of the four calendar weeks before this one (14 a week), not counting this week's Monday
     * and Tuesday.
     */
    @Test
    void theForecastReadsLastYearByCalendarWeekAndTheRecentRateByWholeWeeks() {
        LocalDate now = LocalDate.of(2027, 11, 3);
        String seasonal = fixtures.location(1);
        String seasonalSku = litreArticle();
        issued(seasonalSku, seasonal, LocalDate.of(2026, 11, 2), 70);
        String dormant = fixtures.location(1);
        String dormantSku = litreArticle();
        issued(dormantSku, dormant, LocalDate.of(2025, 11, 5), 1);
        String fresh = fixtures.location(1);
        String freshSku = litreArticle();
        for (int d = 1; d <= 28; d++) {
            issued(freshSku, fresh, LocalDate.of(2027, 11, 1).minusDays(d), 2);
            issued(dormantSku, dormant, LocalDate.of(2027, 11, 1).minusDays(d), 2);
        }
        issued(freshSku, fresh, LocalDate.of(2027, 11, 1), 100);
        issued(freshSku, fresh, LocalDate.of(2027, 11, 2), 100);
        for (String[] stocked : new String[][] { { seasonalSku, seasonal }, { dormantSku, dormant },
                { freshSku, fresh } }) {
            receive(stocked[0], stocked[1], 500);
        }

        TestClock.movedBy(offsetTo(now), () -> {
            assertThat(demandLitres(seasonal)).startsWith(50L, 0L);
            assertThat(demandLitres(dormant)).containsOnly(0L);
            assertThat(demandLitres(fresh)).startsWith(14L, 14L, 14L);
        });
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Goods of {@code sku} issued at {@code location} on {@code day}, as picking records them. */
    private void issued(String sku, String location, LocalDate day, long quantity) {
        TestClock.movedBy(offsetTo(day), () -> shelves.follow(new ShelfStock.OnHandChange(sku,
                inventory.location(location).id(), -quantity, MovementKind.ISSUE, "PICK_LIST", "history")));
    }

    /** The forecast demand of each of the 12 weeks in whole litres. */
    private List<Long> demandLitres(String location) {
        List<Long> litres = new ArrayList<>();
        expect(api.get("/api/v1/locations/" + location + "/space-forecast"), 200).json().get("weeks")
                .forEach(w -> litres.add(Math.round(w.get("demandVolumeMm3").asLong() / (double) LITRE)));
        return litres;
    }

    private static String dimensions(String sku) {
        return "/api/v1/articles/" + sku + "/dimensions";
    }

    /** An article of 10 × 10 × 10 cm: one litre. */
    private String litreArticle() {
        String sku = fixtures.article("10.00", "EUR", "19");
        expect(api.put(dimensions(sku), Map.of("lengthMm", 100, "widthMm", 100, "heightMm", 100)), 200);
        return sku;
    }

    /** A bin of {@code lengthMm} × 100 × 100 mm: a tenth of a litre per millimetre of length. */
    private void bin(String location, String code, int sequence, int lengthMm, String homeSku) {
        Map<String, Object> body = new HashMap<>(Map.of("pickSequence", sequence, "lengthMm", lengthMm, "widthMm", 100,
                "heightMm", 100));
        if (homeSku != null) {
            body.put("homeSku", homeSku);
        }
        expect(api.put("/api/v1/locations/" + location + "/bins/" + code, body), 200);
    }

    private void receive(String sku, String location, long quantity) {
        fixtures.receive(sku, location, quantity);
    }

    private List<String> suggestion(String location, String sku, long quantity) {
        JsonNode s = expect(api.get("/api/v1/locations/" + location + "/putaway?sku=" + sku + "&quantity=" + quantity),
                200).json();
        return List.of(s.get("bin").asString(), s.get("reason").asString());
    }

    private List<JsonNode> bins(String location) {
        List<JsonNode> bins = new ArrayList<>();
        expect(api.get("/api/v1/locations/" + location + "/bins"), 200).json().forEach(bins::add);
        return bins;
    }

    private static List<String> shares(JsonNode suggestion) {
        List<String> shares = new ArrayList<>();
        suggestion.get("shares").forEach(s -> shares.add(s.get("bin").asString() + "=" + s.get("quantity").asLong()));
        return shares;
    }

    private Map<String, Long> units(String location) {
        Map<String, Long> units = new HashMap<>();
        bins(location).forEach(b -> units.put(b.get("code").asString(), b.get("units").asLong()));
        return units;
    }

    private void purchase(String supplier, String location, String sku, long quantity, LocalDate expectedOn) {
        expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", location, "lines",
                List.of(Map.of("sku", sku, "quantity", quantity, "unitPrice", "4.20", "expectedOn",
                        expectedOn.toString()))), "Idempotency-Key", Fixtures.unique("po-key")), 201);
    }

    private static Duration offsetTo(LocalDate day) {
        return Duration.between(Instant.now(), day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private InvariantReport brokenThenChecked(Runnable breakage) {
        return transaction.execute(tx -> {
            tx.setRollbackOnly();
            breakage.run();
            return checker.check();
        });
    }

    private static List<InvariantReport.Finding> about(InvariantReport report, String text) {
        return report.findings().stream().filter(f -> f.message().contains(text)).toList();
    }

    private static List<String> invariantsAbout(InvariantReport report, String text) {
        return about(report, text).stream().map(InvariantReport.Finding::invariant).toList();
    }
}
