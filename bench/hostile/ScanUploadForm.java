import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Review > Upload a scan (docs/intake.md): no file, an empty one, random bytes, a PNG or PDF signature before
 * garbage, a hostile sender. Refused with the form's error, or (a broken image) taken into review, as through
 * {@code POST /api/v1/paper}: a scan is never lost. One taken adds what {@link PaperScans#TAKEN} says, and nothing
 * else.
 */
final class ScanUploadForm extends BackOfficeForm {

    ScanUploadForm() {
        super("scan upload", "/review");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (g.random.nextInt(4)) {
            case 0 -> { } // no file
            case 1 -> fields.put("file", new byte[0]);
            case 2 -> fields.put("file", g.after(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                    g.random.nextInt(20_000) + 1));
            default -> fields.put("file", g.after(g.hostile().getBytes(StandardCharsets.UTF_8), g.random.nextInt(20_000) + 1));
        }
        fields.put("sender", g.pick("", "a@example.com", g.hostile()));
        return browser.postMultipart("/review/paper", fields);
    }

    @Override
    Map<String, Integer> addsWhenAccepted() {
        return PaperScans.TAKEN;
    }
}
