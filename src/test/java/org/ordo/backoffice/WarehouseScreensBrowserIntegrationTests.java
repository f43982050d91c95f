package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.fulfillment.FulfillmentManagement;
import org.ordo.fulfillment.PickList;
import org.ordo.inventory.InventoryManagement;
import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The warehouse and the dashboard in a real browser: a warehouse worker picks (with a wrong scan first), packs and
 * ships an order, prints the pick list and receives goods; an agent sees the dashboard's charts drawn and exports
 * a figure as CSV; the warehouse may not open the dashboard.
 */
@IntegrationTest
class WarehouseScreensBrowserIntegrationTests {

    private static final String PASSWORD = "screens-password-1";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    FulfillmentManagement fulfillment;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    OrderManagement orders;

    Fixtures fixtures;
    Api api;

    @BeforeAll
    static void startBrowser(@org.springframework.beans.factory.annotation.Value("${local.server.port}") int port) {
        browser = Browser.start(port);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    private String person(Role role) {
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, "en", "test");
        return name;
    }

    /** Runs fetch() in the logged-in browser: status, content type and body (base64) of a GET. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String path) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
                    let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));
                    done({status: r.status, type: r.headers.get('content-type'), body: btoa(s)});
                }));""", path);
    }

    private static byte[] bytes(Map<String, Object> fetched) {
        return Base64.getDecoder().decode((String) fetched.get("body"));
    }

    private void scan(String sku) {
        var field = browser.waitFor(By.id("scan"));
        assertThat(browser.driver().switchTo().activeElement()).as("the scan field has the focus").isEqualTo(field);
        field.sendKeys(sku + Keys.ENTER);
    }

    @Test
    void aWarehouseWorkerPicksWithAScannerPacksAndShips() throws Exception {
        String loc = fixtures.location(1);
        String shirt = fixtures.article("19.99", "EUR", "19");
        String mug = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(shirt, loc, 10);
        fixtures.receive(mug, loc, 10);
        var order = new java.util.HashMap<>(Fixtures.order("EUR", shirt, 2, mug, 1));
        order.put("paymentMethod", "marketplace");
        String number = expect(api.placeOrder(order), 201).json().get("number").asString();

        browser.login(person(Role.WAREHOUSE), PASSWORD);
        browser.find(By.id("nav-warehouse")).click();
        browser.screenshot("warehouse-choose");
        browser.waitFor(By.id("choose-" + loc)).click();
        browser.waitFor(By.id("create-pick-list")).click();
        String pickListNumber = browser.waitFor(By.id("pick-list-number")).getText().replace("Pick list ", "");
        assertThat(browser.find(By.id("lines")).getText()).contains(shirt, mug, number);
        browser.screenshot("warehouse-pick-list");
        PickList list = fulfillment.openPickLists(loc).get(0);
        assertThat(list.number()).isEqualTo(pickListNumber);

        // The printed list: a PDF with every SKU, its name, quantity and order, sorted by SKU.
        Map<String, Object> pdf = fetch("/warehouse/pick-lists/" + list.id() + ".pdf");
        assertThat(pdf.get("status")).isEqualTo(200L);
        assertThat((String) pdf.get("type")).isEqualTo("application/pdf");
        assertThat(new String(bytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(bytes(pdf))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Pick list " + pickListNumber, loc, "Article " + shirt, "Article " + mug,
                    number);
            String first = shirt.compareTo(mug) < 0 ? shirt : mug;
            String second = first.equals(shirt) ? mug : shirt;
            assertThat(text.indexOf(first)).as("sorted by SKU").isLessThan(text.indexOf(second));
        }

        // Picking: the scanner types into the focused field and presses Enter; lines come in SKU order.
        browser.find(By.id("start-picking")).click();
        List<String> inOrder = List.of(shirt, mug).stream().sorted().toList();
        assertThat(browser.waitFor(By.id("pick-sku")).getText()).isEqualTo(inOrder.get(0));
        browser.screenshot("warehouse-picking");
        scan(inOrder.get(1));
        assertThat(browser.waitFor(By.id("pick-error")).getText()).contains("Wrong article", inOrder.get(1));
        browser.screenshot("warehouse-picking-wrong-sku");
        assertThat(fulfillment.pickList(list.id()).lines()).as("a wrong scan changes nothing")
                .allSatisfy(l -> assertThat(l.status()).isEqualTo("OPEN"));
        assertThat(inventory.stock(shirt).onHand()).isEqualTo(10);

        for (String sku : inOrder) {
            browser.waitUntil(d -> d.findElement(By.id("pick-sku")).getText().equals(sku));
            scan(sku);
            var quantity = browser.waitFor(By.id("confirm-quantity"));
            assertThat(quantity.getAttribute("value")).isEqualTo(sku.equals(shirt) ? "2" : "1");
            quantity.sendKeys(Keys.ENTER);
            browser.waitUntil(d -> !d.findElements(By.id("pick-done")).isEmpty()
                    && d.findElement(By.id("pick-done")).getText().contains(sku));
        }
        assertThat(browser.waitFor(By.id("all-picked")).getText()).contains(pickListNumber);
        assertThat(inventory.stock(shirt).onHand()).isEqualTo(8);
        assertThat(inventory.stock(mug).onHand()).isEqualTo(9);

        // Packing: the weight is suggested from the articles (250 g each), the packer adds the box size.
        browser.find(By.id("to-pick-list")).click();
        browser.waitFor(By.id("pack-" + number)).click();
        assertThat(browser.waitFor(By.id("weight")).getAttribute("value")).isEqualTo("750");
        browser.find(By.id("length")).sendKeys("300");
        browser.find(By.id("width")).sendKeys("200");
        browser.find(By.id("height")).sendKeys("100");
        browser.screenshot("warehouse-pack");
        browser.find(By.id("pack")).click();

        // Shipping: carrier from the list, tracking number typed or scanned.
        browser.waitFor(By.id("tracking")).sendKeys("00340434161094042557");
        new Select(browser.find(By.id("carrier"))).selectByValue("DHL");
        browser.find(By.id("service")).sendKeys("Paket");
        browser.screenshot("warehouse-ship");
        browser.find(By.id("ship")).click();
        assertThat(browser.waitFor(By.id("flash")).getText()).contains(number, "DHL", "00340434161094042557");
        assertThat(orders.require(orders.idOf(number)).fulfillmentStatus()).isEqualTo(FulfillmentStatus.SHIPPED);
        assertThat(inventory.ledgerDiscrepancies(shirt)).isEmpty();
    }

    @Test
    void receivingGoodsAddsToStockAndBadInputChangesNothing() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(sku, loc, 3);

        browser.login(person(Role.WAREHOUSE), PASSWORD);
        browser.open("/warehouse?location=" + loc);
        browser.waitFor(By.id("to-receive")).click();
        browser.waitFor(By.id("receive-sku")).sendKeys(sku + "-TYPO");
        new Select(browser.find(By.id("receive-location"))).selectByValue(loc);
        browser.find(By.id("receive-quantity")).sendKeys("12");
        browser.find(By.id("receive")).click();
        assertThat(browser.waitFor(By.id("flash")).getText()).contains("Not saved", "SKU: unknown SKU");
        assertThat(inventory.stock(sku).onHand()).isEqualTo(3);

        // The form keeps what was typed: correct the SKU and send it again.
        assertThat(browser.find(By.id("receive-quantity")).getAttribute("value")).isEqualTo("12");
        browser.find(By.id("receive-sku")).clear();
        browser.find(By.id("receive-sku")).sendKeys(sku);
        browser.find(By.id("receive-reference")).sendKeys("PO-4711");
        browser.find(By.id("receive")).click();
        assertThat(browser.waitFor(By.id("receipt")).getText()).contains("12 × " + sku, loc, "PO-4711");
        assertThat(browser.find(By.id("receipt-stock")).getText()).contains("15 on hand");
        browser.screenshot("warehouse-receive");
        assertThat(inventory.stock(sku).onHand()).isEqualTo(15);

        // The stock screens show it: the level per location and the receipt in the ledger.
        browser.find(By.id("nav-inventory")).click();
        browser.waitFor(By.id("search-sku")).sendKeys(sku + Keys.ENTER);
        assertThat(browser.waitFor(By.id("stock-" + sku + "-" + loc)).getText()).contains("15");
        browser.screenshot("inventory-stock");
        browser.find(By.linkText(sku)).click();
        assertThat(browser.waitFor(By.id("movements")).getText()).contains("PO-4711");
        browser.screenshot("inventory-ledger");
        browser.open("/inventory/low-stock");
        browser.waitFor(By.id("threshold"));
        browser.screenshot("inventory-low-stock");
    }

    @Test
    void theDashboardDrawsItsChartsAndExportsCsvButNotForTheWarehouse() {
        String loc = fixtures.location(1);
        String sku = fixtures.article("9.00", "EUR", "19");
        fixtures.receive(sku, loc, 5);
        expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201);

        browser.login(person(Role.AGENT), PASSWORD);
        browser.find(By.id("nav-dashboard")).click();
        browser.waitFor(By.id("chart-orders"));
        Object points = ((JavascriptExecutor) browser.driver()).executeScript("""
                const chart = Chart.getChart(document.getElementById('chart-orders'));
                return chart ? chart.data.datasets.flatMap(s => s.data).reduce((a, b) => a + (b || 0), 0) : -1;""");
        assertThat(((Number) points).longValue()).as("orders drawn today").isPositive();
        Object drawn = ((JavascriptExecutor) browser.driver()).executeScript("""
                const c = document.getElementById('chart-backlog');
                const blank = document.createElement('canvas'); blank.width = c.width; blank.height = c.height;
                return Chart.getChart(c) != null && c.toDataURL() !== blank.toDataURL();""");
        assertThat(drawn).isEqualTo(true);
        // The shared test database holds many nearly empty SKUs and the card shows the lowest first, so this
        // article (4 left) need not be on it; DashboardIntegrationTests checks which SKUs count as low.
        assertThat(browser.find(By.id("figure-low-stock")).getText()).containsPattern("SKU-\\S+ [0-9]");
        browser.screenshot("dashboard");

        Map<String, Object> csv = fetch("/dashboard/orders-per-day.csv");
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).isEqualTo("text/csv;charset=UTF-8");
        String[] lines = new String(bytes(csv), java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("day,channel,orders");
        assertThat(lines).anyMatch(l -> l.startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ",Web shop,"));
        assertThat(fetch("/dashboard/no-such-figure.csv").get("status")).isEqualTo(404L);

        WebSession warehouse = WebSession.login(port, person(Role.WAREHOUSE), PASSWORD);
        assertThat(warehouse.get("/dashboard").status()).isEqualTo(403);
        assertThat(warehouse.get("/dashboard/backlog.csv").status()).isEqualTo(403);
    }
}
