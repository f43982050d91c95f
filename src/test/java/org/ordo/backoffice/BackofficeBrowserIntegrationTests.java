package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.ordo.Api;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The back office in a real browser: one headless Chromium for the whole class, logged in as each role in turn. */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackofficeBrowserIntegrationTests {

    private static Browser browser;

    @LocalServerPort
    int port;

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
}
