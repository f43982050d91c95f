import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Transfers (docs/purchasing.md): shipping a quantity that is no whole number above zero, more than is on hand, of
 * an unknown SKU, to the warehouse it leaves from or to none; receiving a transfer that does not exist. Every draw
 * must be refused, and no stock leaves.
 */
final class TransferForms extends BackOfficeForm {

    TransferForms() {
        super("transfers", "/transfers");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String from = "BER";
        String to = "HAM";
        String sku = "TSHIRT-BLK-M";
        String quantity = "999999999";
        switch (g.random.nextInt(6)) {
            case 0 -> quantity = g.pick("0", "-1", "1.5", "abc", "1e2", "", "99999999999999999999", "\u0663");
            case 1 -> sku = g.pick("NO-SUCH-SKU", g.hostile());
            case 2 -> to = g.pick("BER", "NO-SUCH-LOC", g.hostile());
            case 3 -> from = g.pick("NO-SUCH-LOC", "", g.hostile());
            case 4 -> {
                // closing short a transfer that does not exist, or with a reason that is no text
                return browser.post("/transfers/" + g.pick(UUID.randomUUID().toString(), Generators.enc(g.hostile()))
                        + "/closure", "reason", g.pick("lost", "", g.hostile()), "lost", g.pick("true", "maybe", ""));
            }
            default -> {
                return browser.post("/transfers/" + g.pick(UUID.randomUUID().toString(), Generators.enc(g.hostile()))
                        + "/receipt", "sku", noisy(g, sku), "quantity", g.pick("1", "0", "abc"));
            }
        }
        return browser.post("/transfers", "from", from, "to", to, "sku", sku, "quantity", quantity,
                "note", noisy(g, "hostile"));
    }
}
