import java.net.http.HttpResponse;

/**
 * Warehouse > Moves (docs/purchasing.md#bins): a move between bins with a quantity that is no whole number or zero,
 * a source bin that does not exist, a SKU that does not exist, or a warehouse that does not exist. A valid post
 * would move stock: every draw must be refused.
 */
final class BinMoveForm extends BackOfficeForm {

    BinMoveForm() {
        super("bin move", "/warehouse/moves?location=BER");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String location = noisy(g, "BER");
        String from = noisy(g, "H-01");
        String sku = noisy(g, "TSHIRT-BLK-M");
        String quantity = noisy(g, "1");
        switch (g.random.nextInt(4)) {
            case 0 -> quantity = g.pick("0", "-1", "1.5", "1e2", "", "99999999999999999999", "abc", "\u0663");
            case 1 -> from = g.pick("NO-SUCH-BIN", "");
            case 2 -> sku = g.pick("NO-SUCH-SKU", "");
            default -> location = g.pick("NO-SUCH-LOC", "");
        }
        return browser.post("/warehouse/moves", "location", location, "from", from, "sku", sku, "quantity", quantity,
                "to", noisy(g, "H-02"));
    }
}
