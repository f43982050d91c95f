import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads over the whole API with the same hostile strings in their paths and query parameters, as the admin, as the
 * warehouse, with a forged key or none. Reading changes nothing, whatever is asked.
 */
final class Reads extends Family {

    final String adminKey;
    final String warehouseKey;
    final Ids ids;
    final List<Supplier<String>> reads = new ArrayList<>();

    Reads(Generators g, String adminKey, String warehouseKey, Ids ids) {
        super("reads", g);
        this.adminKey = adminKey;
        this.warehouseKey = warehouseKey;
        this.ids = ids;
        reads.add(() -> "/api/v1/orders?q=" + enc(hostile()) + "&limit=" + enc(pick("50", "0", "-1", "201", "abc", hostile())));
        reads.add(() -> "/api/v1/orders?status=" + enc(pick("OPEN", "LOST", hostile())) + "&sort=" + enc(pick("newest", "deadline", hostile())));
        reads.add(() -> "/api/v1/orders?after=" + enc(pick(hostile(), "MTIzOmFiYw", "AAAA")) + "&createdFrom=" + enc(pick("2020-01-01T00:00:00Z", "yesterday", hostile())));
        reads.add(() -> "/api/v1/orders?customer=" + enc(pick(UUID.randomUUID().toString(), hostile())) + "&channel=" + enc(hostile()));
        reads.add(() -> "/api/v1/orders/" + enc(pick(hostile(), "SO-" + hostile(), UUID.randomUUID().toString(), ids.order())));
        reads.add(() -> "/api/v1/articles?q=" + enc(hostile()) + "&type=" + enc(pick("PHYSICAL", "SERVICE", hostile())) + "&active=" + enc(pick("true", "maybe")) + "&after=" + enc(hostile()));
        reads.add(() -> "/api/v1/articles/" + enc(hostile()));
        reads.add(() -> "/api/v1/inventory/" + enc(pick(hostile(), "TSHIRT-BLK-M")));
        reads.add(() -> "/api/v1/inventory/" + enc(pick(hostile(), "TSHIRT-BLK-M")) + "/movements?location=" + enc(hostile()) + "&after=" + enc(pick("1", "-1", "1e400", hostile())) + "&limit=" + enc(pick("1", "500", "501", "99999999999", hostile())));
        reads.add(() -> "/api/v1/customers?q=" + enc(hostile()) + "&after=" + enc(hostile()) + "&limit=" + enc(pick("10", "0", hostile())));
        reads.add(() -> "/api/v1/customers/" + enc(pick(hostile(), ids.customer(), UUID.randomUUID().toString())));
        reads.add(() -> "/api/v1/suppliers/" + enc(pick(hostile(), ids.supplier())));
        reads.add(() -> "/api/v1/inbound-documents?status=" + enc(pick("REVIEW", "LOST", hostile())) + "&channel=" + enc(hostile()) + "&after=" + enc(hostile()) + "&limit=" + enc(pick("1", "1000", hostile())));
        reads.add(() -> "/api/v1/inbound-documents/" + enc(pick(hostile(), UUID.randomUUID().toString())) + pick("", "/body"));
        reads.add(() -> "/api/v1/review-entries?status=" + enc(pick("OPEN", "LOST", hostile())) + "&kind=" + enc(pick("ORDER", "BANK_STATEMENT", hostile())) + "&after=" + enc(hostile()) + "&limit=" + enc(pick("1", "201", hostile())));
        reads.add(() -> "/api/v1/review-entries/" + enc(pick(hostile(), UUID.randomUUID().toString())));
        reads.add(() -> "/api/v1/locations/" + enc(hostile()));
        reads.add(() -> "/api/v1/edi/partners/" + enc(hostile()) + pick("", "/articles"));
        reads.add(() -> "/api/v1/edi/messages?partner=" + enc(hostile()) + "&direction=" + enc(pick("IN", "SIDEWAYS", hostile())) + "&limit=" + enc(pick("1", "201", hostile())));
        reads.add(() -> "/api/v1/api-keys/" + enc(hostile()));
        reads.add(() -> "/api/v1/returns?status=" + enc(pick("AUTHORIZED", "LOST", hostile())) + "&after=" + enc(pick(hostile(), "AAAA")) + "&limit=" + enc(pick("1", "0", "201", hostile())));
        reads.add(() -> "/api/v1/returns/" + enc(pick(hostile(), "RMA-" + hostile(), UUID.randomUUID().toString())));
        reads.add(() -> "/api/v1/orders/" + enc(pick(hostile(), ids.order())) + "/returns");
        reads.add(() -> "/api/v1/shipments/" + enc(pick(hostile(), UUID.randomUUID().toString())) + "/packing-slip");
        reads.add(() -> "/api/v1/admin/invariants?" + enc(hostile()) + "=" + enc(hostile()));
        reads.add(() -> "/api/v1/webhooks/" + enc(pick(hostile(), UUID.randomUUID().toString())) + pick("", "/deliveries?limit=" + enc(pick("1", "0", "201", hostile()))));
        reads.add(() -> "/api/v1/purchasing/suggestions?supplier=" + enc(pick("TEXTIL", hostile())) + "&location=" + enc(pick("BER", hostile())));
        reads.add(() -> "/api/v1/purchasing/alerts?open=" + enc(pick("true", "maybe", hostile())) + "&sku=" + enc(hostile()) + "&limit=" + enc(pick("1", "501", "-1", hostile())));
        reads.add(() -> "/api/v1/purchase-orders?status=" + enc(pick("ORDERED", "LOST", hostile())) + "&supplier=" + enc(hostile()) + "&after=" + enc(pick(hostile(), "AAAA")) + "&limit=" + enc(pick("1", "201", hostile())));
        reads.add(() -> "/api/v1/purchase-orders/" + enc(pick(hostile(), "PO-" + hostile(), UUID.randomUUID().toString())));
        reads.add(() -> "/api/v1/inventory/" + enc(pick(hostile(), "TSHIRT-BLK-M")) + "/policy");
        reads.add(() -> "/api/v1/promise?sku=" + enc(pick("TSHIRT-BLK-M", hostile())) + "&quantity=" + enc(pick("1", "0", "1.5", "1e2", "99999999999", hostile())) + "&country=" + enc(pick("DE", "de", "DEU", hostile())) + "&postalCode=" + enc(hostile()) + "&region=" + enc(pick("BY", hostile())) + "&carrier=" + enc(pick("DHL", hostile())));
        reads.add(() -> "/actuator/metrics/" + enc(hostile()));
        reads.add(() -> "/api/v1/" + enc(hostile()) + "/" + enc(hostile()));
        reads.add(() -> "/api/v1/locations/" + enc(pick("BER", hostile())) + "/putaway?sku=" + enc(pick("TSHIRT-BLK-M", hostile())) + "&quantity=" + enc(pick("1", "0", "1.5", "1e400", hostile())));
        reads.add(() -> "/api/v1/locations/" + enc(pick("BER", hostile())) + pick("/utilisation", "/bins", "/space-forecast", "/space-forecast/csv"));
        reads.add(() -> "/api/v1/locations/" + enc(pick("BER", hostile())) + "/bins/" + enc(pick("H-01", "OVERFLOW", hostile())) + "/contents");
        reads.add(() -> "/api/v1/transfers?status=" + enc(pick("IN_TRANSIT", "LOST", hostile())) + "&after=" + enc(pick(hostile(), "AAAA")) + "&limit=" + enc(pick("1", "201", hostile())));
        reads.add(() -> "/api/v1/transfers/" + enc(pick(hostile(), "TR-" + hostile(), UUID.randomUUID().toString())));
        reads.add(() -> "/api/v1/cycle-counts?status=" + enc(pick("AWAITING_APPROVAL", "LOST", hostile())) + "&after=" + enc(pick(hostile(), "AAAA")) + "&limit=" + enc(pick("1", "201", hostile())));
        reads.add(() -> "/api/v1/cycle-counts/" + enc(pick(hostile(), "CC-" + hostile(), UUID.randomUUID().toString())));
        newerReads();
    }

