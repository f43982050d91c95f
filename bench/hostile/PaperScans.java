import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Paper or fax scan uploads that are no scan, or broken ones (docs/intake.md): random bytes, text, a PNG, TIFF or
 * PDF signature followed by garbage, a PDF that claims a million pages, a hostile file name or sender. Refused with
 * 422 naming the field, or (a broken image) taken into review with OCR's failure; never a 5xx. A scan is never
 * lost: one taken adds exactly one inbound document, its review entry and the upload that remembers its bytes, and
 * nothing else.
 */
final class PaperScans extends Family {

    final String adminKey;

    PaperScans(Generators g, String adminKey) {
        super("paper scans", g);
        this.adminKey = adminKey;
    }

    @Override
    List<String> aims() {
        return List.of("POST /api/v1/paper");
    }

    @Override
    int weight() {
        return 2;
    }

    /** 201: taken into review (200 would be the same bytes again, which opens nothing new). */
    @Override
    Map<String, Integer> addsWhenAccepted(Request request, int status) {
        return status == 201 ? TAKEN : Map.of();
    }

    static final Map<String, Integer> TAKEN = Map.of("inbound_document", 1, "review_entry", 1, "paper_upload", 1);

    @Override
    Request next() {
        byte[] garbage = new byte[g.random.nextInt(50_000) + 1];
        g.random.nextBytes(garbage);
        byte[] start = switch (g.random.nextInt(6)) {
            case 0 -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
            case 1 -> new byte[] {'I', 'I', '*', 0};
            case 2 -> "%PDF-1.7\n1 0 obj << /Type /Pages /Count 1000000 >> endobj\n".getBytes(StandardCharsets.US_ASCII);
            case 3 -> hostile().getBytes(StandardCharsets.UTF_8);
            default -> new byte[0];
        };
        byte[] body = new byte[start.length + garbage.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(garbage, 0, body, start.length, garbage.length);
        String path = "/api/v1/paper" + pick("", "?fileName=" + enc(hostile()), "?sender=" + enc(hostile()),
                "?fileName=scan.png&sender=" + enc(pick("a@example.com", hostile())));
        Map<String, String> headers = headers(adminKey, "Content-Type", pick("image/png", "image/tiff", "application/pdf", "image/jpeg",
                "application/octet-stream"));
        return new Request(this, "PAPER", "POST", path, headers, body, g.random.nextBoolean());
    }

}
