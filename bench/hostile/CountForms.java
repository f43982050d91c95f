import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Counts (docs/purchasing.md): a count that is no whole number of zero or more, of an unknown SKU or at no
 * warehouse; a decision that is no yes or no, or on a count that does not exist. Every draw must be refused: a count
 * taken would book or wait for approval.
 */
final class CountForms extends BackOfficeForm {

    CountForms() {
        super("counts", "/counts");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String sku = "TSHIRT-BLK-M";
        String location = "BER";
        String counted = "7";
        switch (g.random.nextInt(5)) {
            case 0 -> counted = g.pick("-1", "1.5", "abc", "1e2", "", "99999999999999999999", "\u0663", "\uff13");
            case 1 -> sku = g.pick("NO-SUCH-SKU", g.hostile());
            case 2 -> location = g.pick("NO-SUCH-LOC", g.hostile());
            case 3 -> {
                // a whole bin (docs/purchasing.md#counting-a-whole-bin): SKUs it holds that the count does not list
                // count as zero, so a draw taken would book; each draw names no warehouse or a line refused
                boolean noWarehouse = g.random.nextBoolean();
                return browser.post("/counts/bin", "location", noWarehouse ? g.pick("NO-SUCH-LOC", g.hostile()) : "BER",
                        "bin", g.pick("A-01-01", "", "B".repeat(200), g.hostile()),
                        "lineSku", noWarehouse ? sku : g.pick("NO-SUCH-SKU", "", g.hostile()),
                        "lineCounted", noWarehouse ? counted : g.pick("-1", "1.5", "abc", "", "99999999999999999999", "\u0663"),
                        "note", noisy(g, "n"));
            }
            default -> {
                return browser.post("/counts/" + g.pick(UUID.randomUUID().toString(), Generators.enc(g.hostile()))
                        + "/decision", "approve", g.pick("true", "false", "maybe", ""), "reason", noisy(g, "recount"));
            }
        }
        return browser.post("/counts", "sku", sku, "location", location, "counted", counted, "note", noisy(g, "n"));
    }
}
