package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.fulfillment.FulfillmentManagement;
import org.ordo.fulfillment.PickList;
import org.ordo.inventory.InventoryManagement;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stock screens and the picking screen's answers without a browser: search, ledger paging, adjustments only with
 * a reason and only by admins and the warehouse, a short pick reported from the scanner screen.
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
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, "en", "test");
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
}
