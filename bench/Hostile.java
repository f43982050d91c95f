import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Fault test: N generated hostile requests over every endpoint of the API, none of which may get a 5xx answer
 * or change anything. JDK only:
 *   java bench/Hostile.java BASE_URL ADMIN_KEY WAREHOUSE_KEY N [SEED] [REPORT.txt] [PAYMENT_WEBHOOK_SECRET] [ADMIN_PASSWORD] [SHOP_SECRET]
 *
 * Every write carries one fault that must make the server refuse it (missing, forged, overlong or
 * under-privileged auth; a wrong content type; broken JSON; 10,000 levels of nesting; a body over 1 MiB; an
 * unknown field; a value of the wrong JSON type; a value the endpoint's validation refuses; a number not
 * taken as written (1.5 or 1e2 for an integer, a number as a string, an amount with an exponent, a sign, spaces
 * or too many decimals); an impossible date; a control character or lone surrogate; a key given twice; a null
 * in a list; a bad Idempotency-Key; a path that names nothing), and on top of it noise: SQL and HTML injection, unicode edge
 * cases (NUL, lone surrogates, RTL overrides, emoji) and huge numbers in the string and number fields. Reads
 * get the same strings in their paths and query parameters. A few requests go over a raw socket to send
 * what an HTTP client refuses to (malformed request lines, header injection, bad lengths, invalid UTF-8).
 * Requests whose correct answer is a 5xx by the HTTP standard (an unsupported HTTP version: 505, an unknown
 * transfer coding: 501) are not generated.
 * Given the payment webhook secret, some requests are forged-but-signed amounts: payment provider events with a
 * valid signature whose amount or currency cannot fit an order (1e30 or 1.5 minor units, negative, beyond any
 * total or refund, an unknown currency). Each must be answered as rejected (200, "status":"rejected"), booking
 * nothing; one that is not counts as -3.
 * Given the secret of the Shopify shop channel {@code hostile-shop}, some requests are shop webhooks that must be
 * refused ({@link #shopWebhook}): forged, replayed, malformed, oversized; one answered 2xx counts as -4.
 * With the back office's admin password, also "session reuse after disable" ({@link SessionReuse}): sessions of
 * people whose access was taken away are used again, and every request must be refused.
 * Prints answers per fault kind and status; exits 1 when any answer is a 5xx, a signed unfit amount was taken or
 * a reused session is served.
 */
public class Hostile {

    static final String[] HOSTILE = {
            "' OR '1'='1", "'; DROP TABLE customer_order; --", "\" OR 1=1 --", "1; SELECT pg_sleep(10); --",
            "' UNION SELECT key_hash, role, name FROM api_key --", "%' AND 1=1 --", "\\'; --", "$$; DELETE FROM stock_level; $$",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "{{7*7}}",
            "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd", "%00%0d%0a", "%s%s%s%n%x",
            "\u0000", "a\u0000b", "\ud800", "x\udc00y", "\u202eevil\u202c", "😀👍🏽🇩🇪", "\ufeff", "\uffff\ufffe",
            "Z̸̡̢͎a̵l̶g̷o̶", "\u0085\u2028\u2029", "ß".repeat(300), "A".repeat(10_000), "é".repeat(100_000), "",
            " ", "\t\n\r", "null", "true", "-1", "1e-20000000", "9".repeat(400), "NaN", "0x7fffffff"};
    static final Object[] HUGE_NUMBERS = {"1e400", "-1e400", "99999999999999999999999999999",
            "-9223372036854775809", "1e-400", "0.0000000000000000000000001", "123456789012345678901234567890.5"};

    enum Fault { AUTH, CONTENT_TYPE, SYNTAX, NESTING, OVERSIZED, UNKNOWN_FIELD, WRONG_TYPE, INVALID_VALUE,
        INEXACT_NUMBER, IMPOSSIBLE_DATE, CONTROL_TEXT, DUPLICATE_KEY, NULL_ELEMENT,
        IDEMPOTENCY_KEY, NO_SUCH_PATH, READ, RAW, SIGNED_AMOUNT, EDI, SHOP_WEBHOOK, FILE, PAPER, SHOPWARE_APP }

    /** Amounts and currencies no order can take; each signed event gets one of them. */
    static final String[][] UNFIT = {{"1e30", "eur"}, {"1.5", "eur"}, {"-1190", "eur"},
            {"99999999999999999999", "eur"}, {"100000000000", "eur"}, {"1190", "xts"}, {"1190.0", "eur"},
            {"\"1190\"", "eur"}, {"null", "eur"}};
    static final String[][] AMOUNT_EVENTS = {{"payment_intent.succeeded", "amount_received"},
            {"charge.refunded", "amount_refunded"}, {"payment_intent.amount_capturable_updated", "amount_capturable"},
            {"payment_intent.payment_failed", "amount"}};
    static String webhookSecret;
    /** The secret of the Shopify shop {@code hostile-shop} the script registers; null: no shop webhooks. */
    static String shopSecret;

    /** Numbers as they must not be taken: fractions and exponents for integers, numbers written as strings. */
    static final Object[] INEXACT_NUMBERS = {new Raw("1.5"), new Raw("2.0"), new Raw("1e2"), new Raw("1E0"),
            new Raw("0.5e1"), "1", "2", " 3", "1e2"};
    /** Money amounts as they must not be taken (EUR has 2 decimals). */
    static final Object[] INEXACT_AMOUNTS = {"1e2", "1E2", " 1.00", "1.00 ", "1 000.00", "+1.00", "1.001", "1.000",
            "1,00", "0x10", "\u0661", new Raw("1.00"), new Raw("100")};
    static final String[] IMPOSSIBLE_TIMESTAMPS = {"2026-02-30T10:00:00Z", "2026-13-45T00:00:00Z",
            "+99999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-11-25T25:00:00Z", "1999-12-31T23:59:59Z"};
    /** Text no field takes: NUL, lone surrogates, control characters (line breaks are added for one-line fields). */
    static final String[] CONTROL_TEXTS = {"a\u0000b", "\ud800", "x\udc00y", "bell\u0007", "esc\u001b[31m",
            "del\u007f", "c1\u0085"};

    record Endpoint(String method, String path, Supplier<Map<String, Object>> body, String invalidField,
            Object invalidValue) {
    }

    record Request(Fault fault, String method, String path, Map<String, String> headers, byte[] body,
            boolean chunked) {
    }

    final Random random;
    final String adminKey;
    final String warehouseKey;
    final List<Endpoint> writes = new ArrayList<>();
    final List<Supplier<String>> reads = new ArrayList<>();
    final String orderId;

    Hostile(long seed, String adminKey, String warehouseKey, String orderId, String customerId, String supplierId) {
        this.random = new Random(seed);
        this.adminKey = adminKey;
        this.warehouseKey = warehouseKey;
        this.orderId = orderId;
        writes.add(new Endpoint("POST", "/api/v1/orders", this::order, "lines", List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1))));
        writes.add(new Endpoint("POST", "/api/v1/articles", this::article, "taxRate", "nineteen"));
        writes.add(new Endpoint("PUT", "/api/v1/articles/TSHIRT-BLK-M", this::article, "taxRate", "101"));
        writes.add(new Endpoint("POST", "/api/v1/locations", this::location, "priority", -1));
        writes.add(new Endpoint("PUT", "/api/v1/locations/BER", this::location, "priority", 1001));
        writes.add(new Endpoint("POST", "/api/v1/inventory/receipts", this::receipt, "quantity", 0));
        writes.add(new Endpoint("POST", "/api/v1/inventory/adjustments", this::adjustment, "quantity", 0));
        writes.add(new Endpoint("POST", "/api/v1/customers", this::customer, "locale", "xx"));
        writes.add(new Endpoint("PUT", "/api/v1/customers/" + customerId, this::customer, "locale", "fr"));
        writes.add(new Endpoint("POST", "/api/v1/suppliers", this::supplier, "leadTimeDays", 999));
        writes.add(new Endpoint("PUT", "/api/v1/suppliers/" + supplierId, this::supplier, "leadTimeDays", -1));
        writes.add(new Endpoint("POST", "/api/v1/api-keys", this::apiKey, "name", " "));
        writes.add(new Endpoint("POST", "/api/v1/edi/partners", () -> partner(customerId), "currency", "EURO"));
        writes.add(new Endpoint("PUT", "/api/v1/edi/partners/NO-SUCH-PARTNER", () -> partner(customerId), "version", "D99Z"));
        // delivery by HTTP needs an http(s) URL: not a file, not another scheme, not absent
        writes.add(new Endpoint("POST", "/api/v1/edi/partners", () -> delivering(customerId), "deliveryUrl", "file:///etc/passwd"));
        writes.add(new Endpoint("POST", "/api/v1/edi/partners", () -> delivering(customerId), "delivery", "CARRIER_PIGEON"));
        // EDI resend and reprocess take no body: unknown or malformed ids are refused, whatever comes with them
        writes.add(new Endpoint("POST", "/api/v1/edi/messages/" + pick(UUID.randomUUID().toString(), "not-a-message", "..%2F..%2Fetc") + "/resend", () -> map("reason", "again"), "reason", 1));
        writes.add(new Endpoint("POST", "/api/v1/edi/interchanges/" + pick(UUID.randomUUID().toString(), "ICR0001", "%00") + "/reprocess", () -> map("reason", "again"), "reason", 1));
        // X12 application codes: 2-15 characters, and only for X12 partners
        writes.add(new Endpoint("POST", "/api/v1/edi/partners", () -> partner(customerId), "applicationSenderCode", pick("X", "A".repeat(16), "MEGA*PO")));
        writes.add(new Endpoint("POST", "/api/v1/orders/" + orderId + "/cancel", () -> map("reason", "late"), "reason", ""));
        writes.add(new Endpoint("POST", "/api/v1/api-keys/" + UUID.randomUUID() + "/revoke", () -> map("reason", "x"), "reason", 1));
        writes.add(new Endpoint("PUT", "/api/v1/inventory/TSHIRT-BLK-M/policy", this::policy, "packSize", 0));
        writes.add(new Endpoint("POST", "/api/v1/purchase-orders", this::purchaseOrder, "lines", List.of(map("sku", "NO-SUCH-SKU", "quantity", 1, "unitPrice", "1.00"))));
        String po = "/api/v1/purchase-orders/" + pick("PO-2026-999999", UUID.randomUUID().toString());
        writes.add(new Endpoint("POST", po + "/receipts", () -> map("line", 1, "quantity", 1, "note", "n"), "quantity", 0));
        writes.add(new Endpoint("POST", po + "/confirmation", () -> map("lines", new ArrayList<>(List.of(map("line", 1, "quantity", 1, "deliveryDate", "2026-12-24")))), "lines", List.of(map("line", 1, "quantity", -1, "deliveryDate", "2026-12-24"))));
        writes.add(new Endpoint("POST", po + "/change", () -> map("reason", "r", "lines", new ArrayList<>(List.of(map("line", 1, "quantity", 2)))), "reason", ""));
        writes.add(new Endpoint("POST", po + "/cancel", () -> map("reason", "r"), "reason", ""));
        writes.add(new Endpoint("POST", po + "/close", () -> map("reason", "r"), "reason", ""));
        // Returns: the order is one still to ship (the queue's first), so even an unspoiled request names no
        // shipped unit; the receipt names no return, so nothing could be booked either.
        writes.add(new Endpoint("POST", "/api/v1/orders/" + orderId + "/returns", this::returnRequest, "resolution", "MONEY"));
        writes.add(new Endpoint("POST", "/api/v1/returns/" + UUID.randomUUID() + "/receipts", this::returnReceipt, "location", ""));
        writes.add(new Endpoint("POST", "/api/v1/returns/" + UUID.randomUUID() + "/cancel", () -> map("reason", "kept it"), "reason", ""));
        // order changes: an unspoiled one may change the queue's first order once (If-Match "1"), then it is 412
        writes.add(new Endpoint("POST", "/api/v1/orders/" + orderId + "/changes", () -> map("reason", "r", "lines", new ArrayList<>(List.of(map("lineNo", 1, "quantity", 2)))), "lines", List.of(map("lineNo", 0, "quantity", -1))));
        // the review queue: deciding entries that do not exist (or are closed) changes nothing
        writes.add(new Endpoint("POST", "/api/v1/review-entries/" + UUID.randomUUID() + "/confirm", this::order, "lines", List.of()));
        writes.add(new Endpoint("POST", "/api/v1/review-entries/" + UUID.randomUUID() + "/reject", () -> map("reason", "unreadable", "notifySender", false), "reason", ""));
        writes.add(new Endpoint("POST", "/api/v1/review-entries/" + UUID.randomUUID() + "/resolve", () -> map("note", "booked by hand"), "note", " "));
        writes.add(new Endpoint("POST", "/api/v1/review-entries/" + UUID.randomUUID() + "/owner", () -> map("owner", "erika"), "owner", 7));
        // webhooks: a subscription to stock.low only (it rarely fires here); receivers on this machine, private networks
        // and cloud metadata addresses are refused; deciding on subscriptions and deliveries that do not exist changes nothing
        writes.add(new Endpoint("POST", "/api/v1/webhooks", this::webhook, "url", "https://169.254.169.254/latest/meta-data"));
        writes.add(new Endpoint("POST", "/api/v1/webhooks", this::webhook, "events", List.of("order.exploded")));
        writes.add(new Endpoint("POST", "/api/v1/webhooks/" + UUID.randomUUID() + "/disable", () -> map(), "reason", 1));
        writes.add(new Endpoint("POST", "/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries/" + UUID.randomUUID() + "/redeliver", () -> map(), "reason", 1));
        // bookings by hand, for an order that does not exist, so that even an unspoiled one books nothing; and the
        // actions on a late payment's review entry that does not exist
        writes.add(new Endpoint("POST", "/api/v1/payments/refunds", () -> map("order", UUID.randomUUID().toString(), "amount", map("amount", "5.00", "currency", "EUR"), "reference", "R1"), "amount", map("amount", "-5.00", "currency", "EUR")));
        writes.add(new Endpoint("POST", "/api/v1/payments/bank-transfers", () -> map("order", UUID.randomUUID().toString(), "amount", map("amount", "5.00", "currency", "EUR"), "reference", "T1", "bookedOn", "2026-12-01"), "bookedOn", "yesterday"));
        writes.add(new Endpoint("POST", "/api/v1/payments/late-payments/" + UUID.randomUUID() + "/reopen", () -> map("note", "n"), "note", 1));
        writes.add(new Endpoint("POST", "/api/v1/payments/late-payments/" + UUID.randomUUID() + "/refund", () -> map("note", "n"), "note", 1));
        // Outsourced fulfilment: a partner at a location that does not exist (404), routing rules for an unknown SKU
        // (422), and partners' reports to a location without a partner (404 before the signature is read)
        writes.add(new Endpoint("PUT", "/api/v1/fulfilment-partners/NO-SUCH-LOC", () -> map("kind", "THIRD_PARTY_WAREHOUSE", "name", "3PL", "delivery", "HTTP", "url", "https://3pl.example/requests", "secret", "a-long-enough-secret"), "url", "file:///etc/passwd"));
        writes.add(new Endpoint("PUT", "/api/v1/routing-rules", () -> map("article", "NO-SUCH-SKU", "strategy", "OWN_FIRST"), "strategy", "CHEAPEST"));
        writes.add(new Endpoint("POST", "/api/v1/fulfilment-partners/NO-SUCH-LOC/shipments", () -> map("reference", "SHP-1", "order", "SO-100001", "carrier", "DHL", "trackingNumber", "TRACK1234", "lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "quantity", 1)))), "lines", List.of(map("sku", "TSHIRT-BLK-M", "quantity", -1))));
        writes.add(new Endpoint("POST", "/api/v1/fulfilment-partners/NO-SUCH-LOC/stock-reports", () -> map("reference", "STOCK-1", "lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "onHand", 5)))), "lines", List.of(map("sku", "TSHIRT-BLK-M", "onHand", -5))));
        // report files uploaded by a person (the FOLDER partner's files, docs/outsourced-fulfilment.md)
        writes.add(new Endpoint("POST", "/api/v1/fulfilment-partners/NO-SUCH-LOC/report-files/shipments?fileName=" + enc(pick("a.json", "../../etc/passwd.json", hostile())), () -> map("reference", "SHP-1", "order", "SO-100001", "carrier", "DHL", "trackingNumber", "TRACK1234", "lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "quantity", 1)))), "lines", List.of(map("sku", "TSHIRT-BLK-M", "quantity", -1))));
        writes.add(new Endpoint("POST", "/api/v1/fulfilment-partners/NO-SUCH-LOC/report-files/stock", () -> map("reference", "STOCK-1", "lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "onHand", 5)))), "lines", List.of(map("sku", "TSHIRT-BLK-M", "onHand", -5))));
        // the delivery promise: asking changes nothing; the calendars refuse what is spoiled
        writes.add(new Endpoint("POST", "/api/v1/promise", this::promiseQuery, "country", "deu"));
        writes.add(new Endpoint("PUT", "/api/v1/promise/warehouses/BER", this::warehouseCalendar, "dailyCapacity", 0));
        writes.add(new Endpoint("PUT", "/api/v1/promise/carrier-services/DHL/STANDARD", this::carrierService, "transit", List.of()));
        writes.add(new Endpoint("POST", "/api/v1/promise/closing-days", () -> map("location", "*", "day", "2026-12-24", "reason", "closed"), "reason", ""));

        reads.add(() -> "/api/v1/orders?q=" + enc(hostile()) + "&limit=" + enc(pick("50", "0", "-1", "201", "abc", hostile())));
        reads.add(() -> "/api/v1/orders?status=" + enc(pick("OPEN", "LOST", hostile())) + "&sort=" + enc(pick("newest", "deadline", hostile())));
        reads.add(() -> "/api/v1/orders?after=" + enc(pick(hostile(), "MTIzOmFiYw", "AAAA")) + "&createdFrom=" + enc(pick("2020-01-01T00:00:00Z", "yesterday", hostile())));
        reads.add(() -> "/api/v1/orders?customer=" + enc(pick(UUID.randomUUID().toString(), hostile())) + "&channel=" + enc(hostile()));
        reads.add(() -> "/api/v1/orders/" + enc(pick(hostile(), "SO-" + hostile(), UUID.randomUUID().toString(), orderId)));
        reads.add(() -> "/api/v1/articles?q=" + enc(hostile()) + "&type=" + enc(pick("PHYSICAL", "SERVICE", hostile())) + "&active=" + enc(pick("true", "maybe")) + "&after=" + enc(hostile()));
        reads.add(() -> "/api/v1/articles/" + enc(hostile()));
        reads.add(() -> "/api/v1/inventory/" + enc(pick(hostile(), "TSHIRT-BLK-M")));
        reads.add(() -> "/api/v1/inventory/" + enc(pick(hostile(), "TSHIRT-BLK-M")) + "/movements?location=" + enc(hostile()) + "&after=" + enc(pick("1", "-1", "1e400", hostile())) + "&limit=" + enc(pick("1", "500", "501", "99999999999", hostile())));
        reads.add(() -> "/api/v1/customers?q=" + enc(hostile()) + "&after=" + enc(hostile()) + "&limit=" + enc(pick("10", "0", hostile())));
        reads.add(() -> "/api/v1/customers/" + enc(pick(hostile(), customerId, UUID.randomUUID().toString())));
        reads.add(() -> "/api/v1/suppliers/" + enc(pick(hostile(), supplierId)));
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
        reads.add(() -> "/api/v1/orders/" + enc(pick(hostile(), orderId)) + "/returns");
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
        // warehouse space (docs/warehouse-space.md)
        writes.add(new Endpoint("PUT", "/api/v1/articles/TSHIRT-BLK-M/dimensions", this::dimensions, "heightMm", 0));
        writes.add(new Endpoint("PUT", "/api/v1/locations/BER/bins/" + pick("H-01", "OVERFLOW"), this::bin, "pickSequence", -1));
        // many bins at once, and acknowledging an overflow alert, at a location that does not exist: nothing changes
        writes.add(new Endpoint("PUT", "/api/v1/locations/NO-SUCH-LOC/bins", () -> map("bins", new ArrayList<>(List.of(bin("H-01"), bin("H-02")))), "bins", List.of(map("code", "OVERFLOW", "pickSequence", 1))));
        writes.add(new Endpoint("POST", "/api/v1/locations/NO-SUCH-LOC/overflow-alerts/" + pick("1", "-1", "9999999999999") + "/acknowledgement", () -> map("note", "seen"), "note", 1));
        reads.add(() -> "/api/v1/locations/" + enc(pick("BER", hostile())) + "/putaway?sku=" + enc(pick("TSHIRT-BLK-M", hostile())) + "&quantity=" + enc(pick("1", "0", "1.5", "1e400", hostile())));
        reads.add(() -> "/api/v1/locations/" + enc(pick("BER", hostile())) + pick("/utilisation", "/bins", "/space-forecast", "/space-forecast/csv"));
        // transfers and cycle counts (docs/purchasing.md); were a fault to miss, the bodies would still change no
        // stock (more than is on hand; a difference that waits for approval)
        writes.add(new Endpoint("POST", "/api/v1/transfers", this::transfer, "to", "BER"));
        writes.add(new Endpoint("POST", "/api/v1/transfers/" + pick("TR-2026-999999", UUID.randomUUID().toString()) + "/receipt", () -> map(), "note", 1));
        writes.add(new Endpoint("POST", "/api/v1/transfers/" + pick("TR-2026-999999", UUID.randomUUID().toString()) + "/receipt", () -> map("lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "quantity", 999_999_999)))), "lines", List.of(map("sku", "TSHIRT-BLK-M", "quantity", 0))));
        writes.add(new Endpoint("POST", "/api/v1/cycle-counts", this::cycleCount, "counted", -1));
        writes.add(new Endpoint("POST", "/api/v1/cycle-counts/" + pick("CC-2026-999999", UUID.randomUUID().toString()) + "/decision", () -> map("approve", false, "reason", "r"), "approve", "yes"));
        reads.add(() -> "/api/v1/transfers?status=" + enc(pick("IN_TRANSIT", "LOST", hostile())) + "&after=" + enc(pick(hostile(), "AAAA")) + "&limit=" + enc(pick("1", "201", hostile())));
        reads.add(() -> "/api/v1/transfers/" + enc(pick(hostile(), "TR-" + hostile(), UUID.randomUUID().toString())));
        reads.add(() -> "/api/v1/cycle-counts?status=" + enc(pick("AWAITING_APPROVAL", "LOST", hostile())) + "&after=" + enc(pick(hostile(), "AAAA")) + "&limit=" + enc(pick("1", "201", hostile())));
        reads.add(() -> "/api/v1/cycle-counts/" + enc(pick(hostile(), "CC-" + hostile(), UUID.randomUUID().toString())));
    }

    Map<String, Object> transfer() {
        return map("from", "BER", "to", "HAM", "note", "n", "lines", new ArrayList<>(List.of(
                map("sku", "TSHIRT-BLK-M", "quantity", 999_999_999))));
    }

    Map<String, Object> cycleCount() {
        return map("sku", "TSHIRT-BLK-M", "location", "BER", "counted", 999_999_999, "note", "n");
    }

    Map<String, Object> dimensions() {
        return map("lengthMm", 300, "widthMm", 200, "heightMm", 50, "unitsPerCarton", 12, "cartonsPerPallet", 40);
    }

    Map<String, Object> bin() {
        return map("pickSequence", 10, "lengthMm", 1000, "widthMm", 600, "heightMm", 400, "maxWeightGrams", 80000);
    }

    Map<String, Object> bin(String code) {
        Map<String, Object> bin = bin();
        bin.put("code", code);
        return bin;
    }

    // --- valid bodies, which each fault then spoils ---------------------------------------------------------------

    Map<String, Object> address() {
        return map("name", "Erika Muster", "street", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin",
                "country", "DE");
    }

    Map<String, Object> order() {
        return map("channel", "web", "externalRef", "HOSTILE-" + UUID.randomUUID(), "customer",
                map("email", "hostile@example.com", "name", "Hostile", "locale", "en"), "shippingAddress", address(),
                "currency", "EUR", "paymentMethod", "card", "note", "n",
                "lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "quantity", 1))));
    }

    Map<String, Object> promiseQuery() {
        return map("country", "DE", "postalCode", "80331", "lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "quantity", 1))));
    }

    Map<String, Object> warehouseCalendar() {
        return map("timeZone", "Europe/Berlin", "country", "DE", "region", "BE", "workingDays",
                new ArrayList<>(List.of("MONDAY", "FRIDAY")), "handlingDays", 0, "dailyCapacity", 500);
    }

    Map<String, Object> carrierService() {
        return map("deliveryDays", new ArrayList<>(List.of("MONDAY", "SATURDAY")), "cutOff", "15:00", "active", true,
                "transit", new ArrayList<>(List.of(map("zone", "DE", "days", 1))));
    }

    Map<String, Object> partner(String customerId) {
        return map("code", "HOSTILE" + random.nextInt(100_000), "name", "Hostile", "customerId", customerId,
                "standard", "EDIFACT", "version", "D96A", "senderQualifier", "14", "senderId", "H" + random.nextInt(1_000_000),
                "recipientQualifier", "14", "recipientId", "4012345000009", "articleNumbers", "GTIN",
                "currency", "EUR", "paymentMethod", "invoice");
    }

    /** A valid partner that wants its messages POSTed to an endpoint. */
    Map<String, Object> delivering(String customerId) {
        Map<String, Object> partner = partner(customerId);
        partner.put("delivery", "HTTP");
        partner.put("deliveryUrl", "https://edi.example/inbound");
        return partner;
    }

    /**
     * An EDIFACT interchange that must be refused: binary, truncated, over the size limit, in another charset
     * than its UNB declares, thousands of repeated line items, broken service string advice, or from a sender
     * that is no trading partner (the demo data has none, so no interchange may change anything).
     */
    Request edi() {
        String unb = "UNB+UNOC:3+5412345000013:14+4012345000009:14+261205:1000+H" + random.nextInt(1_000_000) + "'";
        String message = "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+" + hostile().replace("'", "?'") + "+9'"
                + "LIN+1++4006381333931:SRV'QTY+21:1'UNS+S'UNT+6+1'";
        String good = unb + message + "UNZ+1+X'";
        byte[] body = switch (random.nextInt(9)) {
            case 0 -> { byte[] b = new byte[random.nextInt(100_000) + 1]; random.nextBytes(b); yield b; }
            case 1 -> good.substring(0, random.nextInt(good.length())).getBytes(StandardCharsets.ISO_8859_1);
            case 2 -> (unb + "UNH+1+ORDERS:D:96A:UN'" + "LIN+1++4006381333931:SRV'QTY+21:1'".repeat(40_000)).getBytes(StandardCharsets.ISO_8859_1);
            case 3 -> (unb + "UNH+1+ORDERS:D:96A:UN'" + "LIN+1++1:SRV'".repeat(200_000)).getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> good.replace("UNOC", "UNOA").replace("BGM+220+", "BGM+220+Müller").getBytes(StandardCharsets.UTF_8);
            case 5 -> good.replace("UNOC", "UNOW").replace("BGM+220+", "BGM+220+Müller").getBytes(StandardCharsets.ISO_8859_1);
            case 6 -> ("UNA" + hostile() + good).getBytes(StandardCharsets.UTF_8);
            case 7 -> message.repeat(random.nextInt(1000) + 1).getBytes(StandardCharsets.UTF_8);
            default -> good.getBytes(StandardCharsets.UTF_8);
        };
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + adminKey);
        headers.put("Content-Type", pick("application/EDIFACT", "application/edifact; charset=iso-8859-1",
                "text/plain", "application/octet-stream"));
        return new Request(Fault.EDI, "POST", "/api/v1/edi/interchanges", headers, body, random.nextBoolean());
    }

    Map<String, Object> returnRequest() {
        return map("resolution", pick("REFUND", "EXCHANGE"), "lines", new ArrayList<>(List.of(map("lineNo", 1,
                "quantity", 1, "reason", pick("WRONG_SIZE", "OTHER"), "note", "too small"))),
                "exchange", new ArrayList<>(random.nextBoolean() ? List.of() : List.of(map("sku", "TSHIRT-BLK-L", "quantity", 1))),
                "iban", "DE89370400440532013000", "labelRef", "LBL-" + random.nextInt(1000), "note", "hostile");
    }

    Map<String, Object> returnReceipt() {
        return map("location", "BER", "lines", new ArrayList<>(List.of(map("lineNo", 1, "quantity", 1,
                "condition", pick("RESELLABLE", "DAMAGED", "INCOMPLETE"), "writeOff", random.nextBoolean()))));
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * An order, article or stock file that must be refused as a whole (docs/imports.md): an XLSX zip bomb, a formula,
     * a cell in column 10,000, random bytes as XLSX, an old XLS, 10,000 CSV columns, a huge cell, Latin-1 or UTF-16
     * sent as UTF-8, a header without the required columns. Nothing may be stored.
     */
    Request file() {
        String path = "/api/v1/imports/" + pick("orders", "articles", "stock") + "?source=" + enc(pick("hostile", hostile()))
                + "&fileName=" + enc(pick("f.csv", "f.xlsx", hostile()));
        String type = "text/csv";
        byte[] body;
        switch (random.nextInt(10)) {
            case 0 -> { body = xlsx(" ".repeat(50_000_000), ""); type = XLSX; }
            case 1 -> { body = xlsx("", "<c r=\"A2\"><f>1+1</f><v>2</v></c>"); type = XLSX; }
            case 2 -> { body = xlsx("", "<c r=\"NTP2\" t=\"inlineStr\"><is><t>x</t></is></c>"); type = XLSX; }
            case 3 -> { body = new byte[random.nextInt(10_000) + 4]; random.nextBytes(body); body[0] = 'P'; body[1] = 'K';
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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + adminKey);
        headers.put("Content-Type", type);
        return new Request(Fault.FILE, "POST", path, headers, body, random.nextBoolean());
    }

    /**
     * A paper or fax scan upload that is no scan, or a broken one (docs/intake.md): random bytes, text, a PNG, TIFF or
     * PDF signature followed by garbage, a PDF that claims a million pages, a hostile file name or sender. Refused
     * with 422 naming the field, or (a broken image) taken into review with OCR's failure; never a 5xx.
     */
    Request paper() {
        byte[] garbage = new byte[random.nextInt(50_000) + 1];
        random.nextBytes(garbage);
        byte[] start = switch (random.nextInt(6)) {
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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + adminKey);
        headers.put("Content-Type", pick("image/png", "image/tiff", "application/pdf", "image/jpeg",
                "application/octet-stream"));
        return new Request(Fault.PAPER, "POST", path, headers, body, random.nextBoolean());
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

    Map<String, Object> article() {
        return map("sku", "HOSTILE-" + random.nextInt(1_000_000), "type", "PHYSICAL", "name", map("en", "Hostile"),
                "price", map("amount", "1.00", "currency", "EUR"), "taxRate", "19", "priceIncludesTax", true,
                "weightGrams", 1, "backorderable", false, "active", true);
    }

    Map<String, Object> location() {
        return map("code", "H" + random.nextInt(100_000), "name", "Hostile", "priority", 5, "address", address(),
                "active", true);
    }

    Map<String, Object> receipt() {
        return map("sku", "TSHIRT-BLK-M", "location", "BER", "quantity", 1, "reference", "r", "note", "n");
    }

    Map<String, Object> adjustment() {
        return map("sku", "TSHIRT-BLK-M", "location", "BER", "quantity", 1, "reason", "count", "reference", "r");
    }

    Map<String, Object> customer() {
        return map("email", "h" + random.nextInt(1_000_000) + "@example.com", "name", "Hostile", "phone", "+4930123456",
                "locale", "en", "type", "CONSUMER", "smsConsent", false, "addresses", new ArrayList<>(List.of(address())),
                "trusted", false);
    }

    Map<String, Object> supplier() {
        return map("code", "H" + random.nextInt(1_000_000), "name", "Hostile", "email", "s@example.com",
                "phone", "+4930123456", "address", address(), "leadTimeDays", 3, "currency", "EUR");
    }

    Map<String, Object> policy() {
        return map("location", "BER", "reorderPoint", 5, "targetLevel", 20, "safetyStock", 1, "supplier", "TEXTIL",
                "supplierArticle", "T-1", "purchasePrice", map("amount", "2.50", "currency", "EUR"), "packSize", 5,
                "minimumOrder", 5, "leadTimeDays", 3);
    }

    Map<String, Object> purchaseOrder() {
        return map("supplier", "TEXTIL", "location", "BER", "note", "n", "lines", new ArrayList<>(List.of(
                map("sku", "TSHIRT-BLK-M", "quantity", 10, "unitPrice", "2.50", "expectedOn", "2026-12-24"))));
    }

    Map<String, Object> webhook() {
        return map("url", "https://hooks.example.com/ordo/" + random.nextInt(1_000_000), "events",
                new ArrayList<>(List.of("stock.low")), "description", "hostile");
    }

    Map<String, Object> apiKey() {
        return map("name", "hostile-" + random.nextInt(1_000_000), "role", "AGENT");
    }

    // --- generation -------------------------------------------------------------------------------------------------

    Request next() {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return read();
        }
        if (roll < 28) {
            return new Request(Fault.RAW, "RAW", "", Map.of(), raw(), false);
        }
        if (roll < 31) {
            return edi();
        }
        if (roll < 33) {
            return file();
        }
        if (roll < 36 && webhookSecret != null) {
            return signedAmount();
        }
        if (roll < 39 && shopSecret != null) {
            return shopWebhook();
        }
        if (roll < 41) {
            return paper();
        }
        if (roll < 42) {
            return shopwareApp();
        }
        Endpoint e = writes.get(random.nextInt(writes.size()));
        Map<String, Object> body = e.body.get();
        noise(body);
        Fault[] kinds = Fault.values();
        Fault fault;
        do {
            fault = kinds[random.nextInt(Fault.IDEMPOTENCY_KEY.ordinal() + 2)];
        } while ((fault == Fault.IDEMPOTENCY_KEY || fault == Fault.IMPOSSIBLE_DATE)
                && !e.path.equals("/api/v1/orders") && !e.path.equals("/api/v1/purchase-orders") && !e.path.endsWith("/returns") && !e.path.endsWith("/receipts")
                || fault == Fault.NULL_ELEMENT && !hasListOrNames(body)
                || fault == Fault.OVERSIZED && random.nextInt(3) > 0);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + adminKey);
        headers.put("Content-Type", "application/json");
        if (e.path.equals("/api/v1/orders") || e.path.equals("/api/v1/purchase-orders") || e.path.endsWith("/returns")
                || e.path.endsWith("/receipts") || e.path.equals("/api/v1/transfers")
                || e.path.equals("/api/v1/cycle-counts")) {
            headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
        }
        if (e.path.equals("/api/v1/inventory/adjustments") && random.nextBoolean()) {
            headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID()); // optional: with and without
        }
        if (e.path.endsWith("/changes")) {
            headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
            headers.put("If-Match", pick("\"1\"", "\"2\"", "W/\"1\"", "\"0\"", "*", hostile().replaceAll("[^\\x21-\\x7e]", "?")));
        }
        String path = e.path;
        byte[] bytes;
        boolean chunked = false;
        switch (fault) {
            case AUTH -> {
                String value = pick(null, "Bearer ordo_" + UUID.randomUUID().toString().replace("-", ""),
                        "Bearer " + "x".repeat(300), "Bearer " + "k".repeat(20_000), "Basic YWRtaW46YWRtaW4=",
                        "Bearer", "Bearer " + adminKey + "x", "bearer  " + hostile().replaceAll("[^\\x21-\\x7e]", "?"),
                        "Bearer " + warehouseKey);
                if (value == null || (e.path.contains("/inventory/") || e.path.endsWith("/receipts"))
                        && value.endsWith(warehouseKey)) {
                    headers.remove("Authorization");
                } else {
                    headers.put("Authorization", value);
                }
                bytes = json(body);
            }
            case CONTENT_TYPE -> {
                String type = pick(null, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=xyz", "application/octet-stream", "text/html; charset=utf-8",
                        "application/json-patch", "image/png");
                if (type == null) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", type);
                }
                bytes = json(body);
            }
            case SYNTAX -> bytes = broken(json(body));
            case NESTING -> {
                int depth = pick(600, 2_000, 10_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                body.put(anyField(body), new Raw(open.repeat(depth) + "1" + close.repeat(depth)));
                bytes = json(body);
            }
            case OVERSIZED -> {
                body.put("note", "x".repeat((1 << 20) + random.nextInt(2 << 20)));
                bytes = json(body);
                chunked = random.nextBoolean();
            }
            case UNKNOWN_FIELD -> {
                body.put(pick("colour", "__proto__", "constructor", "isAdmin", hostile()), pick(1, "x", true));
                bytes = json(body);
            }
            case WRONG_TYPE -> {
                String field = anyField(body);
                body.put(field, pick(map("nested", hostile()), List.of(hostile(), 1)));
                bytes = json(body);
            }
            case INVALID_VALUE -> {
                body.put(e.invalidField, e.invalidValue);
                bytes = json(body);
            }
            case INEXACT_NUMBER -> {
                if (body.get("price") instanceof Map<?, ?> && random.nextBoolean()) {
                    body.put("price", map("amount", pick(INEXACT_AMOUNTS), "currency", "EUR"));
                } else if (!inexact(body)) {
                    // No number in this body: a string field gets a number, a flag a 1 (no coercion either way).
                    String field = anyField(body);
                    body.put(field, pick(new Raw("12345"), new Raw("1"), new Raw("1.5"), new Raw("false")));
                }
                bytes = json(body);
            }
            case IMPOSSIBLE_DATE -> {
                body.put("promisedAt", pick(IMPOSSIBLE_TIMESTAMPS));
                bytes = json(body);
            }
            case CONTROL_TEXT -> {
                List<String> texts = new ArrayList<>();
                body.forEach((k, v) -> {
                    if (v instanceof String) {
                        texts.add(k);
                    }
                });
                String field = texts.isEmpty() ? "note" : pick(texts.toArray(String[]::new));
                boolean multiLine = field.equals("note") || field.equals("reason");
                String text = multiLine || random.nextBoolean() ? pick(CONTROL_TEXTS) : pick("a\r\nb", "line\n");
                body.put(field, text); // written with \\u escapes, so the JSON itself stays valid
                bytes = json(body);
            }
            case DUPLICATE_KEY -> {
                body.putIfAbsent("note", "n"); // a body without fields (an action) gets one to repeat
                String text = new String(json(body), StandardCharsets.UTF_8);
                String field = anyField(body);
                String again = new String(json(map(field, body.get(field))), StandardCharsets.UTF_8);
                bytes = (text.substring(0, text.length() - 1) + "," + again.substring(1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case NULL_ELEMENT -> {
                nullElement(body);
                bytes = json(body);
            }
            case IDEMPOTENCY_KEY -> {
                String key = pick(null, "", "k".repeat(256), "ключ-" + UUID.randomUUID(), "a b c", hostile() + " x y");
                if (key == null) {
                    headers.remove("Idempotency-Key");
                } else {
                    headers.put("Idempotency-Key", key.replaceAll("[\\r\\n\\x00]", ""));
                }
                bytes = json(body);
            }
            default -> { // NO_SUCH_PATH
                path = e.path.replaceAll("/(TSHIRT-BLK-M|BER|[0-9a-f-]{36})", "/" + enc(pick(hostile(), "NOPE-" + random.nextInt(1000))));
                if (path.equals(e.path)) {
                    path = e.path + "/" + enc(hostile());
                }
                bytes = json(body);
            }
        }
        return new Request(fault, e.method, path, headers, bytes, chunked);
    }

    /** A provider event for an existing order, validly signed when sent, whose amount or currency cannot fit. */
    Request signedAmount() {
        String[] event = AMOUNT_EVENTS[random.nextInt(AMOUNT_EVENTS.length)];
        String[] unfit = UNFIT[random.nextInt(UNFIT.length)];
        // with a saved card's references that must not be kept either: odd shapes and values for customer/method
        String card = pick("", ",\"customer\":\"cus_hostile\",\"payment_method\":\"pm_hostile\"",
                ",\"customer\":{\"$ne\":1},\"payment_method\":[\"pm_a\",\"pm_b\"]",
                ",\"customer\":\"cus_' OR '1'='1\",\"payment_method\":\"" + "p".repeat(10_000) + "\"");
        String body = ("{\"id\":\"evt_hostile_%s\",\"type\":\"%s\",\"data\":{\"object\":{\"id\":\"ch_hostile\","
                + "\"payment_intent\":\"pi_hostile\",\"%s\":%s,\"currency\":\"%s\"%s,\"metadata\":{\"order_id\":\"%s\"}}}}")
                .formatted(UUID.randomUUID(), event[0], event[1], unfit[0], unfit[1], card, orderId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return new Request(Fault.SIGNED_AMOUNT, "POST", "/api/v1/payments/webhooks/stripe", headers,
                body.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * A Shopify order webhook to the shop channel {@code hostile-shop} that must be refused and store nothing: a
     * forged, missing or mismatched signature; signed with the shop's secret but replayed (created 10 days ago),
     * not JSON, nested 10,000 deep, without the order's id or the delivery id; over the body limit; or to a shop
     * that does not exist. (A signed, fresh, well-formed order would rightly be taken, so none is generated.)
     */
    Request shopWebhook() {
        String created = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(10).withNano(0).toString();
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
        String order = ("{\"id\":%d,\"name\":\"#%s\",\"email\":\"hostile@example.com\",\"created_at\":\"%s\","
                + "\"currency\":\"EUR\",\"financial_status\":\"paid\",\"line_items\":[{\"sku\":\"TSHIRT-BLK-M\","
                + "\"quantity\":1,\"price\":\"19.99\",\"title\":\"%s\"}],\"shipping_address\":{\"name\":\"H\","
                + "\"address1\":\"Hauptstr. 1\",\"zip\":\"10115\",\"city\":\"Berlin\",\"country_code\":\"DE\"}}");
        long id = 1_000_000_000L + random.nextInt(1_000_000_000);
        String hostile = hostile().replace("\\", "").replace("\"", "");
        String path = "/api/v1/channels/hostile-shop/webhooks";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        // a refund (docs/channels.md) is read from the same signed body: hostile as an order, hostile as a refund
        headers.put("X-Shopify-Topic", pick("orders/create", "orders/create", "refunds/create"));
        headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        byte[] body;
        switch (random.nextInt(10)) {
            case 0 -> { // forged: a signature of the right shape from someone without the secret
                body = order.formatted(id, id, now, "x").getBytes(StandardCharsets.UTF_8);
                byte[] forged = new byte[32];
                random.nextBytes(forged);
                headers.put("X-Shopify-Hmac-Sha256", java.util.Base64.getEncoder().encodeToString(forged));
            }
            case 1 -> body = order.formatted(id, id, now, hostile).getBytes(StandardCharsets.UTF_8); // unsigned
            case 2 -> { // signed, then changed
                body = order.formatted(id, id, now, "x").getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
                body = order.formatted(id, id, now, "y").getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> { // a genuine webhook captured and replayed days later
                body = order.formatted(id, id, created, "x").getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            case 4 -> { // signed, not JSON
                body = ("{\"id\":" + hostile).getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            case 5 -> { // signed, nested 10,000 deep
                body = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            case 6 -> { // signed, the order's id is not Shopify's
                body = order.formatted(id, id, now, "x").replace("\"id\":" + id, "\"id\":\"" + hostile + "\"")
                        .getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            case 7 -> { // signed, without the delivery id
                body = order.formatted(id, id, now, "x").getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
                headers.remove("X-Shopify-Webhook-Id");
            }
            case 8 -> { // over the body limit
                body = order.formatted(id, id, now, "x".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
            }
            default -> { // a shop that does not exist
                body = order.formatted(id, id, now, "x").getBytes(StandardCharsets.UTF_8);
                headers.put("X-Shopify-Hmac-Sha256", shopSign(body));
                path = "/api/v1/channels/" + enc(pick("no-such-shop", hostile())) + "/webhooks";
            }
        }
        return new Request(Fault.SHOP_WEBHOOK, "POST", path, headers, body, random.nextBoolean());
    }

    /**
     * Shopware's app registration handshake without the app secret (docs/channels.md): registrations unsigned, forged,
     * with hostile parameters; confirmations of no registration, forged, not JSON. Refused with 4xx, nothing kept;
     * a 2xx would be a registration taken from someone without the secret.
     */
    Request shopwareApp() {
        String code = pick("hostile-sw", "no-such-shop", hostile());
        long now = System.currentTimeMillis() / 1000;
        String query = "shop-id=" + enc(pick("abc123", hostile())) + "&shop-url=" + enc(pick("https://shop.example",
                "javascript:alert(1)", hostile())) + "&timestamp=" + enc(pick(String.valueOf(now), "1e9", hostile()));
        byte[] forged = new byte[32];
        random.nextBytes(forged);
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            if (random.nextBoolean()) {
                headers.put("shopware-app-signature", pick(java.util.HexFormat.of().formatHex(forged), hostile()));
            }
            return new Request(Fault.SHOPWARE_APP, "GET", "/api/v1/channels/" + enc(code) + "/shopware/registration?"
                    + query, headers, null, false);
        }
        headers.put("Content-Type", "application/json");
        if (random.nextBoolean()) {
            headers.put("shopware-shop-signature", pick(java.util.HexFormat.of().formatHex(forged), hostile()));
        }
        byte[] body = pick("{\"apiKey\":\"" + hostile().replace("\"", "") + "\",\"secretKey\":\"x\",\"timestamp\":\""
                + now + "\",\"shopUrl\":\"https://shop.example\",\"shopId\":\"abc123\"}", "{\"apiKey\":", hostile(),
                "[".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        return new Request(Fault.SHOPWARE_APP, "POST", "/api/v1/channels/" + enc(code) + "/shopware/confirmation",
                headers, body, random.nextBoolean());
    }

    /** Shopify's signature: base64 HMAC-SHA256 of the raw body with the shop's secret. */
    static String shopSign(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(shopSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Stripe-style signature of a body now: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">. */
    static String sign(byte[] body) throws Exception {
        long t = System.currentTimeMillis() / 1000;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    Request read() {
        Map<String, String> headers = new LinkedHashMap<>();
        int roll = random.nextInt(10);
        if (roll == 0) {
            headers.put("Authorization", "Bearer ordo_" + UUID.randomUUID());
        } else if (roll == 1) {
            headers.put("Authorization", "Bearer " + warehouseKey);
        } else if (roll > 2) {
            headers.put("Authorization", "Bearer " + adminKey);
        }
        return new Request(Fault.READ, "GET", reads.get(random.nextInt(reads.size())).get(), headers, null, false);
    }

    /** Replaces some string values with hostile strings and some numbers with huge ones, everywhere in the tree. */
    @SuppressWarnings("unchecked")
    void noise(Object node) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) m).entrySet()) {
                Object value = entry.getValue();
                if (value instanceof String && random.nextInt(3) == 0) {
                    entry.setValue(hostile());
                } else if (value instanceof Number && random.nextInt(4) == 0) {
                    entry.setValue(new Raw((String) pick(HUGE_NUMBERS)));
                } else {
                    noise(value);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(this::noise);
        }
    }

    /** Replaces one integer in the tree by an inexact or quoted number; false when there is none. */
    @SuppressWarnings("unchecked")
    boolean inexact(Object node) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) m).entrySet()) {
                if (entry.getValue() instanceof Number || entry.getValue() instanceof Raw) {
                    entry.setValue(pick(INEXACT_NUMBERS));
                    return true;
                }
                if (inexact(entry.getValue())) {
                    return true;
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object item : l) {
                if (inexact(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasListOrNames(Map<String, Object> body) {
        return body.values().stream().anyMatch(v -> v instanceof List<?>) || body.get("name") instanceof Map<?, ?>;
    }

    /** Puts a null into a list of the body (or into the names by locale), where no null is taken. */
    @SuppressWarnings("unchecked")
    void nullElement(Map<String, Object> body) {
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            if (entry.getValue() instanceof List<?> l) {
                List<Object> list = new ArrayList<>(l);
                list.add(random.nextInt(list.size() + 1), null);
                entry.setValue(list);
                return;
            }
        }
        Map<String, Object> names = new LinkedHashMap<>((Map<String, Object>) body.get("name"));
        names.put(pick("en", "de"), null);
        body.put("name", names);
    }

    byte[] broken(byte[] valid) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length() - 1))).getBytes(StandardCharsets.UTF_8);
            case 1 -> (text.substring(0, text.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8);
            case 2 -> text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 3 -> (text + "}{").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("/* comment */" + text).getBytes(StandardCharsets.UTF_8);
            case 5 -> text.replaceFirst(":", ":NaN,\"x\":").getBytes(StandardCharsets.UTF_8);
            case 6 -> pick("", "null", "[]", "\"order\"", "123", "{", "}", "[{}]", "{\"\":}").getBytes(StandardCharsets.UTF_8);
            case 7 -> { // invalid UTF-8 inside a string
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes("{\"note\":\"".getBytes(StandardCharsets.UTF_8));
                out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
                out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
                yield out.toByteArray();
            }
            case 8 -> { // random bytes
                byte[] garbage = new byte[1 + random.nextInt(2000)];
                random.nextBytes(garbage);
                yield garbage;
            }
            case 9 -> text.replaceFirst("\\{", "{\"a\" \"b\",").getBytes(StandardCharsets.UTF_8);
            case 10 -> text.replace("\"", "").getBytes(StandardCharsets.UTF_8);
            default -> ("\u0000" + text).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Requests an HTTP client would not send. */
    byte[] raw() {
        String auth = "Authorization: Bearer " + adminKey + "\r\n";
        String body = new String(json(order()), StandardCharsets.UTF_8);
        String request = switch (random.nextInt(12)) {
            case 0 -> "GET /api/v1/orders/%zz HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            case 1 -> "GET /api/v1/orders?q=%ED%A0%80%00 HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            case 2 -> "GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            case 3 -> "POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/json\r\nIdempotency-Key: raw\r\nContent-Length: -5\r\n\r\n" + body;
            case 4 -> "POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/json\r\nIdempotency-Key: raw\r\nContent-Length: 99999999999999999999\r\n\r\n" + body;
            case 5 -> "POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/json\r\nIdempotency-Key: raw\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n";
            case 6 -> "GET /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \u00ff\u00fe\u0000key\r\n\r\n";
            case 7 -> "GET /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x\r\n injected: yes\r\n\r\n";
            case 8 -> "BREW /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            case 9 -> "GET /api/v1/orders HTTP/1.1\r\n" + auth + "Host: a\r\nHost: b\r\n\r\n";
            case 10 -> "GET " + "/a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n";
            default -> "POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "Content-Type: application/json; charset=nonsense\r\nContent-Length: 2\r\n\r\n{}";
        };
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    // --- sending --------------------------------------------------------------------------------------------------

    static int send(HttpClient http, String base, Request r) {
        if (r.fault == Fault.RAW) {
            return sendRaw(base, r.body);
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path)).timeout(Duration.ofSeconds(60));
            r.headers.forEach(b::header);
            if (r.fault == Fault.SIGNED_AMOUNT) { // signed as it is sent, so that a long run stays within tolerance
                b.header("Stripe-Signature", sign(r.body)).POST(HttpRequest.BodyPublishers.ofByteArray(r.body));
                HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                boolean taken = answer.statusCode() < 300 && !answer.body().contains("\"status\":\"rejected\"");
                return taken ? -3 : answer.statusCode();
            }
            if (r.body == null) {
                b.GET();
            } else if (r.chunked) {
                b.method(r.method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(r.body)));
            } else {
                b.method(r.method, HttpRequest.BodyPublishers.ofByteArray(r.body));
            }
            int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return (r.fault == Fault.SHOP_WEBHOOK || r.fault == Fault.SHOPWARE_APP) && status < 300 ? -4 : status;
        } catch (IllegalArgumentException e) {
            return -2; // the client itself refused to send it
        } catch (Exception e) {
            return -1; // no answer: the server closed the connection
        }
    }

    static int sendRaw(String base, byte[] request) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, 12);
            String line = new String(head, 0, n, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    // --- small JSON writer (the JDK has none): escapes every non-ASCII char, so lone surrogates survive ---------

    record Raw(String json) {
    }

    static byte[] json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json);
        } else if (value instanceof String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                write(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, l.get(i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    String hostile() {
        return HOSTILE[random.nextInt(HOSTILE.length)];
    }

    /** One of the body's fields; a body that is valid empty (every field optional) gets one named "lines". */
    private String anyField(Map<String, Object> body) {
        return body.isEmpty() ? "lines" : pick(new ArrayList<>(body.keySet()).toArray(String[]::new));
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        Path report = args.length > 5 ? Path.of(args[5]) : null;
        webhookSecret = args.length > 6 && !args[6].isBlank() ? args[6] : null;
        shopSecret = args.length > 8 && !args[8].isBlank() ? args[8] : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Ids that exist, so that writes aimed at them reach the code that would change them.
        HttpClient probe = HttpClient.newHttpClient();
        String orders = get(probe, base, args[1], "/api/v1/orders?limit=1");
        String customers = get(probe, base, args[1], "/api/v1/customers?limit=1");
        String suppliers = get(probe, base, args[1], "/api/v1/suppliers");
        Hostile generator = new Hostile(seed, args[1], args[2], firstId(orders), firstId(customers), firstId(suppliers));

        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(generator.next());
        }
        Map<String, Map<Integer, Integer>> byFault = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    Request r = requests.get(i);
                    int status = send(http, base, r);
                    synchronized (byStatus) {
                        byStatus.merge(status, 1, Integer::sum);
                        byFault.computeIfAbsent(r.fault.name(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
                        if (status >= 500 || status == -3 || status == -4) {
                            String body = r.body == null ? "" : new String(r.body, 0, Math.min(300, r.body.length), StandardCharsets.UTF_8);
                            serverErrors.add(status + " " + r.fault + " " + r.method + " " + r.path + " " + r.headers.keySet() + " " + body);
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d hostile requests in %.1f s (seed %d); answers by status (-1: connection closed without an answer, -2: refused by the client, -3: a signed unfit amount was taken, -4: a hostile shop webhook was taken):%n", n, elapsed, seed));
        out.append("  all: ").append(byStatus).append('\n');
        byFault.forEach((fault, counts) -> out.append(String.format("  %-16s %s%n", fault, counts)));
        long fivexx = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        long taken = byStatus.getOrDefault(-3, 0);
        long shopTaken = byStatus.getOrDefault(-4, 0);
        out.append(fivexx == 0 ? "No 5xx answers.\n" : fivexx + " 5xx answers, for example:\n");
        out.append(webhookSecret == null ? "No signed amounts (no webhook secret given).\n"
                : taken == 0 ? "Every signed unfit amount was rejected.\n" : taken + " signed unfit amounts were taken!\n");
        out.append(shopSecret == null ? "No shop webhooks (no shop secret given).\n"
                : shopTaken == 0 ? "Every hostile shop webhook was refused.\n" : shopTaken + " hostile shop webhooks were taken!\n");
        serverErrors.stream().limit(20).forEach(s -> out.append("  ").append(s.replaceAll("[\\r\\n]", " ")).append('\n'));
        boolean sessionsRefused = true;
        if (args.length > 7 && !args[7].isBlank()) {
            var reuse = new SessionReuse(base, seed);
            sessionsRefused = reuse.run(args[7], Math.max(10, n / 100));
            out.append(reuse.report());
        }
        System.out.print(out);
        if (report != null) {
            Files.writeString(report, out.toString());
        }
        System.exit(fivexx == 0 && taken == 0 && shopTaken == 0 && sessionsRefused ? 0 : 1);
    }

    /**
     * Session reuse after disable: a warehouse user and an admin log in to the back office; then the admin
     * "admin" disables the first and demotes the second, and their old session cookies, with the CSRF token of
     * their last page, are sent again: goods received, an admin API key issued, pages read. Every answer must be
     * a refusal (to the login page, 401 or 403); the caller's table snapshot shows that nothing changed.
     */
    static final class SessionReuse {

        private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        final String base;
        final String suffix;
        final Map<String, Integer> answers = new TreeMap<>();
        final List<String> served = new ArrayList<>();

        SessionReuse(String base, long seed) {
            this.base = base;
            this.suffix = seed + "-" + UUID.randomUUID().toString().substring(0, 6);
        }

        /** A browser without a browser: its own cookies, the CSRF token of its last page, no redirects followed. */
        final class Person {
            final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String csrf = "";

            HttpResponse<String> get(String path) throws Exception {
                return keepToken(http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }

            HttpResponse<String> post(String path, String... fields) throws Exception {
                StringBuilder form = new StringBuilder("_csrf=" + enc(csrf));
                for (int i = 0; i < fields.length; i += 2) {
                    form.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
                }
                return keepToken(http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }

            Person login(String username, String password) throws Exception {
                get("/login");
                var answer = post("/login", "username", username, "password", password);
                String location = answer.headers().firstValue("Location").orElse("");
                if (answer.statusCode() != 302 || location.contains("/login")) {
                    throw new IllegalStateException("Login as " + username + " failed: " + answer.statusCode() + " " + location);
                }
                return this;
            }

            private HttpResponse<String> keepToken(HttpResponse<String> answer) {
                var m = CSRF.matcher(answer.body());
                if (m.find()) {
                    csrf = m.group(1);
                }
                return answer;
            }
        }

        /** True when every reused request was refused. */
        boolean run(String adminPassword, int attempts) throws Exception {
            Person admin = new Person().login("admin", adminPassword);
            String picker = "hostile-wh-" + suffix;
            String boss = "hostile-adm-" + suffix;
            admin.get("/admin/users");
            admin.post("/admin/users", "username", picker, "password", "hostile-password-1", "role", "WAREHOUSE", "locale", "en");
            admin.get("/admin/users");
            admin.post("/admin/users", "username", boss, "password", "hostile-password-2", "role", "ADMIN", "locale", "en");
            String users = admin.get("/admin/users").body();

            Person warehouse = new Person().login(picker, "hostile-password-1");
            warehouse.get("/warehouse/receive?location=BER");
            Person demoted = new Person().login(boss, "hostile-password-2");
            demoted.get("/admin/api-keys");

            admin.post("/admin/users/" + idOf(users, picker) + "/enabled", "enabled", "false");
            admin.get("/admin/users");
            admin.post("/admin/users/" + idOf(users, boss) + "/role", "role", "AGENT");

            for (int i = 0; i < attempts; i++) {
                judge("POST /warehouse/receive", warehouse.post("/warehouse/receive", "sku", "TSHIRT-BLK-M",
                        "location", "BER", "quantity", "5", "reference", "hostile-" + i));
                judge("POST /admin/api-keys", demoted.post("/admin/api-keys", "name", "hostile-escalation-" + suffix + "-" + i,
                        "role", "ADMIN"));
                judge("GET /warehouse", warehouse.get("/warehouse"));
                judge("GET /admin/users", demoted.get("/admin/users"));
            }
            return served.isEmpty();
        }

        String report() {
            return String.format("Session reuse after disable/demote: answers %s; %s%n", answers,
                    served.isEmpty() ? "every request refused." : served.size() + " SERVED, for example: " + served.get(0));
        }

        private void judge(String what, HttpResponse<String> answer) {
            String location = answer.headers().firstValue("Location").orElse("");
            int status = answer.statusCode();
            answers.merge(status + (status == 302 ? " " + location.replaceAll("^https?://[^/]+", "") : ""), 1, Integer::sum);
            boolean refused = status == 401 || status == 403 || (status == 302 && location.endsWith("/login"));
            if (!refused) {
                served.add(what + " -> " + status + " " + location);
            }
        }

        private static String idOf(String usersPage, String username) {
            var m = java.util.regex.Pattern.compile("id=\"user-" + java.util.regex.Pattern.quote(username)
                    + "\"[\\s\\S]*?/admin/users/([0-9a-f-]{36})/").matcher(usersPage);
            if (!m.find()) {
                throw new IllegalStateException("User " + username + " was not created");
            }
            return m.group(1);
        }
    }

    static String get(HttpClient http, String base, String key, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String firstId(String json) {
        var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        return m.find() ? m.group(1) : UUID.randomUUID().toString();
    }
}
