package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The partners screen in a real browser: a warehouse worker finds the external locations (a 3PL and a dropship
 * supplier) with their kind and whether their stock was reported, follows the header link there, and sees the rules.
 */
@IntegrationTest
class PartnersScreenBrowserIntegrationTests {

    private static final String PASSWORD = "partners-password-1";
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
    void aWarehouseWorkerSeesTheExternalLocationsAndHowOrdersAreRouted() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String threePl = fixtures.location(2);
        String supplier = fixtures.location(900);
        expect(api.put("/api/v1/fulfilment-partners/" + threePl, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil GmbH", "delivery", "FOLDER", "secret", "browser-secret-0123456789")), 200);
        expect(api.put("/api/v1/fulfilment-partners/" + supplier, Map.of("kind", "DROPSHIP_SUPPLIER", "name",
                "Direct Supplies", "delivery", "FOLDER", "secret", "browser-secret-9876543210")), 200);
        String worker = Fixtures.unique("floor").toLowerCase();
        users.create(worker, PASSWORD, Role.WAREHOUSE, "en", "test");

        browser.login(worker, PASSWORD);
        browser.open("/");
        browser.waitFor(By.cssSelector("a[href='/partners']")).click();
        browser.waitFor(By.id("partner-" + threePl));
        assertThat(browser.find(By.id("partner-" + threePl)).getText()).contains("Fulfil GmbH").contains("3PL warehouse")
                .contains("never").contains("as files in a folder").doesNotContain("FOLDER");
        assertThat(browser.find(By.id("partner-" + supplier)).getText()).contains("Dropship supplier");
        assertThat(browser.find(By.id("rules")).isDisplayed()).isTrue();
        assertThat(browser.policyViolations()).isEmpty();
    }
}
