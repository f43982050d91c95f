package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The back office in a real browser: one headless Chromium for the whole class, logged in as each role in turn. */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackofficeBrowserIntegrationTests {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    Api api;
    String sku;

    @BeforeEach
    void stock() {
        api = Api.admin(port);
        var fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        sku = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(sku, location, 50);
    }

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
    @Order(1)
    void aWrongPasswordIsRefusedAndTheAdminLogsIn() {
        browser.open("/orders");
        browser.waitFor(By.id("username"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        browser.find(By.id("username")).sendKeys("admin");
        browser.find(By.id("password")).sendKeys("not-the-password");
        browser.find(By.id("login")).click();
        assertThat(browser.waitFor(By.id("login-error")).getText()).contains("Wrong user name or password");
        browser.screenshot("login");

        browser.login("admin", Api.ADMIN_PASSWORD);
        assertThat(browser.find(By.id("current-user")).getText()).isEqualTo("admin");
    }

    @Test
    @Order(3)
    void anAgentFindsALateOrderHoldsAndReleasesItAndTheTableRefreshesItself() {
        String customer = "Browser " + Fixtures.unique("K");
        String number = place(customer, Instant.now().minus(Duration.ofDays(1)));
        String other = place(customer, Instant.now().plus(Duration.ofDays(3)));
        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.open("/orders");
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return typeof htmx !== 'undefined'")).isTrue();
        browser.find(By.id("filter-q")).sendKeys(customer);
        browser.find(By.id("apply-filters")).click();
        WebElement row = browser.waitFor(By.id("order-" + number));
        assertThat(row.getAttribute("class")).contains("late");
        assertThat(row.getText()).contains("late");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#queue-rows tr"));
        assertThat(rows.get(0).getAttribute("id")).as("late first").isEqualTo("order-" + number);
        browser.screenshot("order-queue");

        // Someone else holds the other order: the table shows it without a reload (htmx polls every 10 s).
        expect(api.post("/api/v1/orders/" + other + "/hold", Map.of("kind", "MANUAL", "reason", "phone call")), 200);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                d.findElement(By.id("order-" + other)).getText().contains("on hold"));

        browser.find(By.linkText(number)).click();
        assertThat(browser.waitFor(By.id("order-number")).getText()).isEqualTo(number);
        browser.screenshot("order-detail");
        browser.find(By.id("hold-reason-input")).sendKeys("customer asked to wait");
        browser.find(By.id("hold")).click();
        flashSays("is on hold");
        assertThat(browser.find(By.id("order-status")).getText()).isEqualTo("on hold");
        // who did it, by name: not the internal actor code
        assertThat(browser.find(By.id("timeline")).getText()).contains("admin order open → on hold",
                "customer asked to wait").doesNotContain("user:admin");
        browser.find(By.id("release-reason-input")).sendKeys("customer is ready");
        browser.find(By.id("release")).click();
        flashSays("released"); // the page before had a flash too: wait for the new page's
        assertThat(browser.find(By.id("order-status")).getText()).isEqualTo("open");

        String tracking = browser.find(By.id("tracking-link")).getAttribute("href");
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(tracking);
        assertThat(browser.waitFor(By.id("track-stage")).getText()).contains("Wir haben Ihre Bestellung erhalten");
        assertThat(browser.text()).contains(number).doesNotContain(customer);
        browser.screenshot("tracking-page");
        browser.driver().get(tracking.substring(0, tracking.length() - 4) + "AAAA");
        assertThat(browser.waitFor(By.id("error-status")).getText()).isEqualTo("404");
        browser.screenshot("tracking-invalid");
    }

    @Test
    @Order(4)
    void theAdminSeesUsersAndKeysAndAWarehouseUserIsRefused() {
        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.find(By.id("nav-admin")).click();
        browser.waitFor(By.id("users"));
        browser.screenshot("admin-users");
        browser.find(By.id("to-api-keys")).click();
        browser.find(By.id("new-key-name")).sendKeys(Fixtures.unique("erp"));
        browser.find(By.id("issue-key")).click();
        assertThat(browser.waitFor(By.id("issued-secret")).getText()).startsWith("ordo_");
        browser.screenshot("admin-api-keys");

        String name = Fixtures.unique("picker").toLowerCase();
        users.create(name, "warehouse-pw-1", Role.WAREHOUSE, "en", "test");
        browser.login(name, "warehouse-pw-1");
        assertThat(browser.driver().findElements(By.id("nav-admin"))).isEmpty();
        browser.open("/admin/users");
        assertThat(browser.waitFor(By.id("error-status")).getText()).isEqualTo("403");
        assertThat(browser.text()).contains("Your role may not open this page");
        browser.screenshot("forbidden");
    }

    private String place(String customerName, Instant promisedAt) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("customer", Map.of("email", Fixtures.unique("b").toLowerCase() + "@example.com", "name",
                customerName, "locale", "de"));
        order.put("promisedAt", promisedAt.toString());
        return expect(api.placeOrder(order), 201).json().path("number").asString();
    }

    @Test
    @Order(2)
    void theLanguageSwitchChangesEveryTextAndIsKeptForTheUser() {
        browser.login("admin", Api.ADMIN_PASSWORD);
        new Select(browser.find(By.id("language"))).selectByValue("de");
        browser.waitUntil(d -> d.findElement(By.id("logout")).getText().equals("Abmelden"));
        new Select(browser.find(By.id("language"))).selectByValue("ko");
        browser.waitUntil(d -> d.findElement(By.id("logout")).getText().equals("로그아웃"));
        browser.screenshot("language-ko");

        // The choice is the user's: it comes back at the next login.
        browser.login("admin", Api.ADMIN_PASSWORD);
        assertThat(browser.find(By.id("logout")).getText()).isEqualTo("로그아웃");
        new Select(browser.find(By.id("language"))).selectByValue("en");
        browser.waitUntil(d -> d.findElement(By.id("logout")).getText().equals("Log out"));
    }

    /** Waits for the flash of the page a form led to (the page before may still show its own for a moment). */
    private static void flashSays(String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("flash")).getText().contains(text));
    }

    @Test
    @Order(5)
    void everyScreenWorksUnderTheContentSecurityPolicy() {
        place("Policy Kunde", Instant.now().plus(Duration.ofDays(2)));
        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.policyViolations();
        for (String path : List.of("/", "/orders", "/dashboard", "/warehouse", "/inventory", "/admin/users",
                "/admin/api-keys", "/admin/security-events")) {
            browser.open(path);
            browser.waitFor(By.id("current-user"));
        }
        browser.open("/orders");
        browser.waitFor(By.cssSelector("input[data-check-all]")).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector("input.pick")).stream()
                .allMatch(WebElement::isSelected));
        assertThat(browser.policyViolations()).as("nothing refused by the Content-Security-Policy").isEmpty();
    }
}
