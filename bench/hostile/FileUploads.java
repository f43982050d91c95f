import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files uploaded through the API that must be refused whole (docs/imports.md): order, article, stock and bins files
 * (an XLSX zip bomb, a formula, a cell in column 10,000, random bytes as XLSX, an old XLS, 10,000 CSV columns, a huge
 * cell, Latin-1 or UTF-16 sent as UTF-8, a header without the required columns); the file of a digital article for
 * an article that is none, or with a hostile file name. And bank statements whose lines book nothing (no order
 * number, broken amounts and dates, binary): a statement is kept and waits in review with its lines, so an accepted
 * one may add exactly one inbound document and one review entry.
 */
final class FileUploads extends Family {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    final String adminKey;

    FileUploads(Generators g, String adminKey) {
        super("file uploads", g);
        this.adminKey = adminKey;
    }

    @Override
    List<String> aims() {
        return List.of("POST /api/v1/imports/orders", "POST /api/v1/imports/articles", "POST /api/v1/imports/stock",
                "POST /api/v1/imports/bins", "POST /api/v1/payments/bank-statements", "PUT /api/v1/digital/assets/{sku}");
    }

    @Override
    int weight() {
        return 3;
    }

    @Override
    Request next() {
        return switch (g.random.nextInt(6)) {
            case 0 -> bankStatement();
            case 1 -> digitalAsset();
            default -> importFile();
        };
    }

    @Override
    Map<String, Integer> addsWhenAccepted(Request request, int status) {
        return request.fault().equals("BANK_STATEMENT") ? Map.of("inbound_document", 1, "review_entry", 1) : Map.of();
    }

    /** A statement none of whose lines names an order: every line is listed as not booked. */
    Request bankStatement() {
        byte[] body = switch (g.random.nextInt(6)) {
            case 0 -> g.after("date;amount;currency;reference\n".getBytes(StandardCharsets.UTF_8), g.random.nextInt(5000) + 1);
            case 1 -> ("2026-12-01;" + pick("1e400", "-0", "1,000.00", "=1+1", "NaN", "9".repeat(400)) + ";EUR;" + hostile()
                    + "\n").getBytes(StandardCharsets.UTF_8);
            case 2 -> (pick("2026-02-30", "yesterday", "+99999-01-01", "=TODAY()") + ";10.00;" + pick("EUR", "XTS", "€", "")
                    + ";payment " + hostile() + "\n").getBytes(StandardCharsets.UTF_8);
            case 3 -> "2026-12-01;10,00;EUR;Müller Zahlung\n".getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> ("date;amount;currency;reference\n" + "2026-12-01;1.00;EUR;x\n".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
            default -> ("only;three;cells\n" + hostile() + "\n").getBytes(StandardCharsets.UTF_8);
        };
        return new Request(this, "BANK_STATEMENT", "POST", "/api/v1/payments/bank-statements",
                headers(adminKey, "Content-Type", pick("text/csv", "text/plain", "application/octet-stream")), body,
                g.random.nextBoolean());
    }

    /** A digital article's file for an article that is none, or one whose file name is a path or missing. */
    Request digitalAsset() {
        String sku = pick("TSHIRT-BLK-M", "NO-SUCH-SKU", hostile());
        String query = pick("", "?filename=" + enc(pick("../../etc/passwd", "a/b.pdf", "", "x".repeat(1000), hostile())),
                "?filename=manual.pdf");
        byte[] body = g.after("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), g.random.nextInt(20_000));
        return new Request(this, "DIGITAL_ASSET", "PUT", "/api/v1/digital/assets/" + enc(sku) + query,
                headers(adminKey, "Content-Type", pick("application/pdf", "application/zip", "application/octet-stream",
                        "text/html")), body, g.random.nextBoolean());
    }

    /** An order, article, stock or bins file. */
    Request importFile() {
        String path = "/api/v1/imports/" + pick("orders", "articles", "stock", "bins") + "?source=" + enc(pick("hostile", hostile()))
                + "&fileName=" + enc(pick("f.csv", "f.xlsx", hostile()));
        String type = "text/csv";
        byte[] body;
        switch (g.random.nextInt(10)) {
            case 0 -> { body = xlsx(" ".repeat(50_000_000), ""); type = XLSX; }
            case 1 -> { body = xlsx("", "<c r=\"A2\"><f>1+1</f><v>2</v></c>"); type = XLSX; }
            case 2 -> { body = xlsx("", "<c r=\"NTP2\" t=\"inlineStr\"><is><t>x</t></is></c>"); type = XLSX; }
            case 3 -> { body = new byte[g.random.nextInt(10_000) + 4]; g.random.nextBytes(body); body[0] = 'P'; body[1] = 'K';
                body[2] = 3; body[3] = 4; type = pick(XLSX, "application/octet-stream"); }
            case 4 -> { body = new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}; type = "application/vnd.ms-excel"; }
            case 5 -> body = (String.join(",", java.util.Collections.nCopies(10_000, "sku")) + "\n").getBytes(StandardCharsets.UTF_8);
            case 6 -> body = ("reference,sku,quantity,note,location,price,currency,taxRate,name.en\n1,TSHIRT-BLK-M,1,"
                    + "x".repeat(100_000) + ",BER,1,EUR,19,n\n").getBytes(StandardCharsets.UTF_8);
            case 7 -> { body = "reference,sku,quantity,location,price,currency,taxRate,name.en\nMüller,TSHIRT-BLK-M,1,BER,1,EUR,19,Müller\n"
                    .getBytes(StandardCharsets.ISO_8859_1); type = pick("text/csv", "text/csv; charset=utf-8"); }
            case 8 -> { byte[] text = "reference,sku,quantity,location,price,currency,taxRate,name.en\n1,TSHIRT-BLK-M,1,BER,1,EUR,19,n\n"
                    .getBytes(StandardCharsets.UTF_16LE);
                body = new byte[text.length + 2]; body[0] = (byte) 0xFF; body[1] = (byte) 0xFE;
                System.arraycopy(text, 0, body, 2, text.length); type = "text/csv; charset=utf-8"; }
            default -> body = (hostile() + "," + hostile() + "\n" + hostile() + "\n").getBytes(StandardCharsets.UTF_8);
        }
        return new Request(this, "FILE", "POST", path, headers(adminKey, "Content-Type", type), body, g.random.nextBoolean());
    }

    /** A minimal XLSX workbook by hand: {@code padding} inside the sheet's data (a bomb when large), {@code cells} in row 2. */
    static byte[] xlsx(String padding, String cells) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(out)) {
                Map<String, String> parts = new LinkedHashMap<>();
                parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
                parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
                parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
                parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + padding + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>quantity</t></is></c></row><row r=\"2\">" + cells
                        + "</row></sheetData></worksheet>");
                for (var part : parts.entrySet()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                    zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
