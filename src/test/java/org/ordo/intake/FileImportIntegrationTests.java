package org.ordo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.intake.internal.HostileFiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/** Order files through the API: preview with per-row errors, import once, mapping per source, XLSX. */
@IntegrationTest
class FileImportIntegrationTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String source, sku1, sku2, location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku1 = fixtures.article("12.50", "EUR", "19");
        sku2 = fixtures.article("3.20", "EUR", "19");
        fixtures.receive(sku1, location, 100);
        fixtures.receive(sku2, location, 100);
        source = Fixtures.unique("shop").toLowerCase();
    }

    @org.springframework.beans.factory.annotation.Autowired
    FileImports fileImports;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anImportWhoseNodeStoppedIsTakenOverAndFinishedWithoutTakingAnyOrderTwice() {
        // the node had taken R1 before it stopped (here: R1 imported on its own first, under the same source)
        commitAndWait(preview(csv(row("R1", sku1, "2")).getBytes(StandardCharsets.UTF_8), "text/csv"));
        JsonNode preview = preview(csv(row("R1", sku1, "2"), row("R2", sku2, "1"), row("R2", sku1, "1"))
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        String id = preview.get("id").asString();
        // committed on a node that stopped ten minutes ago, before it reported any progress
        jdbc.sql("""
                UPDATE file_import SET status = 'IMPORTING', committed_at = now() - interval '10 minutes',
                       heartbeat_at = now() - interval '10 minutes'
                WHERE id = CAST(:id AS uuid)
                """).param("id", id).update();
        assertThat(expect(api.get("/api/v1/imports/orders/" + id), 200).json().get("status").asString())
                .isEqualTo("IMPORTING");

        fileImports.resumeStalled(); // (or the scheduled housekeeping, every minute)
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                expect(api.get("/api/v1/imports/orders/" + id), 200).json().get("status").asString()));
        JsonNode done = expect(api.get("/api/v1/imports/orders/" + id), 200).json();
        assertThat(done.get("created").asInt()).isEqualTo(1);
        assertThat(done.get("alreadyImported").asInt()).isEqualTo(1);
        assertThat(done.get("unitsDone").asInt()).isEqualTo(2);
        assertThat(order("R1").get("lines")).hasSize(1);
        assertThat(order("R2").get("lines")).hasSize(2);
        assertThat(fileImports.resumeStalled()).as("a finished import is not taken over").doesNotContain(
                java.util.UUID.fromString(id));
    }

    @Test
    void aPreviewNeverCommittedIsRemovedAfterTheKeepTimeAndItsFileStays() {
        JsonNode preview = preview(csv(row("P1", sku1, "1")).getBytes(StandardCharsets.UTF_8), "text/csv");
        String id = preview.get("id").asString();
        assertThat(fileImports.dropUncommittedPreviews()).as("not yet: kept two days").isGreaterThanOrEqualTo(0);
        expect(api.get("/api/v1/imports/orders/" + id), 200);

        TestClock.movedBy(Duration.ofDays(3), () -> assertThat(fileImports.dropUncommittedPreviews()).isPositive());
        assertThat(api.get("/api/v1/imports/orders/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM file_import_row WHERE import_id = CAST(:id AS uuid)")
                .param("id", id).query(Long.class).single()).isZero();
        assertThat(expect(api.get("/api/v1/inbound-documents/" + preview.get("documentId").asString() + "/body"),
                200).body()).contains("P1");
    }

    String csv(String... rows) {
        return "reference,sku,quantity,customerEmail,customerName,currency,paymentMethod,shipName,shipStreet,"
                + "shipPostalCode,shipCity,shipCountry\n" + String.join("\n", rows) + "\n";
    }

    String row(String reference, String sku, String quantity) {
        return reference + "," + sku + "," + quantity + "," + reference.toLowerCase() + "@example.com,Erika Muster,EUR,"
                + "prepayment,Erika Muster,Hauptstr. 1,10115,Berlin,DE";
    }

    JsonNode preview(byte[] file, String contentType) {
        return expect(api.postBytes("/api/v1/imports/orders?source=" + source + "&fileName=orders.csv", file,
                contentType), 201).json();
    }

    JsonNode commitAndWait(JsonNode preview) {
        return commitAndWait("orders", preview);
    }

    JsonNode commitAndWait(String kind, JsonNode preview) {
        String id = preview.get("id").asString();
        expect(api.post("/api/v1/imports/" + kind + "/" + id + "/commit", ""), 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                expect(api.get("/api/v1/imports/" + kind + "/" + id), 200).json().get("status").asString()));
        return expect(api.get("/api/v1/imports/" + kind + "/" + id), 200).json();
    }

    JsonNode order(String reference) {
        JsonNode items = expect(api.get("/api/v1/orders?q=" + source + "/" + reference), 200).json().get("items");
        assertThat(items.size()).as("orders with reference " + reference).isEqualTo(1);
        return expect(api.get("/api/v1/orders/" + items.get(0).get("id").asString()), 200).json();
    }

    @Test
    void aCsvFileBecomesOneOrderPerReferenceWithItsRowsAsOriginalAndTheSameFileAgainCreatesNothing() {
        String a = Fixtures.unique("A"), b = Fixtures.unique("B"), c = Fixtures.unique("C");
        byte[] file = csv(row(a, sku1, "2"), row(b, sku2, "1"), row(a, sku2, "3"), row(c, sku1, "1"),
                row(c, "NO-SUCH-SKU", "1.5")).getBytes(StandardCharsets.UTF_8);

        JsonNode preview = preview(file, "text/csv");
        assertThat(preview.get("status").asString()).isEqualTo("PREVIEWED");
        assertThat(preview.get("rows").asInt()).isEqualTo(5);
        assertThat(preview.get("units").asInt()).as("orders found").isEqualTo(3);
        assertThat(preview.get("rowsWithErrors").asInt()).isEqualTo(1);
        assertThat(preview.get("errors").findValuesAsString("column")).containsExactlyInAnyOrder("sku", "quantity");
        assertThat(preview.get("errors").findValues("row")).allMatch(r -> r.asInt() == 6);
        assertThat(api.get("/api/v1/orders?q=" + source + "/" + a).json().get("items").size())
                .as("a preview places nothing").isZero();

        JsonNode done = commitAndWait(preview);
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).as("the order with a bad row, whole").isEqualTo(1);
        assertThat(done.get("unitsDone").asInt()).isEqualTo(3);
        JsonNode orderA = order(a);
        assertThat(orderA.get("channel").asString()).isEqualTo("file");
        assertThat(orderA.get("lines").findValuesAsString("sku")).containsExactly(sku1, sku2);
        String original = api.get("/api/v1/inbound-documents/" + orderA.get("inboundDocumentId").asString() + "/body")
                .body();
        assertThat(original).startsWith("reference,sku,quantity").contains(a + "," + sku1 + ",2")
                .contains(a + "," + sku2 + ",3").doesNotContain(b);
        assertThat(api.get("/api/v1/orders?q=" + source + "/" + c).json().get("items").size()).isZero();
        assertThat(expect(api.post("/api/v1/imports/orders/" + done.get("id").asString() + "/commit", ""), 409)
                .errorFields()).isEmpty();

        JsonNode again = commitAndWait(preview(file, "text/csv"));
        assertThat(again.get("created").asInt()).as("the same file again").isZero();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(2);
        order(a);
        order(b);
    }

    @Test
    void aSourcesMappingReadsItsOwnColumnsFromAnXlsxSheetWithDefaultsForWhatItLacks() throws IOException {
        Map<String, Object> mapping = Map.of("columns", Map.of("reference", "Bestellnr", "sku", "Artikel",
                "quantity", "Menge", "customerEmail", "E-Mail", "shipName", "Name", "shipStreet", "Straße",
                "shipPostalCode", "PLZ", "shipCity", "Ort"), "defaults", Map.of("currency", "EUR",
                "paymentMethod", "invoice", "shipCountry", "DE"));
        expect(api.put("/api/v1/imports/mappings/orders/" + source, mapping), 200);
        assertThat(expect(api.get("/api/v1/imports/mappings/orders/" + source), 200).json().get("columns")
                .get("reference").asString()).isEqualTo("Bestellnr");
        assertThat(api.put("/api/v1/imports/mappings/orders/" + source, Map.of("columns", Map.of("colour", "Farbe")))
                .errorFields()).containsExactly("columns.colour");

        String reference = Fixtures.unique("X");
        byte[] workbook = workbook(List.of(
                List.of("Bestellnr", "Artikel", "Menge", "E-Mail", "Name", "Straße", "PLZ", "Ort"),
                List.of(reference, sku1, 4, "erika." + reference.toLowerCase() + "@example.com", "Erika Muster",
                        "Hauptstr. 1", "10115", "Berlin"),
                List.of(reference, sku2, 1)));
        JsonNode done = commitAndWait(expect(api.postBytes("/api/v1/imports/orders?source=" + source
                + "&fileName=bestellung.xlsx", workbook, XLSX), 201).json());
        assertThat(done.get("format").asString()).isEqualTo("XLSX");
        assertThat(done.get("created").asInt()).as(done.toString()).isEqualTo(1);
        JsonNode order = order(reference);
        assertThat(order.get("paymentMethod").asString()).isEqualTo("invoice");
        assertThat(order.get("lines").findValues("quantity")).extracting(JsonNode::asInt).containsExactly(4, 1);
    }

    @Test
    void aFileMissingAMappedColumnOrWithoutSourceIsRefusedAndStoresNothing() {
        Api.Response missing = api.postBytes("/api/v1/imports/orders?source=" + source, "sku,quantity\nA,1\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorFields()).containsExactly("file");
        assertThat(missing.body()).contains("reference");
        assertThat(api.postBytes("/api/v1/imports/orders", "reference,sku,quantity\nA,B,1\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv").errorFields()).contains("source");
    }

    String newestFileDocument() {
        JsonNode items = expect(api.get("/api/v1/inbound-documents?channel=file&limit=1"), 200).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }

    @Test
    void hostileFilesAreRefusedWholeWithTheReasonAndStoreNothing() {
        String header = "reference,sku,quantity,customerEmail,currency,paymentMethod\n";
        String before = newestFileDocument();
        record Hostile(byte[] body, String contentType, String reason) {
        }
        List<Hostile> files = List.of(
                new Hostile(HostileFiles.zipBomb(), XLSX, "zip bomb"),
                new Hostile(HostileFiles.workbook(sheet -> {
                    sheet.createRow(0).createCell(0).setCellValue("reference");
                    sheet.getRow(0).createCell(1).setCellValue("sku");
                    sheet.getRow(0).createCell(2).setCellValue("quantity");
                    sheet.createRow(1).createCell(2).setCellFormula("1+1");
                }), XLSX, "formula"),
                new Hostile((String.join(",", java.util.Collections.nCopies(10_000, "sku")) + "\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv", "10000 columns"),
                new Hostile((header + "R1,Müller,1,a@example.com,EUR,invoice\n").getBytes(StandardCharsets.ISO_8859_1),
                        "text/csv; charset=utf-8", "not valid UTF-8"),
                new Hostile(HostileFiles.utf16(header + "R1,A,1,a@example.com,EUR,invoice\n"), "text/csv; charset=UTF-8",
                        "UTF-16LE byte order mark"),
                new Hostile((header + "R1," + "x".repeat(100_000) + ",1,a@example.com,EUR,invoice\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv", "100000 characters"));
        for (Hostile file : files) {
            Api.Response answer = api.postBytes("/api/v1/imports/orders?source=" + source + "&fileName=hostile",
                    file.body(), file.contentType());
            assertThat(answer.status()).as(file.reason()).isEqualTo(422);
            assertThat(answer.errorFields()).containsExactly("file");
            assertThat(answer.body()).contains(file.reason());
        }
        assertThat(newestFileDocument()).as("no file stored").isEqualTo(before);
    }

    @Test
    void articlesAndOpeningStockComeFromFilesOnceEachThroughTheCatalogAndTheReceipt() {
        String a = Fixtures.unique("ART"), b = Fixtures.unique("ART"), c = Fixtures.unique("ART");
        byte[] articles = ("sku;name.de;name.en;price;currency;taxRate;weightGrams;backorderable\n"
                + a + ";Becher;Mug;8.50;EUR;19;400;false\n"
                + b + ";;Cap;12;EUR;7;;true\n"
                + c + ";Hut;Hat;1,50;EUR;19;;vielleicht\n").getBytes(StandardCharsets.UTF_8);
        JsonNode preview = expect(api.postBytes("/api/v1/imports/articles?source=" + source, articles, "text/csv"),
                201).json();
        assertThat(preview.get("units").asInt()).isEqualTo(3);
        assertThat(preview.get("errors").findValuesAsString("column")).containsExactly("backorderable");
        JsonNode done = commitAndWait("articles", preview);
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        JsonNode mug = expect(api.get("/api/v1/articles/" + a), 200).json();
        assertThat(mug.get("price").get("amount").asString()).isEqualTo("8.50");
        assertThat(mug.get("weightGrams").asInt()).isEqualTo(400);
        assertThat(expect(api.get("/api/v1/articles/" + b), 200).json().get("backorderable").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/articles/" + c).status()).isEqualTo(404);
        JsonNode again = commitAndWait("articles", expect(api.postBytes("/api/v1/imports/articles?source=" + source,
                articles, "text/csv"), 201).json());
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(again.get("created").asInt()).isZero();

        byte[] stock = ("sku,location,quantity,reference\n" + a + "," + location + ",120,OPENING-1\n"
                + b + "," + location + ",40,OPENING-1\n" + b + "," + location + ",5,OPENING-1\n"
                + a + ",NOWHERE,1,OPENING-1\n").getBytes(StandardCharsets.UTF_8);
        JsonNode stockPreview = expect(api.postBytes("/api/v1/imports/stock?source=" + source, stock, "text/csv"),
                201).json();
        assertThat(stockPreview.get("errors").findValues("row")).extracting(JsonNode::asInt)
                .as("the same SKU and location twice, an unknown location").containsExactly(4, 5);
        JsonNode received = commitAndWait("stock", stockPreview);
        assertThat(received.get("created").asInt()).isEqualTo(1);
        assertThat(received.get("failed").asInt()).isEqualTo(2);
        assertThat(expect(api.get("/api/v1/inventory/" + a), 200).json().get("onHand").asLong()).isEqualTo(120);
        assertThat(expect(api.get("/api/v1/inventory/" + a + "/movements"), 200).json().get("items")
                .findValuesAsString("kind")).containsExactly("RECEIPT");
        JsonNode repeated = commitAndWait("stock", expect(api.postBytes("/api/v1/imports/stock?source=" + source,
                stock, "text/csv"), 201).json());
        assertThat(repeated.get("alreadyImported").asInt()).isEqualTo(1);
        assertThat(expect(api.get("/api/v1/inventory/" + a), 200).json().get("onHand").asLong())
                .as("the same file again adds nothing").isEqualTo(120);
        assertThat(api.withNewKey("AGENT").postBytes("/api/v1/imports/stock?source=" + source, stock, "text/csv")
                .status()).as("stock is not the agents' business").isEqualTo(403);
    }

    static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Bestellungen");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
