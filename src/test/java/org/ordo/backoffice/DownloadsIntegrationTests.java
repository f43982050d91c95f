package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Warehouse;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every file the back office offers, fetched as a person's browser does (with their session) from the link on the
 * screen: the stored documents of an order (confirmation, invoice, credit note, e-invoice …) for a German and a
 * Korean customer, the printed pick list and the dashboard's CSV files for an English and a Korean user. Each answers
 * 200 with its content type and the file name the screen shows; a PDF parses, names its document and is in its
 * reader's language; a CSV's header is in the user's language and its rows show words, not codes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadsIntegrationTests {

    private static final String PASSWORD = "downloads-password-1";
    /** A link to a stored document on the order's page, with the file name it shows. */
    private static final Pattern DOCUMENT_LINK = Pattern.compile(
            "href=\"(/orders/[^/\"]+/documents/([0-9a-f-]{36}))\"[^>]*>([^<]+)</a>");

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    private Api api;
    private ScreenChecks checks;
    private final Map<String, WebSession> sessions = new LinkedHashMap<>();
    private final Map<String, JsonNode> orders = new LinkedHashMap<>();
    private JsonNode pickList;
    private String location;

    @BeforeAll
    void makeOrdersAndUsers() {
        checks = ScreenChecks.of(jdbc);
        api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        Api floorApi = api.withNewKey("WAREHOUSE");
        DeliveredOrders delivered = new DeliveredOrders(api, floorApi);
        location = fixtures.location(1);
        String sku = fixtures.article("12.50", "EUR", "19");
        fixtures.receive(sku, location, 30);
        for (String language : List.of("de", "ko")) {
            Map<String, Object> body = new LinkedHashMap<>(Fixtures.order("EUR", sku, 3));
            body.put("customer", Map.of("email", Fixtures.unique("doc").toLowerCase() + "@example.com", "name",
                    "Kim Muster", "locale", language));
            JsonNode order = expect(api.placeOrder(body), 201).json();
            expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                    "amount", Map.of("amount", order.get("totals").get("gross").get("amount").asString(),
                            "currency", "EUR"))), 201);
            delivered.delivered(delivered.ship(order, location, Map.of(1, 3L)));
            // one unit back and refunded: a credit note
            JsonNode back = expect(api.post("/api/v1/orders/" + order.get("id").asString() + "/returns", Map.of(
                    "resolution", "REFUND", "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason",
                            "DAMAGED"))), "Idempotency-Key", UUID.randomUUID().toString()), 201).json();
            expect(floorApi.post("/api/v1/returns/" + back.get("id").asString() + "/receipts", Map.of("location",
                    location, "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "condition", "RESELLABLE")))),
                    201);
            orders.put(language, order);
        }
        delivered.placedAndPaid(sku, 2);
        pickList = new Warehouse(floorApi).pickListAt(location);
        for (String language : List.of("en", "ko")) {
            String name = Fixtures.unique("files-" + language).toLowerCase();
            users.create(name, PASSWORD, Role.ADMIN, language, "test");
            sessions.put(language, WebSession.login(port, name, PASSWORD));
        }
    }

    @Test
    void theDocumentsOfAnOrderAreTheFilesItsPageNamesInTheCustomersLanguage() throws IOException {
        for (var entry : orders.entrySet()) {
            String language = entry.getKey();
            JsonNode order = entry.getValue();
            String number = order.get("number").asString();
            Map<String, JsonNode> stored = new LinkedHashMap<>();
            expect(api.get("/api/v1/orders/" + order.get("id").asString() + "/documents"), 200).json()
                    .forEach(d -> stored.put(d.get("id").asString(), d));
            WebSession.Page page = sessions.get("en").get("/orders/" + number);
            assertThat(page.status()).isEqualTo(200);
            Matcher link = DOCUMENT_LINK.matcher(page.body());
            List<String> kinds = new ArrayList<>();
            while (link.find()) {
                JsonNode document = stored.get(link.group(2));
                String kind = document.get("kind").asString();
                kinds.add(kind);
                String where = kind + " of " + number + " (" + language + ")";
                WebSession.File file = sessions.get("en").download(link.group(1));
                assertThat(file.status()).as(where).isEqualTo(200);
                assertThat(file.header("Content-Type")).as(where).startsWith(document.get("mediaType").asString());
                assertThat(file.header("Content-Disposition")).as(where + ": the name on the page")
                        .contains("filename=\"" + link.group(3).strip() + "\"");
                if (document.get("mediaType").asString().equals("application/pdf")) {
                    String text = pdfText(file.body());
                    // a packing slip goes with the parcel under the order's number; the others have their own
                    assertThat(text).as(where).contains(number, kind.equals("PACKING_SLIP") ? number
                            : document.get("number").asString());
                    String title = documentTitle(kind, language);
                    assertThat(text).as(where + ": in " + language).contains(title);
                } else {
                    assertThat(new String(file.body(), StandardCharsets.UTF_8)).as(where)
                            .contains(document.get("number").asString());
                }
            }
            assertThat(kinds).as("documents of " + number).contains("CONFIRMATION", "INVOICE", "CREDIT_NOTE");
        }
    }

    @Test
    void thePrintedPickListIsInTheLanguageOfWhoPrintsIt() throws IOException {
        String number = pickList.get("number").asString();
        for (var session : sessions.entrySet()) {
            WebSession.File file = session.getValue().download("/warehouse/pick-lists/" + pickList.get("id")
                    .asString() + ".pdf");
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.header("Content-Type")).startsWith("application/pdf");
            assertThat(file.header("Content-Disposition")).contains(number);
            String title = backofficeText(session.getKey(), "warehouse.pdf.title").replace("{0}", number);
            assertThat(pdfText(file.body())).as("pick list in " + session.getKey()).contains(title);
        }
    }

    @Test
    void everyCsvOfTheDashboardHasItsHeaderInTheUsersLanguageAndWordsForCodes() {
        Pattern link = Pattern.compile("href=\"(/dashboard/([a-z-]+)\\.csv)\"");
        for (var session : sessions.entrySet()) {
            String language = session.getKey();
            Matcher m = link.matcher(session.getValue().get("/dashboard").body());
            List<String> figures = new ArrayList<>();
            while (m.find()) {
                String figure = m.group(2);
                figures.add(figure);
                String where = figure + ".csv in " + language;
                WebSession.File file = session.getValue().download(m.group(1));
                assertThat(file.status()).as(where).isEqualTo(200);
                assertThat(file.header("Content-Type")).as(where).isEqualTo("text/csv;charset=UTF-8");
                assertThat(file.header("Content-Disposition")).as(where).contains("filename=\"" + figure + "-"
                        + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
                List<String> lines = Arrays.asList(new String(file.body(), StandardCharsets.UTF_8).split("\r\n"));
                List<String> header = Arrays.asList(lines.get(0).split(","));
                assertThat(header).as(where + ": header").allSatisfy(column -> assertThat(column)
                        .isIn(columnNames(language)));
                if (language.equals("ko")) {
                    assertThat(lines.get(0)).as(where + ": header in Korean").containsPattern("\\p{IsHangul}");
                }
                List<String> cells = lines.stream().skip(1).flatMap(l -> Arrays.stream(l.split(","))).toList();
                assertThat(checks.rawCodes(cells)).as(where + ": codes in the rows").isEmpty();
                if (!language.equals("en")) {
                    assertThat(checks.untranslated(cells)).as(where + ": English words in the rows").isEmpty();
                }
            }
            assertThat(figures).as("the dashboard's CSV links").hasSize(9);
            // the rows are the screen's: today's orders of the web shop, under the name the queue gives the channel
            String perDay = new String(session.getValue().download("/dashboard/orders-per-day.csv").body(),
                    StandardCharsets.UTF_8);
            assertThat(perDay).contains("\r\n" + LocalDate.now(ZoneOffset.UTC) + ","
                    + backofficeText(language, "channel.web") + ",");
        }
    }

    @Test
    void aPurchaseOrdersPdfIsTheFileItsPageLinksInTheSuppliersLanguage() throws IOException {
        String supplier = Fixtures.unique("PDFSUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "공급 " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "currency", "EUR", "locale", "ko")), 201);
        String sku = new Fixtures(api).article("10.00", "EUR", "19");
        String number = null;
        String otherId = null;
        for (int i = 0; i < 2; i++) {
            JsonNode po = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location",
                    location, "lines", List.of(Map.of("sku", sku, "quantity", 40, "unitPrice", "4.20"))),
                    "Idempotency-Key", UUID.randomUUID().toString()), 201).json();
            if (i == 0) {
                number = po.get("number").asString();
            } else {
                otherId = po.get("id").asString();
            }
        }
        Pattern link = Pattern.compile("id=\"po-pdf-1\"\\s+href=\"(/purchasing/orders/[^\"]+/documents/([^\"]+))\"");
        for (var session : sessions.entrySet()) {
            String where = "purchase order PDF for " + session.getKey();
            Matcher m = link.matcher(session.getValue().get("/purchasing/orders/" + number).body());
            assertThat(m.find()).as(where + ": the link on the order's page").isTrue();
            WebSession.File file = session.getValue().download(m.group(1));
            assertThat(file.status()).as(where).isEqualTo(200);
            assertThat(file.header("Content-Type")).as(where).startsWith("application/pdf");
            assertThat(file.header("Content-Disposition")).as(where).contains(number);
            assertThat(pdfText(file.body())).as(where + ": in the supplier's language")
                    .contains(documentTitle("PURCHASE_ORDER", "ko") + " " + number);
            // the document is this order's: under another order it is not found
            assertThat(session.getValue().download("/purchasing/orders/" + otherId + "/documents/" + m.group(2))
                    .status()).as(where + ": under another order").isEqualTo(404);
        }
    }

    @Test
    void theSpaceForecastCsvHasItsHeaderInTheUsersLanguageAndWordsForYesAndNo() {
        Pattern link = Pattern.compile("id=\"forecast-csv\" href=\"([^\"]+)\"");
        for (var session : sessions.entrySet()) {
            String language = session.getKey();
            String where = "space forecast in " + language;
            Matcher m = link.matcher(session.getValue().get("/space?location=" + location).body());
            assertThat(m.find()).as(where + ": the link on the screen").isTrue();
            WebSession.File file = session.getValue().download(m.group(1).replace("&amp;", "&"));
            assertThat(file.status()).as(where).isEqualTo(200);
            assertThat(file.header("Content-Type")).as(where).isEqualTo("text/csv;charset=UTF-8");
            List<String> lines = Arrays.asList(new String(file.body(), StandardCharsets.UTF_8).split("\r\n"));
            assertThat(lines).as(where + ": a header and twelve weeks").hasSize(13);
            assertThat(Arrays.asList(lines.get(0).split(","))).as(where + ": header").hasSize(9)
                    .allSatisfy(column -> assertThat(column).isIn(columnNames(language)));
            if (language.equals("ko")) {
                assertThat(lines.get(0)).as(where + ": header in Korean").containsPattern("\\p{IsHangul}");
            }
            List<String> full = lines.stream().skip(1).map(l -> l.split(",", -1)[6]).distinct().toList();
            assertThat(full).as(where + ": the full column in words")
                    .isSubsetOf(backofficeText(language, "csv.true"), backofficeText(language, "csv.false"));
            List<String> cells = lines.stream().skip(1).flatMap(l -> Arrays.stream(l.split(","))).toList();
            assertThat(checks.rawCodes(cells)).as(where + ": codes in the rows").isEmpty();
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The title of a kind of document in a language, up to its number ("Rechnung", "청구서"). */
    private static String documentTitle(String kind, String language) throws IOException {
        // a ZUGFeRD invoice is an invoice a machine can read too
        String named = kind.equals("ZUGFERD") ? "INVOICE" : kind;
        String title = bundle("documents_" + language).getProperty(named.toLowerCase(Locale.ROOT).replace('_', '-')
                + ".title");
        assertThat(title).as("title of " + kind + " in " + language).isNotNull();
        return title.replace("{number}", "").strip();
    }

    private static String backofficeText(String language, String key) {
        try {
            return bundle("backoffice_" + language).getProperty(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> columnNames(String language) {
        try {
            Properties texts = bundle("backoffice_" + language);
            return texts.stringPropertyNames().stream().filter(k -> k.startsWith("csv.")).map(texts::getProperty)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = DownloadsIntegrationTests.class.getResourceAsStream("/messages/" + name
                + ".properties")) {
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