    /** Reads added after the first hostile run: every operation of the API document that reads with parameters. */
    void newerReads() {
        Supplier<String> anyId = () -> enc(pick(hostile(), UUID.randomUUID().toString(), "-1", "0"));
        Supplier<String> limit = () -> enc(pick("1", "0", "-1", "201", "1e2", "99999999999", hostile()));
        reads.add(() -> "/api/v1/articles/" + enc(pick("TSHIRT-BLK-M", hostile())) + "/dimensions");
        reads.add(() -> "/api/v1/audit/security-events?after=" + enc(pick(hostile(), "AAAA")) + "&limit=" + limit.get());
        reads.add(() -> "/api/v1/channels/" + enc(pick("hostile-shop", hostile())) + pick("", "/fulfilments?limit=" + limit.get()));
        reads.add(() -> "/api/v1/credit-notes/" + enc(pick("CN-2026-000001", hostile())));
        reads.add(() -> "/api/v1/invoices/" + enc(pick("RE-2026-000001", hostile())));
        reads.add(() -> "/api/v1/documents/" + anyId.get());
        reads.add(() -> "/api/v1/fulfillment/orders/" + enc(pick(ids.order(), hostile())) + "/parcels");
        reads.add(() -> "/api/v1/fulfillment/pick-lists" + pick("?location=" + enc(pick("BER", hostile())), "/" + anyId.get()));
        reads.add(() -> "/api/v1/fulfilment-partners/" + enc(pick("BER", hostile())) + pick("", "/requests?limit=" + limit.get()));
        reads.add(() -> "/api/v1/imports/" + pick("orders", "articles", "stock", "bins") + "/" + anyId.get());
        reads.add(() -> "/api/v1/imports/mappings/" + pick("orders", "articles", "stock", "bins") + "/" + enc(pick("default", hostile())));
        reads.add(() -> "/api/v1/inventory/" + enc(pick(hostile(), "TSHIRT-BLK-M")) + "/quarantine");
        reads.add(() -> "/api/v1/messages?status=" + enc(pick("SENT", "LOST", hostile())) + "&order=" + enc(pick(ids.order(), hostile())) + "&after=" + enc(hostile()) + "&limit=" + limit.get());
        reads.add(() -> "/api/v1/messages/" + anyId.get() + pick("", "/attachments"));
        reads.add(() -> "/api/v1/orders/" + enc(pick(ids.order(), hostile())) + pick("/changes", "/credit-notes", "/documents",
                "/downloads", "/fulfilment-requests", "/invoices", "/messages", "/payments", "/shipments"));
        reads.add(() -> "/api/v1/quotes?status=" + enc(pick("SENT", "LOST", hostile())) + "&customer=" + enc(pick(ids.customer(), hostile())) + "&after=" + enc(hostile()) + "&limit=" + limit.get());
        reads.add(() -> "/api/v1/quotes/" + anyId.get() + pick("", "/pdf"));
        reads.add(() -> "/api/v1/reports/summary?days=" + enc(pick("7", "0", "-1", "100000", "1.5", hostile())) + "&lowStockBelow=" + enc(pick("5", "-1", "1e400", hostile())));
        reads.add(() -> "/api/v1/webhooks/" + anyId.get() + "/deliveries/" + anyId.get());
        reads.add(() -> "/api/v1/edi/messages?outcome=" + enc(pick("ACCEPTED", "LOST", hostile())) + "&after=" + enc(hostile()));
        reads.add(() -> "/download/" + enc(pick(hostile(), "A".repeat(64), UUID.randomUUID().toString())));
    }

    @Override
    List<String> aims() {
        List<String> aims = new ArrayList<>();
        for (Supplier<String> read : reads) {
            for (int i = 0; i < 400; i++) { // reads pick among paths, some hostile: 400 draws show each
                aims.add("GET " + read.get().replaceAll("\\?.*", ""));
            }
        }
        return aims;
    }

    @Override
    int weight() {
        return 25;
    }

    @Override
    Request next() {
        Map<String, String> headers;
        int roll = g.random.nextInt(10);
        if (roll == 0) {
            headers = headers("ordo_" + UUID.randomUUID());
        } else if (roll == 1) {
            headers = headers(warehouseKey);
        } else if (roll > 2) {
            headers = headers(adminKey);
        } else {
            headers = headers(null);
        }
        return new Request(this, "READ", "GET", reads.get(g.random.nextInt(reads.size())).get(), headers, null, false);
    }
}
