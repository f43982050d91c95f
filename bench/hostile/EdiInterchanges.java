import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * EDIFACT interchanges that must be refused: binary, truncated, over the size limit, in another charset than its UNB
 * declares, thousands of repeated line items, broken service string advice, or from a sender that is no trading
 * partner (the demo data has none, so no interchange may change anything).
 */
final class EdiInterchanges extends Family {

    final String adminKey;

    EdiInterchanges(Generators g, String adminKey) {
        super("EDI interchanges", g);
        this.adminKey = adminKey;
    }

    @Override
    List<String> aims() {
        return List.of("POST /api/v1/edi/interchanges");
    }

    @Override
    int weight() {
        return 3;
    }

    @Override
    Request next() {
        String unb = "UNB+UNOC:3+5412345000013:14+4012345000009:14+261205:1000+H" + g.random.nextInt(1_000_000) + "'";
        String message = "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+" + hostile().replace("'", "?'") + "+9'"
                + "LIN+1++4006381333931:SRV'QTY+21:1'UNS+S'UNT+6+1'";
        String good = unb + message + "UNZ+1+X'";
        byte[] body = switch (g.random.nextInt(9)) {
            case 0 -> { byte[] b = new byte[g.random.nextInt(100_000) + 1]; g.random.nextBytes(b); yield b; }
            case 1 -> good.substring(0, g.random.nextInt(good.length())).getBytes(StandardCharsets.ISO_8859_1);
            case 2 -> (unb + "UNH+1+ORDERS:D:96A:UN'" + "LIN+1++4006381333931:SRV'QTY+21:1'".repeat(40_000)).getBytes(StandardCharsets.ISO_8859_1);
            case 3 -> (unb + "UNH+1+ORDERS:D:96A:UN'" + "LIN+1++1:SRV'".repeat(200_000)).getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> good.replace("UNOC", "UNOA").replace("BGM+220+", "BGM+220+Müller").getBytes(StandardCharsets.UTF_8);
            case 5 -> good.replace("UNOC", "UNOW").replace("BGM+220+", "BGM+220+Müller").getBytes(StandardCharsets.ISO_8859_1);
            case 6 -> ("UNA" + hostile() + good).getBytes(StandardCharsets.UTF_8);
            case 7 -> message.repeat(g.random.nextInt(1000) + 1).getBytes(StandardCharsets.UTF_8);
            default -> good.getBytes(StandardCharsets.UTF_8);
        };
        Map<String, String> headers = headers(adminKey, "Content-Type", pick("application/EDIFACT", "application/edifact; charset=iso-8859-1",
                "text/plain", "application/octet-stream"));
        return new Request(this, "EDI", "POST", "/api/v1/edi/interchanges", headers, body, g.random.nextBoolean());
    }

}
