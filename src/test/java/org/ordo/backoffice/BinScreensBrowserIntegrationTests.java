package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bins in a real browser: a warehouse worker moves stock between bins with a scanner (bin, article, quantity, target
 * bin, each ended by Enter), and then makes a pick list whose lines, on the screen and on the scanner's picking
 * screen, follow the bins' pick path rather than the SKUs; and counts a whole bin, the bin scanned first and then each
 * article with how many were found.
 */
@IntegrationTest
class BinScreensBrowserIntegrationTests {

    private static final String PASSWORD = "bins-password-1";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    Api api;
    Fixtures fixtures;

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

    @Test
    void aWorkerMovesStockBetweenBinsWithAScannerAndPicksAlongThePickPath() {
        String loc = fixtures.location(1);
        String one = fixtures.article("19.99", "EUR", "19");
        String two = fixtures.article("12.50", "EUR", "19");
        String first = one.compareTo(two) < 0 ? one : two; // first by SKU, but it will lie further along the path
        String second = first.equals(one) ? two : one;
        bin(loc, "A-01", 1);
        bin(loc, "Z-09", 9);
        fixtures.receive(first, loc, 5);  // both into A-01, the first bin on the path
        fixtures.receive(second, loc, 5);

        String name = Fixtures.unique("warehouse").toLowerCase();
        users.create(name, PASSWORD, Role.WAREHOUSE, "en", "test");
        browser.login(name, PASSWORD);
        browser.open("/warehouse?location=" + loc);
        browser.waitFor(By.id("to-moves")).click();
        new Select(browser.waitFor(By.id("move-location"))).selectByValue(loc);
        // a scanner types each code and Enter: Enter goes on to the next field, the last one sends the form
        scanInto("move-from", "A-01");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.find(By.id("move-sku")));
        scanInto("move-sku", first);
        scanInto("move-quantity", "5");
        browser.screenshot("bins-move");
        scanInto("move-to", "Z-09");
        assertThat(browser.waitFor(By.id("flash")).getText()).contains("Moved 5", first, "A-01", "Z-09");
        assertThat(held(loc, "Z-09")).containsEntry(first, 5L);

        // too many: refused with the reason, nothing moves
        new Select(browser.waitFor(By.id("move-location"))).selectByValue(loc);
        scanInto("move-from", "A-01");
        scanInto("move-sku", second);
        scanInto("move-quantity", "6");
        scanInto("move-to", "Z-09");
        assertThat(browser.waitFor(By.id("flash")).getText()).contains("holds 5");
        assertThat(held(loc, "A-01")).containsEntry(second, 5L);

        var order = new HashMap<>(Fixtures.order("EUR", first, 1, second, 1));
        order.put("paymentMethod", "marketplace");
        expect(api.placeOrder(order), 201);
        browser.open("/warehouse?location=" + loc);
        browser.waitFor(By.id("create-pick-list")).click();
        browser.waitFor(By.id("pick-list-number"));
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.find(By.id("lines")).findElements(By.cssSelector("tbody tr"))) {
            rows.add(row.findElement(By.cssSelector("td.bin")).getText() + " " + row.getText());
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).as("A-01 comes first on the path").startsWith("A-01").contains(second);
        assertThat(rows.get(1)).startsWith("Z-09").contains(first);
        browser.screenshot("bins-pick-list");

        browser.find(By.id("start-picking")).click();
        assertThat(browser.waitFor(By.id("pick-bin")).getText()).isEqualTo("A-01");
        assertThat(browser.find(By.id("pick-sku")).getText()).isEqualTo(second);
    }

    @Test
    void aWorkerCountsAWholeBinWithAScannerBinFirstThenEachArticle() {
        String loc = fixtures.location(1);
        String found = fixtures.article("19.99", "EUR", "19");
        String notThere = fixtures.article("12.50", "EUR", "19");
        bin(loc, "C-01", 1);
        fixtures.receive(found, loc, 6);
        fixtures.receive(notThere, loc, 2);

        String name = Fixtures.unique("counter").toLowerCase();
        users.create(name, PASSWORD, Role.WAREHOUSE, "en", "test");
        browser.login(name, PASSWORD);
        browser.open("/counts");
        new Select(browser.waitFor(By.id("bin-count-location"))).selectByValue(loc);
        scanInto("bin-count-bin", "C-01");
        assertThat(browser.waitFor(By.id("bin-count-heading")).getText()).isEqualTo("Bin C-01 at " + loc);
        assertThat(browser.text()).as("blind: the books are not shown").doesNotContain(found, notThere);

        // the article, Enter, the quantity, Enter; the same article again adds to it
        scanInto("bin-count-sku", found);
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.find(By.id("bin-count-counted")));
        scanInto("bin-count-counted", "3");
        browser.waitFor(By.id("bin-count-line-" + found));
        scanInto("bin-count-sku", found);
        scanInto("bin-count-counted", "2");
        assertThat(browser.waitFor(By.id("bin-count-line-" + found)).getText()).contains(found, "5");
        scanInto("bin-count-sku", "NOT-AN-ARTICLE");
        scanInto("bin-count-counted", "1");
        assertThat(browser.waitFor(By.id("bin-count-error")).getText()).contains("NOT-AN-ARTICLE",
                "not a known article");
        assertThat(browser.find(By.id("bin-count-line-" + found)).getText()).as("what was scanned stays")
                .contains("5");
        browser.screenshot("bins-count");

        browser.find(By.id("bin-count-finish")).click();
        assertThat(browser.waitFor(By.id("flash")).getText())
                .isEqualTo("Bin C-01 counted: 2 articles, 0 of them waiting for approval.");
        assertThat(held(loc, "C-01")).as("5 found; the article not scanned was not there")
                .containsOnly(Map.entry(found, 5L));
        assertThat(expect(api.get("/api/v1/inventory/" + notThere), 200).json().get("onHand").asLong()).isZero();
    }

    private void scanInto(String id, String code) {
        browser.waitFor(By.id(id)).sendKeys(code + Keys.ENTER);
    }

    private void bin(String location, String code, int sequence) {
        expect(api.put("/api/v1/locations/" + location + "/bins/" + code, Map.of("pickSequence", sequence)), 200);
    }

    private Map<String, Long> held(String location, String bin) {
        JsonNode contents = expect(api.get("/api/v1/locations/" + location + "/bins/" + bin + "/contents"), 200)
                .json();
        Map<String, Long> held = new HashMap<>();
        contents.get("items").forEach(i -> held.put(i.get("sku").asString(), i.get("quantity").asLong()));
        return held;
    }
}
