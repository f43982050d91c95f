package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Warehouse space in a real browser: a warehouse worker receives goods no bin takes whole and is told how to split
 * them, sees the bins and the overflow alert on the Space screen and acknowledges it; an agent sees on the dashboard
 * that the warehouse runs full today.
 */
@IntegrationTest
class SpaceScreensBrowserIntegrationTests {

    private static final String PASSWORD = "space-password-1";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Users users;

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

    @Test
    void aWorkerIsToldHowToSplitAReceiptAndAcknowledgesTheOverflowAndTheDashboardShowsTheWarehouseFull() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        expect(api.put("/api/v1/articles/" + sku + "/dimensions", Map.of("lengthMm", 100, "widthMm", 100,
                "heightMm", 100)), 200); // one litre
        expect(api.put("/api/v1/locations/" + location + "/bins", Map.of("bins", java.util.List.of(
                Map.of("code", "P-01", "pickSequence", 1, "lengthMm", 200, "widthMm", 100, "heightMm", 100),
                Map.of("code", "P-02", "pickSequence", 2, "lengthMm", 100, "widthMm", 100, "heightMm", 100)))), 200);

        // the scanner screen: 5 litres arrive, the bins hold 3
        browser.login(person(Role.WAREHOUSE), PASSWORD);
        browser.open("/warehouse/receive?location=" + location);
        browser.waitFor(By.id("receive-sku")).sendKeys(sku);
        new Select(browser.find(By.id("receive-location"))).selectByValue(location);
        browser.find(By.id("receive-quantity")).sendKeys("5");
        browser.find(By.id("receive")).click();
        assertThat(browser.waitFor(By.id("receipt-bin")).getText()).contains("P-01 ×2 + P-02 ×1 + OVERFLOW ×2");

        // the Space screen: the bins along the pick path, the alert, and the forecast
        browser.open("/space?location=" + location);
        assertThat(browser.waitFor(By.id("bin-P-01")).getText()).contains("2", "100.0 %");
        assertThat(browser.find(By.id("bin-OVERFLOW")).getText()).contains("2");
        assertThat(browser.find(By.id("on-hand")).getText()).isEqualTo("5");
        assertThat(browser.find(By.id("first-full-day")).getText()).contains(today().toString());
        assertThat(browser.find(By.id("forecast")).findElements(By.cssSelector("tbody tr"))).hasSize(12);
        assertThat(browser.find(By.cssSelector("#alerts .overflow-alert")).getText()).contains("2 × " + sku);
        browser.screenshot("space");
        browser.find(By.cssSelector("#alerts .overflow-alert button.acknowledge")).click();
        browser.waitFor(By.id("flash"));
        assertThat(browser.driver().findElements(By.cssSelector("#alerts .overflow-alert"))).isEmpty();
        assertThat(expect(api.get("/api/v1/locations/" + location + "/utilisation"), 200).json().get("alerts"))
                .isEmpty();

        // the dashboard: space needed against space available, loaded after the page
        browser.login(person(Role.AGENT), PASSWORD);
        browser.open("/dashboard");
        assertThat(browser.waitFor(By.id("space-" + location)).getText()).contains("5.0", "3.0", today().toString());
        assertThat(browser.policyViolations()).isEmpty();
    }

    private String person(Role role) {
        String name = Fixtures.unique(role.name().toLowerCase()).toLowerCase();
        users.create(name, PASSWORD, role, "en", "test");
        return name;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
