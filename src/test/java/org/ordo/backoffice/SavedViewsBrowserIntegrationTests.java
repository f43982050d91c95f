package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Saved views in a real browser, as an agent uses them: filters the queue, saves the filter under a name, finds it
 * in the sidebar with the number of its orders (counted again on the next page), opens it from there, renames it
 * and deletes it.
 */
@IntegrationTest
class SavedViewsBrowserIntegrationTests {

    private static final String PASSWORD = "views-browser-password-1";
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
    void anAgentSavesAFilterFindsItInTheSidebarWithItsCountOpensRenamesAndDeletesIt() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 20);
        String surname = "Ansicht" + Fixtures.unique("v").replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        place(api, sku, surname);
        place(api, sku, surname);
        String agent = Fixtures.unique("views").toLowerCase();
        users.create(agent, PASSWORD, Role.AGENT, "en", "test");
        browser.login(agent, PASSWORD);

        // the queue filtered by the customer's name, saved under a name
        browser.open("/orders");
        browser.waitFor(By.id("filter-q")).sendKeys(surname);
        browser.find(By.id("apply-filters")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("q=" + surname));
        browser.find(By.cssSelector(".manage-views summary")).click();
        String name = "Customer " + surname;
        browser.waitFor(By.id("view-name")).sendKeys(name);
        browser.find(By.id("save-view-submit")).click();
        WebElement chip = browser.waitFor(chip(name));
        assertThat(chip.getAttribute("class")).as("the saved filter is the one shown").contains("active");
        assertThat(chip.findElement(By.cssSelector(".count")).getText()).isEqualTo("2");
        String id = chip.getAttribute("id").substring("view-".length());

        // in the sidebar with its count, on another screen, counted again when a third order arrives
        place(api, sku, surname);
        browser.open("/dashboard");
        WebElement entry = browser.waitFor(By.id("sidebar-view-" + id));
        assertThat(entry.findElement(By.cssSelector(".view-name")).getText()).isEqualTo(name);
        assertThat(entry.findElement(By.cssSelector(".count")).getText()).isEqualTo("3");

        // opened from the sidebar: the queue with the saved filter
        entry.click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/orders?") && d.getCurrentUrl().contains(surname));
        assertThat(browser.waitFor(By.id("filter-q")).getAttribute("value")).isEqualTo(surname);
        assertThat(browser.driver().findElements(By.cssSelector("#queue-rows tr[id^='order-']"))).hasSize(3);
        assertThat(browser.find(By.id("view-" + id)).getAttribute("class")).contains("active");

        // renamed
        browser.find(By.cssSelector(".manage-views summary")).click();
        WebElement rename = browser.waitFor(By.id("rename-" + id));
        rename.clear();
        rename.sendKeys("Renamed " + surname);
        browser.find(By.id("rename-submit-" + id)).click();
        browser.waitFor(chip("Renamed " + surname));
        assertThat(browser.driver().findElements(chip(name))).isEmpty();
        browser.waitUntil(d -> d.findElement(By.id("sidebar-view-" + id)).getText().contains("Renamed " + surname));

        // deleted: gone from the queue and the sidebar
        browser.find(By.cssSelector(".manage-views summary")).click();
        browser.waitFor(By.id("delete-" + id)).click();
        // the page before still shows its own flash ("View renamed.") until the answer replaces it: wait for the text
        browser.waitUntil(d -> d.findElement(By.id("flash")).getText().equals("View deleted."));
        browser.waitFor(By.id("sidebar-views"));
        assertThat(browser.driver().findElements(By.id("view-" + id))).isEmpty();
        assertThat(browser.driver().findElements(By.id("sidebar-view-" + id))).isEmpty();
        assertThat(browser.policyViolations()).isEmpty();
    }

    /** The queue's chip of the view with this name. */
    private static By chip(String name) {
        return By.xpath("//a[contains(@class, 'view-chip')][span[@class='view-name' and text()='" + name + "']]");
    }

    private static void place(Api api, String sku, String surname) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("customer", Map.of("email", Fixtures.unique("v").toLowerCase() + "@example.com", "name",
                "Erika " + surname, "locale", "en"));
        expect(api.placeOrder(order), 201);
    }
}
