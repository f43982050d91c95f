package org.ordo.backoffice;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver, for browser tests of the back office. Paths are set
 * explicitly so Selenium Manager never downloads a browser or driver ({@code .ci/run} installs the Debian packages
 * {@code chromium} and {@code chromium-driver}). Start one per test class ({@code @BeforeAll}), {@link #quit()} it
 * at the end; screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("ordo.test.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("ordo.test.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts a headless browser against the server on this port. */
    public static Browser start(int port) {
        if (!new File(CHROMEDRIVER).canExecute() || !new File(CHROMIUM).canExecute()) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en-US", "--disable-extensions");
        // The console is kept so that tests can see what the Content-Security-Policy refused.
        var logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    /** What the Content-Security-Policy refused since the last call (console messages of the pages). */
    public java.util.List<String> policyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Logs out whoever is logged in, then logs in as this user; fails when the login page refuses. */
    public Browser login(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        waitFor(By.id("current-user"));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        // htmx swaps parts of the page while we look: an element found a moment ago may be gone, so look again.
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Could not save screenshot " + name, e);
        }
    }

    public void quit() {
        driver.quit();
    }

    @Override
    public void close() {
        quit();
    }
}
