package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.fulfillment.FulfillmentManagement;
import org.ordo.fulfillment.PackRequest;
import org.ordo.fulfillment.Parcel;
import org.ordo.fulfillment.PickList;
import org.ordo.inventory.InventoryManagement;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stock screens and the picking screen's answers without a browser: search, ledger paging, adjustments only with
 * a reason and only by admins and the warehouse, a short pick reported from the scanner screen, and refusals of the
 * warehouse's forms said in the worker's language.
 */
@IntegrationTest
class InventoryScreensIntegrationTests {

    private static final String PASSWORD = "inventory-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    FulfillmentManagement fulfillment;

    Api api;
    Fixtures fixtures;
    String location;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(sku, location, 20);
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
    void everyoneReadsStockButOnlyAdminsAndTheWarehouseAdjustWithAReason() {
        WebSession agent = as(Role.AGENT);
        String page = agent.get("/inventory?sku=" + sku).body();
        assertThat(page).contains("id=\"stock-" + sku + "-" + location + "\"");
        assertThat(agent.get("/inventory?sku=NO-SUCH-PREFIX").body()).contains("No stock matches.");
        String ledger = agent.get("/inventory/" + sku + "/ledger").body();
        assertThat(ledger).contains("Stock ledger of " + sku).doesNotContain("id=\"adjust-form\"");
        WebSession.Page refused = agent.post("/inventory/adjustments",
                Map.of("sku", sku, "location", location, "quantity", "-1", "reason", "count"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(inventory.stock(sku).onHand()).isEqualTo(20);

        WebSession warehouse = as(Role.WAREHOUSE);
        assertThat(warehouse.get("/inventory/" + sku + "/ledger").body()).contains("id=\"adjust-form\"");
        WebSession.Page noReason = warehouse.post("/inventory/adjustments",
                Map.of("sku", sku, "location", location, "quantity", "-2", "reason", " "));
        assertThat(warehouse.follow(noReason).body()).contains("Not saved: Reason: is required");
        assertThat(inventory.stock(sku).onHand()).as("nothing changed").isEqualTo(20);

        warehouse.get("/inventory/" + sku + "/ledger");
        WebSession.Page tooMuch = warehouse.post("/inventory/adjustments",
                Map.of("sku", sku, "location", location, "quantity", "-21", "reason", "lost"));
        assertThat(warehouse.follow(tooMuch).body()).contains("Not possible:");
        assertThat(inventory.stock(sku).onHand()).isEqualTo(20);

        warehouse.get("/inventory/" + sku + "/ledger");
        WebSession.Page adjusted = warehouse.post("/inventory/adjustments",
                Map.of("sku", sku, "location", location, "quantity", "-2", "reason", "damaged"));
        String after = warehouse.follow(adjusted).body();
        assertThat(after).contains("Adjusted " + sku + " at " + location + " by -2: damaged.");
        assertThat(inventory.stock(sku).onHand()).isEqualTo(18);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void theLedgerIsKeysetPaged() {
        for (int i = 0; i < 55; i++) {
            inventory.receive(new org.ordo.inventory.Receipt(sku, location, 1L, "PO-" + i, null));
        }
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String first = admin.get("/inventory/" + sku + "/ledger").body();
        var next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = admin.get(next.group(1).replace("&amp;", "&")).body();
        assertThat(second).contains("PO-54").doesNotContain("id=\"next-page\"");
        assertThat(first).doesNotContain("PO-54");
    }

    @Test
    void theLowStockListNamesTheThreshold() {
        String scarce = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(scarce, location, 2);
        String page = as(Role.AGENT).get("/inventory/low-stock").body();
        assertThat(page).contains("id=\"low-" + scarce + "\"").contains("fewer than 10 units")
                .doesNotContain("id=\"low-" + sku + "\"");
    }

    @Test
    void aShortPickReportedOnTheScannerScreenIsBookedAndAWrongScanIsNot() {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 3));
        order.put("paymentMethod", "marketplace");
        expect(api.placeOrder(order), 201);
        WebSession warehouse = as(Role.WAREHOUSE);
        warehouse.get("/warehouse?location=" + location);
        warehouse.post("/warehouse/pick-lists", Map.of("location", location, "maxOrders", "5"));
        PickList list = fulfillment.openPickLists(location).get(0);
        int lineNo = list.lines().get(0).lineNo();

        warehouse.get("/warehouse/pick-lists/" + list.id() + "/pick");
        String wrong = warehouse.post("/warehouse/pick-lists/" + list.id() + "/scan",
                Map.of("lineNo", String.valueOf(lineNo), "sku", "OTHER-SKU")).body();
        assertThat(wrong).contains("id=\"pick-error\"", "Wrong article: scanned OTHER-SKU, this line is " + sku);
        String right = warehouse.post("/warehouse/pick-lists/" + list.id() + "/scan",
                Map.of("lineNo", String.valueOf(lineNo), "sku", sku)).body();
        assertThat(right).contains("id=\"report-short\"");
        assertThat(fulfillment.pickList(list.id()).lines().get(0).status()).isEqualTo("OPEN");

        String shortPick = warehouse.post("/warehouse/pick-lists/" + list.id() + "/lines/" + lineNo + "/pick",
                Map.of("sku", sku, "quantity", "1")).body();
        assertThat(shortPick).contains("1 × " + sku + " picked, 2 missing");
        PickList.Line line = fulfillment.pickList(list.id()).lines().get(0);
        assertThat(line.status()).isEqualTo("SHORT");
        assertThat(line.missing()).isEqualTo(2);
        assertThat(inventory.stock(sku).onHand()).as("one issued, two written off").isEqualTo(17);
        assertThat(inventory.ledgerDiscrepancies(sku)).isEmpty();
    }

    @Test
    void aRefusedPickIsExplainedInKoreanOnAKoreanScannerAndInEnglishOnAnEnglishOne() {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 3));
        order.put("paymentMethod", "marketplace");
        expect(api.placeOrder(order), 201);
        WebSession korean = as(Role.WAREHOUSE, "ko");
        korean.get("/warehouse?location=" + location);
        korean.post("/warehouse/pick-lists", Map.of("location", location, "maxOrders", "5"));
        PickList list = fulfillment.openPickLists(location).get(0);
        int lineNo = list.lines().get(0).lineNo();
        String pick = "/warehouse/pick-lists/" + list.id() + "/lines/" + lineNo + "/pick";

