package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.mailroom.MailboxSetup;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form refused on a German or Korean back-office page says why in that language, from the services' own wording
 * (file imports, scans, mailboxes, bank transfers, webhooks); the same refusal on an English page stays English.
 */
@IntegrationTest
class RefusalsInTheReadersLanguageIntegrationTests {

    private static final String PASSWORD = "refusals-test-password-1";
    private static final byte[] XLS = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1, 0, 0, 0, 0};

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    MailboxSetup mailboxes;

    @Test
    void anOldExcelWorkbookIsRefusedInTheImportersLanguage() {
        WebSession german = person(Role.ADMIN, "de");
        german.get("/imports");
        WebSession.Page refused = german.follow(german.postFile("/imports", Map.of("kind", "orders", "source", "shop"),
                "file", "bestellungen.xls", "application/vnd.ms-excel", XLS));
        assertThat(refused.body()).contains("Nicht gespeichert: ")
                .contains("ist eine Excel-97-2003-Arbeitsmappe (XLS), die nicht gelesen wird: speichern Sie sie als "
                        + "XLSX oder CSV")
                .doesNotContain("is an Excel 97-2003 workbook");

        WebSession english = person(Role.ADMIN, "en");
        english.get("/imports");
        assertThat(english.follow(english.postFile("/imports", Map.of("kind", "orders", "source", "shop"), "file",
                "orders.xls", "application/vnd.ms-excel", XLS)).body())
                .contains("is an Excel 97-2003 workbook (XLS), which is not read: save it as XLSX or CSV");
    }

    @Test
    void theImportPreviewSaysEachRowsFaultInTheReadersLanguageAndTheApiInEnglish() {
        String a = Fixtures.unique("ART");
        byte[] articles = ("sku;name.de;name.en;price;currency;taxRate;weightGrams;backorderable\n"
                + a + ";Becher;Mug;8.50;EUR;19;zwei;false\n"
                + a + ";Becher;Mug;8.50;EUR;19;400;false\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        WebSession german = person(Role.ADMIN, "de");
        german.get("/imports");
        WebSession.Page uploaded = german.postFile("/imports", Map.of("kind", "articles", "source", "bo"), "file",
                "artikel.csv", "text/csv", articles);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
        String path = uploaded.location().replaceFirst("^https?://[^/]+", "");
        assertThat(german.follow(uploaded).body())
                .contains("muss eine ganze Zahl nur aus Ziffern sein, etwa 5")
                .contains("derselbe Eintrag (Artikel) wie Zeile 2: pro Artikel gibt es nur eine Zeile")
                .doesNotContain("digits only").doesNotContain("is one row");

        WebSession korean = person(Role.ADMIN, "ko");
        assertThat(korean.get(path).body()).contains("5처럼 숫자로만 쓴 정수여야 합니다")
                .contains("2행과 같은 상품입니다: 상품마다 한 행이어야 합니다");

        String id = path.substring(path.lastIndexOf('/') + 1);
        var preview = expect(Api.admin(port).get("/api/v1/imports/articles/" + id), 200).json();
        assertThat(preview.get("errors").findValuesAsString("message")).containsExactlyInAnyOrder(
                "must be a whole number written with digits only, such as 5",
                "the same article as row 2: each article is one row");
    }

    @Test
    void aScanThatIsNoScanAndAnUnknownImportKindAreRefusedInKorean() {
        WebSession korean = person(Role.ADMIN, "ko");
        korean.get("/review");
        assertThat(korean.follow(korean.postFile("/review/paper", Map.of(), "file", "note.txt", "text/plain",
                "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8))).body())
                .contains("PDF, PNG, TIFF 또는 JPEG 파일이어야 합니다(파일의 첫 바이트로 판별)")
                .doesNotContain("must be a PDF");
        korean.get("/imports");
        WebSession.Page unknownKind = korean.postFile("/imports", Map.of("kind", "invoices", "source", "shop"), "file",
                "a.csv", "text/csv", "sku\nA\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(unknownKind.status()).as(unknownKind.body()).isEqualTo(302);
        assertThat(korean.follow(unknownKind).body())
                .contains("저장되지 않음: ").contains("다음 중 하나여야 합니다: [orders")
                .doesNotContain("must be one of");
    }

    @Test
    void aMailboxWithAHostThatIsNoneIsRefusedInKoreanAndNothingIsStored() {
        WebSession korean = person(Role.ADMIN, "ko");
        String name = Fixtures.unique("kr").toLowerCase();
        Map<String, String> form = MailboxScreensIntegrationTests.form(name, "993", "secret");
        form.put("host", "not a host!");
        korean.get("/admin/mailboxes");
        assertThat(korean.follow(korean.post("/admin/mailboxes", form)).body())
                .contains("호스트 이름 또는 IP 주소여야 합니다").doesNotContain("must be a host name");
        form.put("host", "127.0.0.1");
        form.put("ssl", "maybe");
        korean.get("/admin/mailboxes");
        assertThat(korean.follow(korean.post("/admin/mailboxes", form)).body())
                .contains("true(선택됨)이거나 비어 있어야 합니다").doesNotContain("must be true (checked)");
        assertThat(mailboxes.mailboxes()).noneMatch(m -> m.name().equals(name));
    }

    @Test
    void aBankTransferOfNothingIsRefusedInGerman() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("9.90", "EUR", "19");
        fixtures.receive(sku, location, 5);
        var placed = expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json();
        String number = placed.get("number").asString();

        WebSession german = person(Role.AGENT, "de");
        german.get("/orders/" + number);
        assertThat(german.follow(german.post("/orders/" + number + "/bank-transfer", Map.of("amount", "0",
                "reference", number))).body()).contains("Nicht gespeichert: ").contains("muss größer als null sein")
                .doesNotContain("must be more than zero");
        assertThat(api.get("/api/v1/orders/" + placed.get("id").asString()).json().get("paymentStatus").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void enablingAnActiveWebhookIsRefusedInGerman() {
        Api api = Api.admin(port);
        String id = expect(api.post("/api/v1/webhooks", Map.of("url", "https://erp.example.com/hooks/" + Fixtures
                .unique("w"), "events", List.of("order.placed"))), 201).json().get("subscription").get("id").asString();
        try {
            WebSession german = person(Role.ADMIN, "de");
            german.get("/webhooks/" + id);
            assertThat(german.follow(german.post("/webhooks/" + id + "/enable", Map.of())).body())
                    .contains("Nicht möglich: Webhook-Abonnement " + id + " ist bereits aktiv")
                    .doesNotContain("is active already");
        } finally {
            api.send("DELETE", "/api/v1/webhooks/" + id, new byte[0], "application/json");
        }
    }

    private WebSession person(Role role, String language) {
        String name = Fixtures.unique(role.name() + language).toLowerCase();
        users.create(name, PASSWORD, role, language, "test");
        return WebSession.login(port, name, PASSWORD);
    }
}
