import java.net.http.HttpResponse;

/**
 * Purchasing > Policies (docs/purchasing.md): a SKU's reorder policy at a warehouse with a reorder point that is no
 * whole number, an unknown SKU or warehouse, a purchase price with an exponent or an unknown currency, a pack size
 * of zero. A valid post would change the demo article's policy: every draw must be refused.
 */
final class StockPolicyForm extends BackOfficeForm {

    StockPolicyForm() {
        super("purchasing policy", "/purchasing/policies?sku=TSHIRT-BLK-M");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String sku = "TSHIRT-BLK-M";
        String location = noisy(g, "BER");
        String reorderPoint = "5";
        String price = "";
        String currency = "";
        String packSize = "";
        switch (g.random.nextInt(5)) {
            case 0 -> reorderPoint = g.pick("abc", "-1", "1.5", "1e2", "", "99999999999999999999", "\uff13");
            case 1 -> sku = g.pick("NO-SUCH-SKU", g.hostile());
            case 2 -> location = g.pick("NO-SUCH-LOC", "");
            case 3 -> {
                price = g.pick("1e2", "1,00", "-2.50", "2.501");
                currency = g.pick("EUR", "XTS", "");
            }
            default -> packSize = g.pick("0", "-1", "abc");
        }
        return browser.post("/purchasing/policies", "sku", sku, "location", location, "reorderPoint", reorderPoint,
                "targetLevel", noisy(g, "20"), "supplier", noisy(g, "TEXTIL"), "supplierArticle", noisy(g, "T-1"),
                "purchasePrice", price, "currency", currency, "packSize", packSize, "leadTimeDays", noisy(g, "3"));
    }
}
