package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.ordo.space.SpaceManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Warehouse space without a browser: the scanner's receipt names the bin the goods go into (or the overflow), the
 * space screen shows the bins, the overflow alert and the forecast with its CSV, the purchasing screen warns
 * when a suggested order would not fit, and a refused move between bins says why in the worker's language.
 */
@IntegrationTest
class SpaceScreensIntegrationTests {

    private static final String PASSWORD = "space-screens-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    SpaceManagement space;

    Api api;
    Fixtures fixtures;
    String location, sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku = fixtures.article("10.00", "EUR", "19");
        expect(api.put("/api/v1/articles/" + sku + "/dimensions", Map.of("lengthMm", 100, "widthMm", 100,
                "heightMm", 100)), 200);
        expect(api.put("/api/v1/locations/" + location + "/bins/R-01", Map.of("pickSequence", 1, "lengthMm", 1000,
                "widthMm", 100, "heightMm", 100)), 200); // 10 litres
    }

    private WebSession as(Role role) {
        return as(role, "en");
    }

    private WebSession as(Role role, String language) {
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, language, "test");
        return WebSession.login(port, name, PASSWORD);
    }

    @Test
    void theScannerNamesTheBinAndTheSpaceScreenShowsBinsAlertsAndTheForecast() {
        WebSession warehouse = as(Role.WAREHOUSE);
        warehouse.get("/warehouse/receive?location=" + location);
        WebSession.Page first = warehouse.follow(warehouse.post("/warehouse/receive", Map.of("sku", sku, "location",
                location, "quantity", "8", "reference", "PO-1")));
        assertThat(first.body()).contains("Put them into bin R-01.");
        WebSession.Page second = warehouse.follow(warehouse.post("/warehouse/receive", Map.of("sku", sku,
                "location", location, "quantity", "5", "reference", "PO-2")));
        // two still fit R-01: the receipt is split, and only the other three go to OVERFLOW with an alert
        assertThat(second.body()).contains("Not all of them fit one bin: put them into R-01 ×2 + OVERFLOW ×3.");

        WebSession.Page screen = warehouse.get("/space?location=" + location);
        assertThat(screen.status()).isEqualTo(200);
        assertThat(screen.body()).contains("id=\"bin-R-01\"").contains("100.0 %")
                .contains("3 × " + sku + " went to the overflow bin")
                .as("13 litres on hand, 10 in bins: full today").contains("Runs full on ");
        WebSession.Page csv = warehouse.get("/space/forecast.csv?location=" + location);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("location,week_from,").contains(location + ",");
    }

    @Test
    void thePurchasingSuggestionWarnsWhenTheOrderWouldNotFit() {
        fixtures.receive(sku, location, 8); // 8 of 10 litres
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR", "locale", "de")),
                201);
        expect(api.put("/api/v1/inventory/" + sku + "/policy", Map.of("location", location, "supplier", supplier,
                "reorderPoint", 10, "targetLevel", 30, "purchasePrice", Map.of("amount", "4.20", "currency", "EUR"))),
                200);

        var suggestion = expect(api.get("/api/v1/purchasing/suggestions?location=" + location), 200).json().get(0);
        assertThat(suggestion.get("lines").get(0).get("quantity").asLong()).isEqualTo(22);
        assertThat(suggestion.get("spaceWarning").asString())
                .isEqualTo("needs 22.0 l at " + location + ", but only 2.0 l of 10.0 l are free once stock and open"
                        + " purchase orders are in");
        assertThat(as(Role.AGENT).get("/purchasing").body()).contains("Would not fit the warehouse: needs 22.0 l");
    }

    @Test
    void aRefusedMoveBetweenBinsSaysWhyInTheWorkersLanguage() {
        fixtures.receive(sku, location, 5); // into R-01
        WebSession korean = as(Role.WAREHOUSE, "ko");
        korean.get("/warehouse/moves?location=" + location);
        WebSession.Page same = korean.post("/warehouse/moves", Map.of("location", location, "from", "R-01", "sku", sku,
                "quantity", "2", "to", "R-01"));
        assertThat(korean.follow(same).body()).contains("저장되지 않음: " + FieldLabels.of("to", Locale.KOREAN)
                + ": 물품이 나가는 빈입니다. 다른 빈을 지정하세요");
        WebSession.Page unknown = korean.post("/warehouse/moves", Map.of("location", location, "from", "R-01", "sku",
                sku, "quantity", "2", "to", "NOPE"));
        assertThat(korean.follow(unknown).body()).contains(FieldLabels.of("to", Locale.KOREAN) + ": " + location
                + "에 빈 NOPE이(가) 없습니다");

        WebSession english = as(Role.WAREHOUSE);
        english.get("/warehouse/moves?location=" + location);
        assertThat(english.follow(english.post("/warehouse/moves", Map.of("location", location, "from", "R-01", "sku",
                sku, "quantity", "2", "to", "R-01"))).body()).contains("Not saved: " + FieldLabels.of("to",
                        Locale.ENGLISH) + ": is the bin the goods leave; name another bin");
        assertThat(space.contents(location, "R-01").of(sku)).as("nothing moved").isEqualTo(5);
    }

    /** A warehouse of 10,000 characters (the hostile run's) is refused on the page, not with a 500 from its redirect. */
    @Test
    void aMoveInAWarehouseLongerThanAnyCodeIsRefusedOnThePage() {
        fixtures.receive(sku, location, 5);
        WebSession warehouse = as(Role.WAREHOUSE);
        warehouse.get("/warehouse/moves?location=" + location);
        WebSession.Page answer = warehouse.post("/warehouse/moves", Map.of("location", "L".repeat(10_000), "from",
                "R-01", "sku", sku, "quantity", "2", "to", "R-02"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/warehouse/moves?location=");
        assertThat(warehouse.follow(answer).body()).contains("class=\"flash error\"");
        assertThat(space.contents(location, "R-01").of(sku)).as("nothing moved").isEqualTo(5);
    }
}
