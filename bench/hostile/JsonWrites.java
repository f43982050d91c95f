import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * JSON writes over the whole API, each spoiled by one fault that must make the server refuse it, with noise on top
 * (hostile strings, huge numbers). The faults: missing, forged, overlong or under-privileged auth; a wrong content
 * type; broken JSON; 10,000 levels of nesting; a body over 1 MiB; an unknown field; a value of the wrong JSON type;
 * a value the endpoint's validation refuses; a number not taken as written (1.5 or 1e2 for an integer, a number as
 * a string, an amount with an exponent, a sign, spaces or too many decimals); an impossible date; a control
 * character or lone surrogate; a key given twice; a null in a list; a bad Idempotency-Key; a path that names
 * nothing. Where the target exists (the queue's first order, a demo customer), an unspoiled body would change it:
 * so any fault that is not refused shows in the row comparison.
 */
final class JsonWrites extends Family {

    enum BodyFault { AUTH, CONTENT_TYPE, SYNTAX, NESTING, OVERSIZED, UNKNOWN_FIELD, WRONG_TYPE, INVALID_VALUE,
        INEXACT_NUMBER, IMPOSSIBLE_DATE, CONTROL_TEXT, DUPLICATE_KEY, NULL_ELEMENT, IDEMPOTENCY_KEY, NO_SUCH_PATH }

    /** A write and its valid body, which each fault then spoils; {@code invalidField} gets a value refused. */
    record Endpoint(String method, String path, Supplier<Map<String, Object>> body, String invalidField,
            Object invalidValue) {
    }

    final String adminKey;
    final String warehouseKey;
    final Ids ids;
    final List<Endpoint> writes = new ArrayList<>();
    /**
     * Whether a WAREHOUSE key may call "METHOD path" (from the live document's "Who may call it"); set by the runner.
     * Where it may, its key is no under-privileged auth: the request goes without a key instead.
     */
    java.util.function.BiPredicate<String, String> warehouseMayCall = (method, path) -> false;

    JsonWrites(Generators g, String adminKey, String warehouseKey, Ids ids) {
        super("JSON writes", g);
        this.adminKey = adminKey;
        this.warehouseKey = warehouseKey;
        this.ids = ids;
        writes.add(new Endpoint("POST", "/api/v1/orders", this::order, "lines", List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1))));
        writes.add(new Endpoint("POST", "/api/v1/articles", this::article, "taxRate", "nineteen"));
        writes.add(new Endpoint("PUT", "/api/v1/articles/TSHIRT-BLK-M", this::article, "taxRate", "101"));
        writes.add(new Endpoint("POST", "/api/v1/locations", this::location, "priority", -1));
        writes.add(new Endpoint("PUT", "/api/v1/locations/BER", this::location, "priority", 1001));
        writes.add(new Endpoint("POST", "/api/v1/inventory/receipts", this::receipt, "quantity", 0));
        writes.add(new Endpoint("POST", "/api/v1/inventory/adjustments", this::adjustment, "quantity", 0));
        writes.add(new Endpoint("POST", "/api/v1/customers", this::customer, "locale", "xx"));
        writes.add(new Endpoint("PUT", "/api/v1/customers/" + ids.customer(), this::customer, "locale", "fr"));
        writes.add(new Endpoint("POST", "/api/v1/suppliers", this::supplier, "leadTimeDays", 999));
        writes.add(new Endpoint("PUT", "/api/v1/suppliers/" + ids.supplier(), this::supplier, "leadTimeDays", -1));
        writes.add(new Endpoint("POST", "/api/v1/api-keys", this::apiKey, "name", " "));
        writes.add(new Endpoint("POST", "/api/v1/edi/partners", () -> partner(ids.customer()), "currency", "EURO"));
        writes.add(new Endpoint("PUT", "/api/v1/edi/partners/NO-SUCH-PARTNER", () -> partner(ids.customer()), "version", "D99Z"));
        // delivery by HTTP needs an http(s) URL: not a file, not another scheme, not absent
        writes.add(new Endpoint("POST", "/api/v1/edi/partners", () -> delivering(ids.customer()), "deliveryUrl", "file:///etc/passwd"));
        writes.add(new Endpoint("POST", "/api/v1/edi/partners", () -> delivering(ids.customer()), "delivery", "CARRIER_PIGEON"));
        // EDI resend and reprocess take no body: unknown or malformed ids are refused, whatever comes with them
        writes.add(new Endpoint("POST", "/api/v1/edi/messages/" + pick(UUID.randomUUID().toString(), "not-a-message", "..%2F..%2Fetc") + "/resend", () -> map("reason", "again"), "reason", 1));
        writes.add(new Endpoint("POST", "/api/v1/edi/interchanges/" + pick(UUID.randomUUID().toString(), "ICR0001", "%00") + "/reprocess", () -> map("reason", "again"), "reason", 1));
        // X12 application codes: 2-15 characters, and only for X12 partners
        writes.add(new Endpoint("POST", "/api/v1/edi/partners", () -> partner(ids.customer()), "applicationSenderCode", pick("X", "A".repeat(16), "MEGA*PO")));
        writes.add(new Endpoint("POST", "/api/v1/orders/" + ids.order() + "/cancel", () -> map("reason", "late"), "reason", ""));
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
        writes.add(new Endpoint("POST", "/api/v1/orders/" + ids.order() + "/returns", this::returnRequest, "resolution", "MONEY"));
        writes.add(new Endpoint("POST", "/api/v1/returns/" + UUID.randomUUID() + "/receipts", this::returnReceipt, "location", ""));
        writes.add(new Endpoint("POST", "/api/v1/returns/" + UUID.randomUUID() + "/cancel", () -> map("reason", "kept it"), "reason", ""));
        // order changes: an unspoiled one may change the queue's first order once (If-Match "1"), then it is 412
        writes.add(new Endpoint("POST", "/api/v1/orders/" + ids.order() + "/changes", () -> map("reason", "r", "lines", new ArrayList<>(List.of(map("lineNo", 1, "quantity", 2)))), "lines", List.of(map("lineNo", 0, "quantity", -1))));
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

        // warehouse space (docs/warehouse-space.md)
        writes.add(new Endpoint("PUT", "/api/v1/articles/TSHIRT-BLK-M/dimensions", this::dimensions, "heightMm", 0));
        writes.add(new Endpoint("PUT", "/api/v1/locations/BER/bins/" + pick("H-01", "OVERFLOW"), this::bin, "pickSequence", -1));
        // many bins at once, and acknowledging an overflow alert, at a location that does not exist: nothing changes
        writes.add(new Endpoint("PUT", "/api/v1/locations/NO-SUCH-LOC/bins", () -> map("bins", new ArrayList<>(List.of(bin("H-01"), bin("H-02")))), "bins", List.of(map("code", "OVERFLOW", "pickSequence", 1))));
        writes.add(new Endpoint("POST", "/api/v1/locations/NO-SUCH-LOC/overflow-alerts/" + pick("1", "-1", "9999999999999") + "/acknowledgement", () -> map("note", "seen"), "note", 1));
        // transfers and cycle counts (docs/purchasing.md); were a fault to miss, the bodies would still change no
        // stock (more than is on hand; a difference that waits for approval)
        writes.add(new Endpoint("POST", "/api/v1/transfers", this::transfer, "to", "BER"));
        writes.add(new Endpoint("POST", "/api/v1/transfers/" + pick("TR-2026-999999", UUID.randomUUID().toString()) + "/receipt", () -> map(), "note", 1));
        writes.add(new Endpoint("POST", "/api/v1/transfers/" + pick("TR-2026-999999", UUID.randomUUID().toString()) + "/receipt", () -> map("lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "quantity", 999_999_999)))), "lines", List.of(map("sku", "TSHIRT-BLK-M", "quantity", 0))));
        writes.add(new Endpoint("POST", "/api/v1/cycle-counts", this::cycleCount, "counted", -1));
        writes.add(new Endpoint("POST", "/api/v1/cycle-counts/" + pick("CC-2026-999999", UUID.randomUUID().toString()) + "/decision", () -> map("approve", false, "reason", "r"), "approve", "yes"));

        newerWrites();
    }

    @Override
    List<String> aims() {
        return writes.stream().map(e -> e.method() + " " + e.path().replaceAll("\\?.*", "")).toList();
    }

    @Override
    int weight() {
        return 58;
    }

    @Override
    Request next() {
        Endpoint e = writes.get(g.random.nextInt(writes.size()));
        Map<String, Object> body = e.body.get();
        g.noise(body);
        BodyFault[] kinds = BodyFault.values();
        BodyFault fault;
        do {
            fault = kinds[g.random.nextInt(BodyFault.IDEMPOTENCY_KEY.ordinal() + 2)];
        } while ((fault == BodyFault.IDEMPOTENCY_KEY || fault == BodyFault.IMPOSSIBLE_DATE)
                && !e.path.equals("/api/v1/orders") && !e.path.equals("/api/v1/purchase-orders") && !e.path.endsWith("/returns") && !e.path.endsWith("/receipts")
                || fault == BodyFault.NULL_ELEMENT && !Generators.hasListOrNames(body)
                || fault == BodyFault.OVERSIZED && g.random.nextInt(3) > 0);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + adminKey);
        headers.put("Content-Type", "application/json");
        if (e.path.equals("/api/v1/orders") || e.path.equals("/api/v1/purchase-orders") || e.path.endsWith("/returns")
                || e.path.endsWith("/receipts") || e.path.equals("/api/v1/transfers")
                || e.path.equals("/api/v1/cycle-counts") || e.path.endsWith("/bins/moves")
                || e.path.matches(".*/bins/[^/]+/counts")) {
            headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
        }
        if (e.path.equals("/api/v1/inventory/adjustments") && g.random.nextBoolean()) {
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
                if (value == null || value.endsWith(warehouseKey) && warehouseMayCall.test(e.method, e.path)) {
                    headers.remove("Authorization");
                } else {
                    headers.put("Authorization", value);
                }
                bytes = Json.bytes(body);
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
                bytes = Json.bytes(body);
            }
            case SYNTAX -> bytes = g.broken(Json.bytes(body));
            case NESTING -> {
                int depth = pick(600, 2_000, 10_000);
                String open = g.random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                body.put(g.anyField(body), new Json.Raw(open.repeat(depth) + "1" + close.repeat(depth)));
                bytes = Json.bytes(body);
            }
            case OVERSIZED -> {
                body.put("note", "x".repeat((1 << 20) + g.random.nextInt(2 << 20)));
                bytes = Json.bytes(body);
                chunked = g.random.nextBoolean();
            }
            case UNKNOWN_FIELD -> {
                body.put(pick("colour", "__proto__", "constructor", "isAdmin", hostile()), pick(1, "x", true));
                bytes = Json.bytes(body);
            }
            case WRONG_TYPE -> {
                String field = g.anyField(body);
                body.put(field, pick(map("nested", hostile()), List.of(hostile(), 1)));
                bytes = Json.bytes(body);
            }
            case INVALID_VALUE -> {
                body.put(e.invalidField, e.invalidValue);
                bytes = Json.bytes(body);
            }
            case INEXACT_NUMBER -> {
                if (body.get("price") instanceof Map<?, ?> && g.random.nextBoolean()) {
                    body.put("price", map("amount", pick(Generators.INEXACT_AMOUNTS), "currency", "EUR"));
                } else if (!g.inexact(body)) {
                    // No number in this body: a string field gets a number, a flag a 1 (no coercion either way).
                    String field = g.anyField(body);
                    body.put(field, pick(new Json.Raw("12345"), new Json.Raw("1"), new Json.Raw("1.5"), new Json.Raw("false")));
                }
                bytes = Json.bytes(body);
            }
            case IMPOSSIBLE_DATE -> {
                body.put("promisedAt", pick(Generators.IMPOSSIBLE_TIMESTAMPS));
                bytes = Json.bytes(body);
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
                String text = multiLine || g.random.nextBoolean() ? pick(Generators.CONTROL_TEXTS) : pick("a\r\nb", "line\n");
                body.put(field, text); // written with \\u escapes, so the JSON itself stays valid
                bytes = Json.bytes(body);
            }
            case DUPLICATE_KEY -> {
                body.putIfAbsent("note", "n"); // a body without fields (an action) gets one to repeat
                String text = new String(Json.bytes(body), StandardCharsets.UTF_8);
                String field = g.anyField(body);
                String again = new String(Json.bytes(map(field, body.get(field))), StandardCharsets.UTF_8);
                bytes = (text.substring(0, text.length() - 1) + "," + again.substring(1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case NULL_ELEMENT -> {
                g.nullElement(body);
                bytes = Json.bytes(body);
            }
            case IDEMPOTENCY_KEY -> {
                String key = pick(null, "", "k".repeat(256), "ключ-" + UUID.randomUUID(), "a b c", hostile() + " x y");
                if (key == null) {
                    headers.remove("Idempotency-Key");
                } else {
                    headers.put("Idempotency-Key", key.replaceAll("[\\r\\n\\x00]", ""));
                }
                bytes = Json.bytes(body);
            }
            default -> { // NO_SUCH_PATH
                path = e.path.replaceAll("/(TSHIRT-BLK-M|BER|[0-9a-f-]{36})", "/" + enc(pick(hostile(), "NOPE-" + g.random.nextInt(1000))));
                if (path.equals(e.path)) {
                    path = e.path + "/" + enc(hostile());
                }
                bytes = Json.bytes(body);
            }
        }
        return new Request(this, fault.name(), e.method, path, headers, bytes, chunked);
    }


    /** Endpoints added after the first hostile run; each aims at something that does not exist where it can. */
    void newerWrites() {
        String noOrder = UUID.randomUUID().toString();
        // bins kept by hand (docs/purchasing.md#bins): a move at no location, a closure of no transfer; were a
        // fault to miss, nothing could move (the location and the transfer do not exist)
        writes.add(new Endpoint("POST", "/api/v1/locations/NO-SUCH-LOC/bins/moves", () -> map("sku", "TSHIRT-BLK-M", "from", "H-01", "to", "H-02", "quantity", 1), "quantity", 0));
        // a whole bin counted at no location: SKUs the bin holds and the count does not list would count as zero
        writes.add(new Endpoint("POST", "/api/v1/locations/NO-SUCH-LOC/bins/A-01-01/counts", () -> map("lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "counted", 0))), "note", "hostile"), "lines", List.of(map("sku", "TSHIRT-BLK-M", "counted", -1))));
        writes.add(new Endpoint("POST", "/api/v1/transfers/" + pick("TR-2026-999999", UUID.randomUUID().toString()) + "/closure", () -> map("reason", "lost by the carrier", "lost", true), "lost", "yes"));
        // shop channels: a registration refused whole; disabling a channel that does not exist
        writes.add(new Endpoint("POST", "/api/v1/channels", () -> map("type", "SHOPIFY", "code", "hostile-" + g.random.nextInt(100_000), "secret", "a-long-enough-shop-secret"), "type", "MAGENTO"));
        writes.add(new Endpoint("POST", "/api/v1/channels/" + enc(pick("no-such-shop", "NO SUCH", hostile())) + "/disable", () -> map(), "reason", 1));
        // EDI article numbers of a partner that does not exist
        writes.add(new Endpoint("PUT", "/api/v1/edi/partners/NO-SUCH-PARTNER/articles", () -> map("4006381333931", "TSHIRT-BLK-M"), "4006381333931", 7));
        // fulfilment: parcels and a shipment for an order that does not exist; a pick list at no location; a pick
        // on a pick list that does not exist
        writes.add(new Endpoint("POST", "/api/v1/fulfillment/orders/" + noOrder + "/parcels", () -> map("location", "BER", "parcels", new ArrayList<>(List.of(map("weightGrams", 850, "items", new ArrayList<>(List.of(map("lineNo", 1, "quantity", 1))))))), "parcels", List.of()));
        writes.add(new Endpoint("POST", "/api/v1/fulfillment/orders/" + noOrder + "/shipments", () -> map("carrier", "DHL", "service", "STANDARD", "trackingNumber", "TRACK1234", "parcels", new ArrayList<>(List.of(UUID.randomUUID().toString()))), "parcels", List.of()));
        writes.add(new Endpoint("POST", "/api/v1/fulfillment/pick-lists", () -> map("location", "NO-SUCH-LOC", "maxOrders", 5, "promisedBefore", "2026-12-24"), "maxOrders", 0));
        writes.add(new Endpoint("POST", "/api/v1/fulfillment/pick-lists/" + UUID.randomUUID() + "/lines/" + pick("1", "0", "-1", "99999999999") + "/pick", () -> map("sku", "TSHIRT-BLK-M", "quantity", 1), "quantity", 0));
        // import mappings: a column map that names no field of the kind, or one from a hostile source name
        for (String kind : List.of("orders", "articles", "stock", "bins")) {
            writes.add(new Endpoint("PUT", "/api/v1/imports/mappings/" + kind + "/" + enc(pick("hostile", "NO SUCH SOURCE", "a".repeat(200), hostile())), () -> map("columns", map("Artikelnummer", "sku"), "defaults", map()), "columns", map("x", "no-such-field")));
            // and one whose path always matches the operation, so that the coverage does not depend on the draw above
            writes.add(new Endpoint("PUT", "/api/v1/imports/mappings/" + kind + "/NO-SUCH-SOURCE", () -> map("columns", map("Artikelnummer", "sku"), "defaults", map()), "columns", map("x", "no-such-field")));
        }
        // quarantine: releasing more than is in quarantine at a location that does not exist
        writes.add(new Endpoint("POST", "/api/v1/inventory/quarantine/releases", () -> map("sku", "TSHIRT-BLK-M", "location", "NO-SUCH-LOC", "quantity", 999_999_999, "action", pick("RELEASE", "WRITE_OFF"), "reason", "inspected", "reference", "r"), "action", "SELL"));
        // holds on the queue's first order: an unspoiled one would hold it, so a missed fault shows
        writes.add(new Endpoint("POST", "/api/v1/orders/" + ids.order() + "/hold", () -> map("kind", "MANUAL", "reason", "check"), "kind", "WHIM"));
        writes.add(new Endpoint("POST", "/api/v1/orders/" + ids.order() + "/release-hold", () -> map("reason", "checked"), "reason", ""));
        // quotes: a new quote refused whole; deciding, sending and accepting quotes that do not exist
        writes.add(new Endpoint("POST", "/api/v1/quotes", this::quote, "validUntil", "2020-01-01"));
        writes.add(new Endpoint("POST", "/api/v1/quotes/" + UUID.randomUUID() + "/decline", () -> map("reason", "too dear"), "reason", 1));
        for (String action : List.of("send", "accept")) {
            writes.add(new Endpoint("POST", "/api/v1/quotes/" + UUID.randomUUID() + "/" + action, () -> map(), "reason", 1));
        }
        // carriers: one with a tracking URL that is no URL
        writes.add(new Endpoint("PUT", "/api/v1/shipping/carriers/" + pick("HOSTILE", "DHL"), () -> map("name", "Hostile Parcel", "trackingUrl", "https://track.example/{tracking}", "active", true), "trackingUrl", "javascript:alert(1)"));
        // a carrier's tracking event without a valid signature: refused before anything is read
        writes.add(new Endpoint("POST", "/api/v1/shipping/webhooks/tracking", () -> map("eventId", "evt-" + g.random.nextInt(1000), "carrier", "DHL", "trackingNumber", "TRACK1234", "status", "delivered", "at", "2026-12-01T10:00:00Z", "description", "d"), "status", "lost"));
        // returns: approving and refunding returns that do not exist; webhooks: enabling and deleting subscriptions
        // that do not exist; messages: resending one that does not exist; imports: committing no import
        for (String action : List.of("approval", "refund")) {
            writes.add(new Endpoint("POST", "/api/v1/returns/" + UUID.randomUUID() + "/" + action, () -> map(), "reason", 1));
        }
        writes.add(new Endpoint("POST", "/api/v1/webhooks/" + UUID.randomUUID() + "/enable", () -> map(), "reason", 1));
        writes.add(new Endpoint("DELETE", "/api/v1/webhooks/" + UUID.randomUUID(), () -> map(), "reason", 1));
        writes.add(new Endpoint("POST", "/api/v1/messages/" + UUID.randomUUID() + "/resend", () -> map(), "reason", 1));
        for (String kind : List.of("orders", "articles", "stock", "bins")) {
            writes.add(new Endpoint("POST", "/api/v1/imports/" + kind + "/" + UUID.randomUUID() + "/commit", () -> map(), "reason", 1));
        }
    }

    Map<String, Object> quote() {
        return map("customer", map("email", "hostile@example.com", "name", "Hostile", "locale", "en"),
                "shippingAddress", address(), "currency", "EUR", "paymentMethod", "invoice", "validUntil", "2026-12-31",
                "note", "n", "lines", new ArrayList<>(List.of(map("sku", "TSHIRT-BLK-M", "quantity", 20))));
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
        return map("code", "HOSTILE" + g.random.nextInt(100_000), "name", "Hostile", "customerId", customerId,
                "standard", "EDIFACT", "version", "D96A", "senderQualifier", "14", "senderId", "H" + g.random.nextInt(1_000_000),
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

    Map<String, Object> returnRequest() {
        return map("resolution", pick("REFUND", "EXCHANGE"), "lines", new ArrayList<>(List.of(map("lineNo", 1,
                "quantity", 1, "reason", pick("WRONG_SIZE", "OTHER"), "note", "too small"))),
                "exchange", new ArrayList<>(g.random.nextBoolean() ? List.of() : List.of(map("sku", "TSHIRT-BLK-L", "quantity", 1))),
                "iban", "DE89370400440532013000", "labelRef", "LBL-" + g.random.nextInt(1000), "note", "hostile");
    }

    Map<String, Object> returnReceipt() {
        return map("location", "BER", "lines", new ArrayList<>(List.of(map("lineNo", 1, "quantity", 1,
                "condition", pick("RESELLABLE", "DAMAGED", "INCOMPLETE"), "writeOff", g.random.nextBoolean()))));
    }

    Map<String, Object> article() {
        return map("sku", "HOSTILE-" + g.random.nextInt(1_000_000), "type", "PHYSICAL", "name", map("en", "Hostile"),
                "price", map("amount", "1.00", "currency", "EUR"), "taxRate", "19", "priceIncludesTax", true,
                "weightGrams", 1, "backorderable", false, "active", true);
    }

    Map<String, Object> location() {
        return map("code", "H" + g.random.nextInt(100_000), "name", "Hostile", "priority", 5, "address", address(),
                "active", true);
    }

    Map<String, Object> receipt() {
        return map("sku", "TSHIRT-BLK-M", "location", "BER", "quantity", 1, "reference", "r", "note", "n");
    }

    Map<String, Object> adjustment() {
        return map("sku", "TSHIRT-BLK-M", "location", "BER", "quantity", 1, "reason", "count", "reference", "r");
    }

    Map<String, Object> customer() {
        return map("email", "h" + g.random.nextInt(1_000_000) + "@example.com", "name", "Hostile", "phone", "+4930123456",
                "locale", "en", "type", "CONSUMER", "smsConsent", false, "addresses", new ArrayList<>(List.of(address())),
                "trusted", false);
    }

    Map<String, Object> supplier() {
        return map("code", "H" + g.random.nextInt(1_000_000), "name", "Hostile", "email", "s@example.com",
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
        return map("url", "https://hooks.example.com/ordo/" + g.random.nextInt(1_000_000), "events",
                new ArrayList<>(List.of("stock.low")), "description", "hostile");
    }

    Map<String, Object> apiKey() {
        return map("name", "hostile-" + g.random.nextInt(1_000_000), "role", "AGENT");
    }

}
