import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Admin > Shop (docs/back-office.md, "The shop's name and logo"): logo uploads that are no logo, and names that are
 * none. The logo: text or random bytes under an image's name, an SVG (with a script, with a byte-order mark, without
 * the XML declaration), a file over 512 KB or over the upload's size limit, a PNG signature before garbage, a PNG cut
 * short, a PNG wider than 4,000 pixels, a JPEG start before garbage under a .png or .gif name, an empty file, no file.
 * The name: over 80 characters, or with control characters. Before the run's snapshot the script sets a logo
 * ({@link #main}); every draw must be refused, and after each one the logo served at /shop/logo.png is still that
 * one, byte for byte. (A real JPEG under a .png name is a logo: Ordo goes by the bytes, never the name.)
 */
final class ShopForms extends BackOfficeForm {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};

    /** The logo served before the first post (an MD5), compared after each post. */
    private String served;

    ShopForms() {
        super("shop name and logo", "/admin/shop");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        if (served == null) {
            served = logo(browser);
        }
        if (g.random.nextInt(4) == 0) {
            return browser.post("/admin/shop/name", "name", g.pick("x".repeat(81), "ß".repeat(300), "A".repeat(10_000),
                    "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (g.random.nextInt(10)) {
            case 0 -> { } // no file at all
            case 1 -> fields.put("logo", new Browser.File("logo.png", "image/png", new byte[0]));
            case 2 -> fields.put("logo", new Browser.File(g.pick("logo.svg", "logo.png"), "image/svg+xml", g.pick(
                    "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                    "\ufeff<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                    "  <svg><image href=\"http://127.0.0.1:1/x\"/></svg>",
                    "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>")
                    .getBytes(StandardCharsets.UTF_8)));
            case 3 -> fields.put("logo", new Browser.File(g.pick("logo.png", "logo.jpg"), "image/png",
                    g.pick(g.hostile(), "just text, named as an image", "GIF89a").getBytes(StandardCharsets.UTF_8)));
            case 4 -> fields.put("logo", new Browser.File("logo.png", "image/png",
                    g.after(PNG, g.random.nextInt(40_000) + 1)));
            case 5 -> fields.put("logo", new Browser.File(g.pick("logo.png", "logo.gif", "logo.jpg.exe"), "image/png",
                    g.after(JPEG, g.random.nextInt(40_000) + 1)));
            case 6 -> { // a PNG cut short: its header says more than follows
                byte[] whole = png(200, 100, new Color(0x20, 0x80, 0x40));
                fields.put("logo", new Browser.File("logo.png", "image/png",
                        Arrays.copyOf(whole, 20 + g.random.nextInt(whole.length - 30))));
            }
            case 7 -> fields.put("logo", new Browser.File("wide.png", "image/png", png(4_001, 2, Color.RED)));
            case 8 -> { // over 512 KB: a real picture with bytes after it, a photo's size, or over the upload limit
                byte[] picture = png(64, 64, Color.BLUE);
                int size = g.pick(513 * 1024 + g.random.nextInt(200_000), 3 * 1024 * 1024, 12 * 1024 * 1024);
                fields.put("logo", new Browser.File("big.png", "image/png", Arrays.copyOf(picture, size)));
            }
            default -> fields.put("logo", new Browser.File(g.pick("logo.png", "logo.jpg"), "application/octet-stream",
                    g.after(new byte[0], g.random.nextInt(30_000) + 1)));
        }
        HttpResponse<String> answer = browser.postMultipart("/admin/shop/logo", fields);
        if (fields.get("logo") instanceof Browser.File file) {
            browser.lastPost += " " + file.name() + " (" + file.type() + ", " + file.bytes().length + " bytes)";
        }
        return answer;
    }

    @Override
    String wrongAfter(Browser browser) throws Exception {
        String now = logo(browser);
        return now.equals(served) ? null : "the logo served changed (" + served + " before, " + now + " now)";
    }

    /** The MD5 of the logo served, open to anyone, or its status when none is served. */
    private static String logo(Browser browser) throws Exception {
        HttpResponse<byte[]> logo = browser.http.send(HttpRequest.newBuilder(URI.create(browser.base + "/shop/logo.png"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return logo.statusCode() != 200 ? "status " + logo.statusCode()
                : HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(logo.body()));
    }

    private static byte[] png(int width, int height, Color color) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * Sets the shop's logo that the run then attacks (the script runs this before its snapshot):
     *   java -cp CLASSES ShopForms BASE_URL ADMIN_PASSWORD
     */
    public static void main(String[] args) throws Exception {
        Browser admin = new Browser(args[0]).login("admin", args[1]);
        admin.get("/admin/shop");
        HttpResponse<String> answer = admin.postMultipart("/admin/shop/logo",
                Map.of("logo", new Browser.File("logo.png", "image/png", png(240, 80, new Color(0x22, 0x55, 0xAA)))));
        String page = admin.get(Browser.location(answer)).body();
        String served = logo(admin);
        if (answer.statusCode() != 302 || page.contains("class=\"flash error\"") || served.startsWith("status")) {
            throw new IllegalStateException("The shop's logo could not be set: " + answer.statusCode() + ", " + served);
        }
        System.out.println("Shop logo set for the run (MD5 " + served + ")");
    }
}
