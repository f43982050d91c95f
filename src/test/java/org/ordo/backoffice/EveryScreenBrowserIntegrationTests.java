package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Warehouse;
import org.ordo.intake.Intake;
import org.ordo.intake.OpenReview;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.ordering.PlaceOrder;
import org.ordo.party.CustomerDraft;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every main screen of the back office, in English and Korean, on a 1440 px desk screen and an 820 px tablet, with
 * data on it as a shop has: orders in every state (late, held, backordered, partly shipped, delivered, returned,
 * cancelled), pick lists, purchase orders, transfers, counts, calendars, bins, partners, EDI, webhooks, a mailbox,
 * a file import and a review entry. On each: nothing wider than the window, and no internal code (a constant of
 * Ordo's enums or a value of its CHECK constraints) in the visible text. A screenshot of each goes to
 * {@code target/screenshots/screen-{language}-{width}-{screen}.png}. The data is made once, one browser is
 * logged in once, and the screens are visited language by language and width by width.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryScreenBrowserIntegrationTests {

    private static final String PASSWORD = "every-screen-password-1";
    private static final List<String> LANGUAGES = List.of("en", "ko");
    private static final List<Integer> WIDTHS = List.of(1440, 820);

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Intake intake;
    @Autowired
    ReviewQueue reviews;

    private Browser browser;
    private ScreenChecks checks;
    private Api api;
    private String webhook;
    private String language = "en";
    private final List<Screen> screens = new ArrayList<>();

    /**
     * A screen by the name its screenshot gets, and its path with this run's data; or an htmx fragment, loaded into
     * that screen by {@code htmx.ajax} as its {@code hx-get} or {@code hx-post} would (with the page's headers), as
     * JavaScript that evaluates to {@code [method, url, target, swap, values]} on that page.
     */
    record Screen(String name, String path, String fragment) {
    }

    @BeforeAll
    void makeTheShop() {
        checks = ScreenChecks.of(jdbc);
        assertThat(checks.size()).as("codes read from the enums and constraints").isGreaterThan(100);
        api = Api.admin(port);
        makeData();
        String admin = Fixtures.unique("screens").toLowerCase();
        users.create(admin, PASSWORD, Role.ADMIN, "en", "test");
        // the security log with a change of role in it
        users.changeRole(users.create(admin + "-clerk", PASSWORD, Role.AGENT, "ko", "test").id(), Role.WAREHOUSE);
        browser = Browser.start(port);
        browser.login(admin, PASSWORD);
    }

    @AfterAll
    void closeTheShop() {
        if (browser != null) {
            browser.quit();
        }
        if (webhook != null) {
            // other tests' orders would queue deliveries to it
            api.send("DELETE", "/api/v1/webhooks/" + webhook, new byte[0], "application/json");
        }
    }

    @TestFactory
    Stream<DynamicNode> everyMainScreenFitsTheWindowAndShowsWordsNotCodes() {
        List<DynamicNode> runs = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (int width : WIDTHS) {
                runs.add(DynamicContainer.dynamicContainer(language + " at " + width + " px", screens.stream()
                        .map(s -> DynamicTest.dynamicTest(s.name() + " " + s.path(), () -> check(s, language, width)))));
            }
        }
        return runs.stream();
    }

    private void check(Screen screen, String language, int width) {
        speak(language);
        browser.driver().manage().window().setSize(new Dimension(width, 1000));
        browser.open(screen.path());
        settled();
        if (screen.fragment() != null) {
            Object loaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const [method, url, target, swap, values] = %s;
                    let status = 0;
                    document.body.addEventListener('htmx:afterRequest', e => status = e.detail.xhr.status, {once: true});
                    htmx.ajax(method, url, {target: target, swap: swap, values: values})
                        .then(() => done(status + ' ' + url), e => done('failed: ' + e));
                    """.formatted(screen.fragment()));
            // htmx swaps nothing on an error answer: the page would look as before
            assertThat((String) loaded).as(screen.name() + ": the fragment answered").startsWith("200 ");
            settled();
        }
        browser.screenshot("screen-" + language + "-" + width + "-" + screen.name());
        String where = screen.name() + " (" + screen.path() + ") in " + language + " at " + width + " px";
        assertThat(browser.driver().findElements(By.cssSelector("#error-status, aside.sidebar")))
                .as(where + ": the screen, not an error page").singleElement()
                .satisfies(e -> assertThat(e.getTagName()).isEqualTo("aside"));
        checks.assertReadable(browser, where, language);
    }

    /** Waits until the page and what htmx loads into it after the page ("load" triggers) are there. */
    private void settled() {
        browser.waitFor(By.tagName("main"));
        browser.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                return document.readyState === 'complete'
                    && !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')
                    && [...document.querySelectorAll('[hx-trigger]')]
                        .filter(e => /(^|,)\\s*load\\b/.test(e.getAttribute('hx-trigger')))
                        .every(e => e.children.length > 0 || e.textContent.trim() !== '');
                """));
    }

    /** Switches the page language with the switch in the bar (kept for the user), when it is not that already. */
    private void speak(String wanted) {
        if (wanted.equals(language)) {
            return;
        }
        browser.open("/orders");
        new Select(browser.waitFor(By.id("language"))).selectByValue(wanted);
        browser.waitUntil(d -> wanted.equals(new Select(d.findElement(By.id("language"))).getFirstSelectedOption()
                .getAttribute("value")));
        language = wanted;
    }

    // --- the shop's data, made through the API as the shop would make it ---------------------------------------

    private void makeData() {
        Fixtures fixtures = new Fixtures(api);
        Api floorApi = api.withNewKey("WAREHOUSE");
        DeliveredOrders delivered = new DeliveredOrders(api, floorApi);
        Warehouse floor = new Warehouse(floorApi);
        String berlin = fixtures.location(1);
        String hamburg = fixtures.location(2);
        String sku = fixtures.article("12.50", "EUR", "19");
        String later = fixtures.article("PHYSICAL", "8.00", "EUR", "7", true, false);
        fixtures.receive(sku, berlin, 60);
        fixtures.receive(sku, hamburg, 20);
        webhook = expect(api.post("/api/v1/webhooks", Map.of("url", "https://erp.example.com/hooks", "events",
                List.of("order.placed", "order.cancelled"), "description", "ERP")), 201).json().get("subscription")
                .get("id").asString();

        // orders that reached the customer; one came back in part (a refund and a credit note), one is on its way
        JsonNode done = delivered.delivered(berlin, sku, 2);
        JsonNode returned = delivered.delivered(berlin, sku, 3);
        JsonNode refund = returnOf(returned, 2, "DAMAGED");
        expect(floorApi.post("/api/v1/returns/" + refund.get("id").asString() + "/receipts", Map.of("location", berlin,
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "condition", "RESELLABLE"),
                        Map.of("lineNo", 1, "quantity", 1, "condition", "DAMAGED")))), 201);
        JsonNode authorized = returnOf(done, 1, "WRONG_SIZE");

        // partly shipped, the rest picked and waiting at the packing bench
        JsonNode partly = delivered.placedAndPaid(sku, 3);
        floor.pickAll(floor.pickListAt(berlin));
        floor.packAndShip(partly.get("id").asString(), berlin, "DHL", Map.of(1, 1L));
        // paid, on an open pick list
        delivered.placedAndPaid(sku, 1);
        JsonNode pickList = floor.pickListAt(berlin);
        String pickListId = pickList.get("id").asString();

        // waiting: late and unpaid (a Korean customer), held, backordered, cancelled
        String late = place(korean(Fixtures.order("EUR", sku, 2)), Instant.now().minus(2, ChronoUnit.DAYS));
        String held = place(Fixtures.order("EUR", sku, 1), null);
        expect(api.post("/api/v1/orders/" + held + "/hold", Map.of("kind", "FRAUD", "reason",
                "billing and shipping address far apart")), 200);
        place(Fixtures.order("EUR", later, 3), null);
        String cancelled = place(Fixtures.order("EUR", sku, 1), null);
        expect(api.post("/api/v1/orders/" + cancelled + "/cancel", Map.of("reason", "the customer called to cancel")), 200);
        String heldNumber = number(held);

        // purchasing: a SKU below its reorder point, a purchase order received in part
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR", "locale", "de")),
                201);
        String low = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(low, berlin, 5);
        expect(api.put("/api/v1/inventory/" + low + "/policy", Map.of("location", berlin, "supplier", supplier,
                "purchasePrice", Map.of("amount", "2.10", "currency", "EUR"), "reorderPoint", 20, "targetLevel", 60)),
                200);
        JsonNode po = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", berlin,
                "lines", List.of(Map.of("sku", low, "quantity", 40, "unitPrice", "2.10"))), "Idempotency-Key",
                Fixtures.unique("po")), 201).json();
        expect(api.post("/api/v1/purchase-orders/" + po.get("id").asString() + "/receipts", Map.of("line", 1,
                "quantity", 10)), 201);

        // stock between warehouses, and a count that waits for a second person
        expect(api.post("/api/v1/transfers", Map.of("from", berlin, "to", hamburg, "lines", List.of(Map.of("sku",
                sku, "quantity", 4)), "note", "for the sale"), "Idempotency-Key", Fixtures.unique("tr")), 201);
        expect(api.post("/api/v1/cycle-counts", Map.of("sku", sku, "location", hamburg, "counted", 5, "note",
                "shelf recounted"), "Idempotency-Key", Fixtures.unique("cc")), 201);

        // the promise: a carrier service and the warehouse's calendar with its cut-off
        String carrier = Fixtures.unique("S").replace("-", "_");
        expect(api.put("/api/v1/promise/carrier-services/" + carrier + "/STANDARD", Map.of(
                "deliveryDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "cutOff", "15:00",
                "active", true, "transit", List.of(Map.of("zone", "DE", "days", 1)))), 200);
        expect(api.put("/api/v1/promise/warehouses/" + hamburg, Map.of("timeZone", "Europe/Berlin", "country", "DE",
                "region", "HH", "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "handlingDays", 0, "dailyCapacity", 500,
                "cutOffs", List.of(Map.of("carrier", carrier, "service", "STANDARD", "cutOff", "14:00")))), 200);

        // space: bins along the pick path, a bulky article that fills them and spills into the overflow
        String bulky = fixtures.article("30.00", "EUR", "19");
        expect(api.put("/api/v1/articles/" + bulky + "/dimensions", Map.of("lengthMm", 100, "widthMm", 100,
                "heightMm", 100)), 200);
        expect(api.put("/api/v1/locations/" + hamburg + "/bins", Map.of("bins", List.of(
                Map.of("code", "P-01", "pickSequence", 1, "lengthMm", 200, "widthMm", 100, "heightMm", 100),
                Map.of("code", "P-02", "pickSequence", 2, "lengthMm", 100, "widthMm", 100, "heightMm", 100)))), 200);
        fixtures.receive(bulky, hamburg, 5);

        // a 3PL warehouse of a partner
        String outsourced = fixtures.location(5);
        expect(api.put("/api/v1/fulfilment-partners/" + outsourced, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Fulfil GmbH", "delivery", "FOLDER", "secret", "screens-secret-0123456789")), 200);

        // EDI: a retail chain whose order names an article we do not know (it waits for review)
        String edi = ediPartner();
        // a mail order read from free text, waiting for an agent
        ReviewEntry entry = mailToReview(sku);

        // a mailbox whose test failed, switched off; an order file with an error in one row
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String mailbox = Fixtures.unique("box").toLowerCase().replaceAll("[^a-z0-9-]", "-");
        admin.get("/admin/mailboxes");
        expect302(admin.post("/admin/mailboxes", Map.of("name", mailbox, "host", "127.0.0.1", "port", "9", "user",
                mailbox, "password", "imap-password", "folder", "INBOX", "maxMailMebibytes", "25")));
        admin.get("/admin/mailboxes/" + mailbox);
        admin.post("/admin/mailboxes/" + mailbox + "/test", Map.of());
        admin.get("/admin/mailboxes/" + mailbox);
        admin.post("/admin/mailboxes/" + mailbox + "/disable", Map.of());
        String file = "reference;sku;quantity;customerEmail;currency;paymentMethod;shipName;shipStreet;shipPostalCode;"
                + "shipCity;shipCountry\n"
                + "G1;" + sku + ";2;g1@example.com;EUR;prepayment;Erika;Hauptstr. 1;10115;Berlin;DE\n"
                + "B1;" + sku + ";zwei;b1@example.com;EUR;prepayment;Erika;Hauptstr. 1;10115;Berlin;DE\n";
        admin.get("/imports");
        WebSession.Page uploaded = admin.postFile("/imports", Map.of("kind", "orders", "source",
                Fixtures.unique("bo").toLowerCase()), "file", "bestellungen.csv", "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
        String importPath = expect302(uploaded).location().replaceFirst("^https?://[^/]+", "");
        JsonNode ediMessage = expect(api.get("/api/v1/edi/messages?partner=" + edi + "&direction=IN"), 200).json()
                .get("items").get(0);

        add("orders", "/orders");
        add("orders-all", "/orders?view=all&sort=newest");
        add("order-late", "/orders/" + number(late));
        add("order-held", "/orders/" + heldNumber);
        add("order-partly-shipped", "/orders/" + partly.get("number").asString());
        add("order-returned", "/orders/" + returned.get("number").asString());
        add("order-cancelled", "/orders/" + number(cancelled));
        add("review", "/review");
        add("review-entry", "/review/" + entry.id());
        add("dashboard", "/dashboard");
        add("warehouse", "/warehouse?location=" + berlin);
        add("pick-list", "/warehouse/pick-lists/" + pickListId);
        add("picking", "/warehouse/pick-lists/" + pickListId + "/pick");
        add("packing", "/warehouse/orders/" + partly.get("number").asString() + "/pack?location=" + berlin);
        add("shipping", "/warehouse/orders/" + partly.get("number").asString() + "/ship?location=" + berlin);
        add("warehouse-receive", "/warehouse/receive?location=" + hamburg);
        add("bin-moves", "/warehouse/moves?location=" + hamburg);
        add("returns", "/returns");
        add("returns-receive", "/returns/receive?rma=" + authorized.get("number").asString() + "&location=" + berlin);
        add("edi", "/edi");
        add("edi-partner", "/edi/" + edi);
        add("edi-message", "/edi/" + edi + "/messages/" + ediMessage.get("id").asString());
        add("purchasing", "/purchasing");
        add("purchase-order", "/purchasing/orders/" + po.get("number").asString());
        add("stock-policies", "/purchasing/policies?sku=" + low);
        add("transfers", "/transfers");
        add("inventory", "/inventory");
        add("inventory-sku", "/inventory?sku=" + sku);
        add("low-stock", "/inventory/low-stock");
        add("ledger", "/inventory/" + sku + "/ledger");
        add("counts", "/counts");
        add("space", "/space?location=" + hamburg);
        add("partners", "/partners");
        add("promise", "/promise?country=KR&year=2027");
        add("promise-warehouse", "/promise/warehouses/" + hamburg);
        add("promise-service", "/promise/carrier-services/" + carrier + "/STANDARD");
        add("imports", "/imports");
        add("import", importPath);
        add("webhooks", "/webhooks");
        add("webhook", "/webhooks/" + webhook);
        add("admin-users", "/admin/users");
        add("admin-api-keys", "/admin/api-keys");
        add("admin-security-events", "/admin/security-events");
        add("admin-shop", "/admin/shop");
        add("admin-mailboxes", "/admin/mailboxes");
        add("admin-mailbox", "/admin/mailboxes/" + mailbox);
        add("warehouse-choose", "/warehouse");
        add("promise-service-new", "/promise/carrier-services/new");

        // what the pages load by htmx (hx-get, hx-post in the templates), opened as the page does
        fragment("fragment-saved-views", "/orders", "['GET', '/orders/views/sidebar', '#sidebar-saved-views', "
                + "'innerHTML', {}]");
        fragment("fragment-queue-rows", "/orders", "['GET', '/orders/rows?view=all&sort=newest', '#queue-rows', "
                + "'outerHTML', {}]");
        fragment("fragment-space-outlook", "/dashboard", "['GET', '/dashboard/space', '#figure-space', "
                + "'innerHTML', {}]");
        fragment("fragment-import-progress", importPath, "['GET', '" + importPath + "/progress', '#progress', "
                + "'outerHTML', {}]");
        String line = "document.querySelector('#scan-form [name=lineNo]').value";
        fragment("fragment-scan-wrong", "/warehouse/pick-lists/" + pickListId + "/pick", "['POST', "
                + "document.querySelector('#scan-form').getAttribute('hx-post'), '#picking', 'outerHTML', "
                + "{lineNo: " + line + ", sku: 'NOT-ON-THIS-LIST'}]");
        fragment("fragment-scan-right", "/warehouse/pick-lists/" + pickListId + "/pick", "['POST', "
                + "document.querySelector('#scan-form').getAttribute('hx-post'), '#picking', 'outerHTML', "
                + "{lineNo: " + line + ", sku: document.querySelector('#pick-sku').textContent.trim()}]");
        fragment("fragment-pick-refused", "/warehouse/pick-lists/" + pickListId + "/pick", "['POST', "
                + "'/warehouse/pick-lists/" + pickListId + "/lines/' + " + line + " + '/pick', '#picking', "
                + "'outerHTML', {sku: document.querySelector('#pick-sku').textContent.trim(), quantity: 'zwei'}]");
        fragment("fragment-pick-other-sku", "/warehouse/pick-lists/" + pickListId + "/pick", "['POST', "
                + "'/warehouse/pick-lists/" + pickListId + "/lines/' + " + line + " + '/pick', '#picking', "
                + "'outerHTML', {sku: 'NOT-ON-THIS-LIST', quantity: '1'}]");
    }

    private void add(String name, String path) {
        screens.add(new Screen(name, path, null));
    }

    /** An htmx fragment of the screen at this path ({@link Screen#fragment()}). */
    private void fragment(String name, String path, String fragment) {
        screens.add(new Screen(name, path, fragment));
    }

    private static WebSession.Page expect302(WebSession.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        return page;
    }

    private JsonNode returnOf(JsonNode order, long units, String reason) {
        return expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", Map.of("resolution",
                "REFUND", "lines", List.of(Map.of("lineNo", 1, "quantity", units, "reason", reason))),
                "Idempotency-Key", UUID.randomUUID().toString()), 201).json();
    }

    private static Map<String, Object> korean(Map<String, Object> order) {
        Map<String, Object> body = new LinkedHashMap<>(order);
        body.put("customer", Map.of("email", Fixtures.unique("minji").toLowerCase() + "@example.kr", "name",
                "김민지", "locale", "ko"));
        return body;
    }

    /** Places the order (promised at that instant, when given); its id. */
    private String place(Map<String, Object> order, Instant promisedAt) {
        Map<String, Object> body = new LinkedHashMap<>(order);
        if (promisedAt != null) {
            body.put("promisedAt", promisedAt.toString());
        }
        return expect(api.placeOrder(body), 201).json().get("id").asString();
    }

    private String number(String id) {
        return expect(api.get("/api/v1/orders/" + id), 200).json().get("number").asString();
    }

    /** A retail chain trading by EDIFACT, and one interchange from it naming an article we do not know. */
    private String ediPartner() {
        EdifactPartner registered = EdifactPartner.register(api);
        String partner = registered.code();
        String sender = registered.sender();
        String ref = "S" + Fixtures.gtin().substring(1);
        String gtin = Fixtures.gtin();
        String interchange = "UNB+UNOC:3+" + sender + ":14+4012345000009:14+261205:1000+" + ref + "'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+" + Fixtures.unique("PO") + "+9'LIN+1++" + gtin + ":SRV'"
                + "QTY+21:2'UNS+S'CNT+2:1'UNT+7+1'UNZ+1+" + ref + "'";
        expect(api.postBytes("/api/v1/edi/interchanges", interchange.getBytes(StandardCharsets.ISO_8859_1),
                "application/EDIFACT"), 200);
        return partner;
    }

    private ReviewEntry mailToReview(String sku) {
        String email = Fixtures.unique("mail").toLowerCase() + "@example.com";
        String text = "Hello, please send three of " + sku + " to Hauptstr. 1, 10115 Berlin. Erika";
        UUID document = intake.archive("email", "text/plain", text.getBytes(StandardCharsets.UTF_8), "test");
        return reviews.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER,
                "mail in free text: 1 line(s) read from the text; check them", email, text,
                new PlaceOrder("email", null, null, CustomerDraft.contact(email, "Erika Muster", null), null, null,
                        "EUR", "prepayment", null, null, List.of(new PlaceOrder.Line(sku, 1L)))));
    }
}
