package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.billing.ShopProfile;
import org.ordo.billing.internal.DocumentRenderer;
import org.ordo.notification.Notifications;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shop's name and logo as an admin sets them on the admin screen: in the sidebar and the page title, at the head
 * of the documents and at the end of the mails; a logo is kept re-drawn as a PNG, and an upload that is not a PNG or
 * JPEG (an SVG, text, a huge or a broken file) is refused, named, and changes nothing.
 */
@IntegrationTest
class ShopProfileIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ShopProfile shop;

    @Autowired
    DocumentRenderer documents;

    @Autowired
    OrderManagement orders;

    @Autowired
    Notifications notifications;

    @Autowired
    Users users;

    WebSession admin;
    String name;

    @BeforeEach
    void login() {
        admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        name = "Laden " + Fixtures.unique("s");
    }

    /** The shop is one for every test in this run: back to the seller's name and no logo. */
    @AfterEach
    void back() {
        shop.rename("", "test");
        shop.removeLogo("test");
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aTransactionReadsTheShopOnceAndAgainAfterChangingIt() {
        // an EDI batch confirms hundreds of orders in one transaction: each mail names the shop, read once
        transactions.executeWithoutResult(status -> {
            long before = shopReads();
            String first = shop.current().name();
            assertThat(shop.name()).isEqualTo(first);
            assertThat(shop.current()).isSameAs(shop.current());
            assertThat(shopReads() - before).as("read once in this transaction").isEqualTo(1);
            shop.rename(name, "test");
            assertThat(shop.name()).as("its own change, read again").isEqualTo(name);
            status.setRollbackOnly();
        });
        assertThat(shop.name()).as("rolled back").isNotEqualTo(name);
    }

    private long shopReads() {
        return jdbc.sql("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables "
                + "WHERE relname = 'shop_profile'").query(Long.class).single();
    }

    @Test
    void theNameAnAdminSetsIsInTheSidebarThePageTitleTheDocumentsAndTheMails() throws IOException {
        admin.get("/admin/shop");
        var saved = admin.post("/admin/shop/name", Map.of("name", "  " + name + " "));
        assertThat(admin.follow(saved).body()).contains("The shop&#39;s name is saved.");
        String page = admin.get("/orders").body();
        assertThat(page).contains("<span id=\"shop-name\">" + name + "</span>")
                .contains("data-shop-name=\"" + name + "\"");

        Api api = Api.admin(port);
        var fixtures = new Fixtures(api);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, fixtures.location(1), 5);
        UUID id = UUID.fromString(expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json().path("id")
                .asString());
        try (PDDocument pdf = Loader.loadPDF(documents.confirmation(orders.require(id)))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(name);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications.ofOrder(id))
                .anySatisfy(m -> assertThat(m.body()).contains(name)));

        // blank: the seller's name again
        admin.get("/admin/shop");
        admin.post("/admin/shop/name", Map.of("name", ""));
        assertThat(admin.get("/orders").body()).doesNotContain(name);
    }

    @Test
    void aLogoIsKeptRedrawnAsAPngAndShownInTheSidebarAndOnDocuments() throws Exception {
        byte[] wide = image(1200, 400, "png");
        byte[] withTrailer = Arrays.copyOf(wide, wide.length + 20);
        System.arraycopy("<script>x</script>".getBytes(StandardCharsets.US_ASCII), 0, withTrailer, wide.length, 18);
        admin.get("/admin/shop");
        var uploaded = admin.postFile("/admin/shop/logo", Map.of(), "logo", "logo.png", "image/png", withTrailer);
        assertThat(admin.follow(uploaded).body()).contains("The logo is saved.").contains("id=\"shop-logo-preview\"");

        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/shop/logo.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).as("open without login").isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
        BufferedImage kept = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(kept.getWidth()).isEqualTo(600);
        assertThat(kept.getHeight()).isEqualTo(200);
        assertThat(admin.get("/orders").body()).contains("id=\"shop-logo\"");

        // a JPEG is taken too, and the confirmation shows it at the head of the page
        admin.get("/admin/shop");
        admin.postFile("/admin/shop/logo", Map.of(), "logo", "photo.jpg", "image/jpeg", image(300, 100, "jpg"));
        Api api = Api.admin(port);
        var fixtures = new Fixtures(api);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, fixtures.location(1), 5);
        UUID id = UUID.fromString(expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json().path("id")
                .asString());
        try (PDDocument pdf = Loader.loadPDF(documents.confirmation(orders.require(id)))) {
            var resources = pdf.getPage(0).getResources();
            long images = 0;
            for (var xobject : resources.getXObjectNames()) {
                if (resources.getXObject(xobject) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertThat(images).isEqualTo(1);
        }

        admin.get("/admin/shop");
        admin.post("/admin/shop/logo/remove", Map.of());
        assertThat(admin.get("/orders").body()).doesNotContain("id=\"shop-logo\"");
    }

    @Test
    void anUploadThatIsNotAPngOrJpegIsRefusedAndChangesNothing() throws IOException {
        admin.get("/admin/shop");
        admin.postFile("/admin/shop/logo", Map.of(), "logo", "logo.png", "image/png", image(200, 100, "png"));
        byte[] before = shop.logo().orElseThrow();

        String svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        Map<String, byte[]> hostile = Map.of(
                "SVG is not taken", svg.getBytes(StandardCharsets.UTF_8),
                "must be a PNG or JPEG image", "just text, named .png".getBytes(StandardCharsets.UTF_8),
                "must be at most 512 KB", padded(image(50, 50, "png"), 600 * 1024),
                // a photo's size, over the default body limit of 1 MiB: the form's error, not a bare 413
                "at most 512 KB", padded(image(50, 50, "png"), 3 * 1024 * 1024),
                "must be at most 4000 x 4000 pixels", image(4100, 2, "png"),
                "that can be read", Arrays.copyOf(image(200, 100, "png"), 60),
                "is required", new byte[0]);
        for (var upload : hostile.entrySet()) {
            admin.get("/admin/shop");
            var answer = admin.follow(admin.postFile("/admin/shop/logo", Map.of(), "logo", "logo.png", "image/png",
                    upload.getValue()));
            assertThat(answer.body()).as(upload.getKey()).contains("Logo: ").contains(upload.getKey());
            assertThat(shop.logo()).as(upload.getKey()).hasValueSatisfying(png -> assertThat(png).isEqualTo(before));
        }
        admin.get("/admin/shop");
        assertThat(admin.follow(admin.post("/admin/shop/name", Map.of("name", "x".repeat(81)))).body())
                .contains("Name: must be at most 80 characters");
        assertThat(shop.current().nameSet()).isFalse();

        // an admin who reads German is told in German, the field by its name on the screen
        String german = ("shopadmin" + Fixtures.unique("s")).toLowerCase().replaceAll("[^a-z0-9]", "");
        german = german.substring(0, Math.min(40, german.length()));
        users.create(german, "shop-password-1", Role.ADMIN, "de", "test");
        WebSession deAdmin = WebSession.login(port, german, "shop-password-1");
        deAdmin.get("/admin/shop");
        assertThat(deAdmin.follow(deAdmin.postFile("/admin/shop/logo", Map.of(), "logo", "logo.svg", "image/svg+xml",
                svg.getBytes(StandardCharsets.UTF_8))).body()).contains("Nicht gespeichert: Logo: muss ein PNG- oder "
                        + "JPEG-Bild sein: SVG wird nicht angenommen, da es Skripte enthalten kann");
        deAdmin.get("/admin/shop");
        assertThat(deAdmin.follow(deAdmin.post("/admin/shop/name", Map.of("name", "x".repeat(81)))).body())
                .contains("Nicht gespeichert: Name: darf höchstens 80 Zeichen lang sein");
        assertThat(shop.logo()).hasValueSatisfying(png -> assertThat(png).isEqualTo(before));
    }

    @Test
    void onlyAnAdminChangesTheShop() {
        String agentName = ("shopagent" + Fixtures.unique("s")).toLowerCase().replaceAll("[^a-z0-9]", "");
        users.create(agentName.substring(0, Math.min(40, agentName.length())), "shop-password-1", Role.AGENT, "en",
                "test");
        WebSession agent = WebSession.login(port, agentName.substring(0, Math.min(40, agentName.length())),
                "shop-password-1");
        agent.get("/orders");
        assertThat(agent.post("/admin/shop/name", Map.of("name", "Taken over")).status()).isEqualTo(403);
        assertThat(agent.get("/admin/shop").status()).isEqualTo(403);
        assertThat(shop.current().nameSet()).isFalse();
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x22, 0x55, 0xaa));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] padded(byte[] png, int size) {
        return Arrays.copyOf(png, size);
    }
}