        korean.get("/warehouse/pick-lists/" + list.id() + "/pick");
        String refused = korean.post(pick, Map.of("sku", "OTHER-SKU", "quantity", "9")).body();
        assertThat(refused).contains("id=\"pick-error\"",
                FieldLabels.of("sku", Locale.KOREAN) + ": OTHER-SKU을(를) 스캔했지만 이 라인의 상품은 " + sku + "입니다",
                FieldLabels.of("quantity", Locale.KOREAN) + ": 0에서 3 사이여야 합니다")
                .doesNotContain("scanned OTHER-SKU", "must be between");
        assertThat(fulfillment.pickList(list.id()).lines().get(0).status()).as("nothing picked").isEqualTo("OPEN");

        WebSession english = as(Role.WAREHOUSE);
        english.get("/warehouse/pick-lists/" + list.id() + "/pick");
        assertThat(english.post(pick, Map.of("sku", "OTHER-SKU", "quantity", "3")).body())
                .contains(FieldLabels.of("sku", Locale.ENGLISH) + ": scanned OTHER-SKU but this line is " + sku);

        korean.post(pick, Map.of("sku", sku, "quantity", "3"));
        assertThat(korean.post(pick, Map.of("sku", sku, "quantity", "3")).body()).as("confirmed twice")
                .contains(list.number() + "의 라인 " + lineNo + "은(는) 이미 피킹되었습니다");
        assertThat(inventory.stock(sku).onHand()).as("issued once").isEqualTo(17);
    }

    @Test
    void refusedAdjustmentsAndShipmentsAreExplainedInTheWorkersLanguage() {
        WebSession german = as(Role.WAREHOUSE, "de");
        german.get("/inventory/" + sku + "/ledger");
        WebSession.Page zero = german.post("/inventory/adjustments",
                Map.of("sku", sku, "location", location, "quantity", "0", "reason", "Zählung"));
        assertThat(german.follow(zero).body())
                .contains("Nicht gespeichert: " + FieldLabels.of("quantity", Locale.GERMAN) + ": darf nicht 0 sein");
        assertThat(inventory.stock(sku).onHand()).as("nothing changed").isEqualTo(20);

        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 2));
        order.put("paymentMethod", "marketplace");
        var placed = expect(api.placeOrder(order), 201).json();
        String number = placed.get("number").asString();
        UUID orderId = UUID.fromString(placed.get("id").asString());
        PickList list = fulfillment.createPickList(location, null, 5);
        fulfillment.pick(list.id(), list.lines().get(0).lineNo(), sku, 2L);
        List<Parcel> parcels = fulfillment.pack(orderId, new PackRequest(location, List.of(
                new PackRequest.ParcelSpec(500, null, null, null, List.of(new PackRequest.Item(1, 2L))))));

        WebSession spanish = as(Role.WAREHOUSE, "es");
        String ship = "/warehouse/orders/" + number + "/ship?location=" + location;
        spanish.get(ship);
        WebSession.Page refused = spanish.post(ship, Map.of("parcel", parcels.get(0).id().toString(),
                "carrier", "DHL", "trackingNumber", "x"));
        assertThat(spanish.follow(refused).body().replace("&#39;", "'")).contains("No guardado: "
                + FieldLabels.of("trackingNumber", Locale.forLanguageTag("es"))
                + ": es obligatorio: entre 4 y 40 letras, dígitos o '-'");
        assertThat(fulfillment.parcelsOf(orderId)).as("nothing shipped").allSatisfy(p ->
                assertThat(p.status()).isEqualTo("PACKED"));
    }
}
