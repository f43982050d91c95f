package org.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request side of the contract (docs/api/contract.md): every JSON request body in the live OpenAPI document
 * states its required properties and its limits, and the server refuses exactly what the document forbids. The probes
 * are derived from the document, so an operation or a field added later is probed without a line here: each required
 * property left out, each limit exceeded by one, each value of the wrong JSON type must get a problem answer that
 * names the field. Every probe is invalid, so none changes anything.
 */
@IntegrationTest
class RequestContractIntegrationTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Bodies whose content the sender defines and signs (payment, tracking and shop webhooks): they are taken as
     * sent, verified by signature and bounded by the body size limit alone.
     */
    private static final Set<String> SIGNED_DOCUMENTS = Set.of("POST /api/v1/payments/webhooks/stripe",
            "POST /api/v1/shipping/webhooks/tracking", "POST /api/v1/channels/{code}/webhooks",
            "POST /api/v1/channels/{code}/shopware/confirmation");

    /** Required only in one case, which OpenAPI 3.0 cannot say: unless customerId is given (the description says). */
    private static final Set<String> CONDITIONALLY_REQUIRED = Set.of("customer");

    /**
     * Operations on a thing that must exist before its body is read (a quote, a return, a pick list, packed parcels):
     * their bodies are proven by their own modules' tests. A new operation is probed here or named here.
     */
    private static final Set<String> NOT_PROBED = Set.of(
            // every field optional: the empty probe would decline the quote (QuoteIntegrationTests)
            "POST /api/v1/quotes/{id}/decline",
            "POST /api/v1/fulfillment/pick-lists/{id}/lines/{lineNo}/pick",
            "POST /api/v1/fulfillment/orders/{orderId}/shipments",
            "PUT /api/v1/edi/partners/{code}/articles",
            // an open review entry comes only from a mail, a file or a document in doubt (ReviewQueueIntegrationTests)
            "POST /api/v1/review-entries/{id}/confirm",
            "POST /api/v1/review-entries/{id}/owner",
            "POST /api/v1/review-entries/{id}/reject",
            "POST /api/v1/review-entries/{id}/resolve",
            // every field is optional: an empty mapping is a valid one (columns named like the fields), so the empty
            // probe would save it; FileImportIntegrationTests proves what a mapping refuses
            "PUT /api/v1/imports/mappings/orders/{source}",
            "PUT /api/v1/imports/mappings/articles/{source}",
            "PUT /api/v1/imports/mappings/stock/{source}",
            "PUT /api/v1/imports/mappings/bins/{source}",
            // on a thing that must exist first, looked up before the body is read: an external location (its
            // partner), a partner (its signed reports); OutsourcedFulfilmentIntegrationTests proves what they refuse
            "PUT /api/v1/fulfilment-partners/{location}",
            "POST /api/v1/fulfilment-partners/{location}/shipments",
            "POST /api/v1/fulfilment-partners/{location}/stock-reports",
            // If-Match is checked first (428): a change must name the version it changes; OrderChangeIntegrationTests
            // proves what its body refuses
            "POST /api/v1/orders/{id}/changes",
            // a cut-off's carrier service must exist, and that is what the server names first
            // (PromiseIntegrationTests proves what the body refuses)
            "PUT /api/v1/promise/warehouses/{location}",
            // a count must exist and wait for approval first (CycleCountIntegrationTests proves what the body refuses)
            "POST /api/v1/cycle-counts/{id}/decision",
            // a transfer must exist and be in transit first (TransferIntegrationTests proves what the body refuses)
            "POST /api/v1/transfers/{id}/receipt");

    @LocalServerPort
    int port;

    /**
     * A value for a path variable that names nothing existing, derived from what the document says of it: a new
     * UUID for format uuid, else the first of a few unused names that the stated pattern accepts.
     */
    static String absentThing(JsonNode schema, String where) {
        if (schema.path("format").asString("").equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        String random = UUID.randomUUID().toString().substring(0, 8);
        List<String> candidates = List.of("PROBE-" + random, "probe-" + random, "9" + random.replaceAll("\\D", "0"));
        String pattern = schema.path("pattern").asString("");
        if (pattern.isEmpty()) {
            return candidates.get(0);
        }
        java.util.regex.Pattern accepted = java.util.regex.Pattern.compile(pattern);
        return candidates.stream().filter(c -> accepted.matcher(c).find()).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": no probe value fits its pattern " + pattern));
    }

    @Test
    void everyRequestPropertyStatesItsLimits() {
        JsonNode document = document();
        List<String> unbounded = new ArrayList<>();
        Map<String, JsonNode> requestSchemas = new LinkedHashMap<>();
        operations(document).forEach((operation, body) -> {
            if (SIGNED_DOCUMENTS.contains(operation)) {
                return;
            }
            if (body.has("$ref")) {
                collect(document, name(body), requestSchemas);
            } else if (!bounded(body)) {
                unbounded.add(operation + ": its body");
            }
        });
        requestSchemas.forEach((name, schema) -> schema.path("properties").properties().forEach(property -> {
            if (!bounded(property.getValue())) {
                unbounded.add(name + "." + property.getKey() + " " + property.getValue());
            }
        }));
        assertThat(requestSchemas).as("request schemas found").hasSizeGreaterThan(25);
        assertThat(unbounded).as("request properties without maxLength/enum/format, minimum and maximum, maxItems "
                + "or maxProperties").isEmpty();
    }

    @Test
    void theServerRefusesWhatTheDocumentForbidsNamingTheField() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 5);
        JsonNode order = Fixtures.expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json();
        String orderId = order.path("id").asString();
        // a supplier and an open purchase order, so that the purchase order's operations read their bodies
        String supplier = Fixtures.unique("SUP");
        Fixtures.expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Probe " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "currency", "EUR", "locale", "en")), 201);
        JsonNode purchaseOrder = Fixtures.expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier,
                "location", location, "lines", List.of(Map.of("sku", sku, "quantity", 1, "unitPrice", "1.00"))),
                "Idempotency-Key", UUID.randomUUID().toString()), 201).json();
        String purchaseOrderId = purchaseOrder.path("id").asString();
        // the things a path names exist: the order of an order-scoped operation, the article of a policy, the
        // purchase order of its sub-resources; anything else is a thing that does not
        // a return of a delivered order, so that its cancel and receipts read their bodies
        String otherSku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(otherSku, location, 5);
        JsonNode delivered = new org.ordo.DeliveredOrders(api, api.withNewKey("WAREHOUSE"))
                .delivered(location, otherSku, 1);
        String returnId = Fixtures.expect(api.post("/api/v1/orders/" + delivered.path("id").asString() + "/returns",
                Map.of("resolution", "REFUND", "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason",
                        "WRONG_SIZE"))), "Idempotency-Key", UUID.randomUUID().toString()), 201).json()
                .path("id").asString();
        Map<String, String> existing = Map.of("/api/v1/orders/", orderId, "/api/v1/fulfillment/orders/", orderId,
                "/api/v1/inventory/", sku, "/api/v1/purchase-orders/", purchaseOrderId, "/api/v1/returns/", returnId,
                "/api/v1/articles/", sku, "/api/v1/locations/", location);

        // Operations that check one thing before the next get the things checked first right, so that the probe
        // reaches the property under test; the base alone is never sent.
        Map<String, ObjectNode> bases = Map.of(
                "POST /api/v1/payments/bank-transfers", money(order.path("number").asString()),
                "POST /api/v1/payments/refunds", money(order.path("number").asString()),
                "POST /api/v1/fulfillment/pick-lists", NODES.objectNode().put("location", location),
                "POST /api/v1/purchase-orders", NODES.objectNode().put("supplier", supplier).put("location", location),
                "PUT /api/v1/inventory/{sku}/policy", NODES.objectNode().put("location", location)
                        .put("reorderPoint", 1).put("targetLevel", 10),
                "POST /api/v1/orders/{id}/hold", NODES.objectNode().put("kind", "MANUAL").put("reason", "probe"),
                "POST /api/v1/fulfillment/orders/{orderId}/parcels", (ObjectNode) Api.JSON.readTree("""
                        {"location":"%s","parcels":[{"weightGrams":100,"items":[{"lineNo":1,"quantity":1}]}]}"""
                        .formatted(location)),
                "POST /api/v1/orders/{order}/returns", (ObjectNode) Api.JSON.readTree("""
                        {"resolution":"REFUND","lines":[{"lineNo":1,"quantity":1,"reason":"WRONG_SIZE"}]}"""));

        JsonNode document = document();
        List<String> disagreements = new ArrayList<>();
        Set<String> probed = new TreeSet<>();
        Set<String> notProbed = new TreeSet<>();
        operations(document).forEach((operation, body) -> {
            if (SIGNED_DOCUMENTS.contains(operation)) {
                return;
            }
            if (NOT_PROBED.contains(operation) || !body.has("$ref")) {
                notProbed.add(operation);
                return;
            }
            String template = operation.substring(operation.indexOf(' ') + 1);
            String method = operation.substring(0, operation.indexOf(' '));
            Set<String> pathVariables = new TreeSet<>();
            String concrete = template;
            for (JsonNode parameter : document.path("paths").path(template).path(method.toLowerCase())
                    .path("parameters")) {
                if (parameter.path("in").asString().equals("path")) {
                    String variable = parameter.path("name").asString();
                    pathVariables.add(variable);
                    String real = existing.entrySet().stream().filter(e -> template.startsWith(e.getKey()))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    concrete = concrete.replace("{" + variable + "}", real != null ? real
                            : absentThing(parameter.path("schema"), operation + " {" + variable + "}"));
                }
            }
            String path = concrete;
            ObjectNode base = bases.getOrDefault(operation, NODES.objectNode());
            JsonNode schema = resolve(document, body);
            probed.add(operation);

            // 1. Required: each one left out is named; and an empty body names nothing the document leaves optional.
            if (base.isEmpty()) {
                Api.Response empty = send(api, method, path, NODES.objectNode());
                List<String> named = fields(empty);
                List<String> required = strings(schema.path("required"));
                if (empty.status() != 422) {
                    disagreements.add(operation + " {}: " + empty);
                }
                named.stream().filter(f -> !required.contains(f) && !CONDITIONALLY_REQUIRED.contains(f)
                        && !pathVariables.contains(f))
                        .forEach(f -> disagreements.add(operation + ": the server requires " + f
                                + ", the document does not"));
                required.stream().filter(r -> !named.contains(r) && !pathVariables.contains(r))
                        .forEach(r -> disagreements.add(operation + ": the document requires " + r
                                + ", the server takes a body without it"));
            } else {
                for (String r : strings(schema.path("required"))) {
                    ObjectNode without = base.deepCopy();
                    without.remove(r);
                    Api.Response answer = send(api, method, path, without);
                    if (answer.status() != 422 || !fields(answer).contains(r)) {
                        disagreements.add(operation + ": without " + r + ": " + answer);
                    }
                }
            }

            // 2. Limits and types of every property, nested ones too.
            leaves(document, schema, "", 0, UnaryOperator.identity(), (field, property, place) -> {
                if (!field.contains(".") && pathVariables.contains(field)) {
                    return; // the path names it; a body's copy must match (or is ignored)
                }
                JsonNode over = overLimit(property);
                if (over != null) {
                    Api.Response answer = send(api, method, path, merge(base, place.apply(over)));
                    boolean named = answer.status() == 404 || fields(answer).contains(field)
                            || !property.path("type").asString().equals("array")
                                    && fields(answer).stream().anyMatch(f -> f.startsWith(field));
                    if (answer.status() < 400 || answer.status() >= 500 || !named) {
                        disagreements.add(operation + " " + field + " over its limit: " + answer);
                    }
                }
                JsonNode wrong = wrongType(property);
                if (wrong != null) {
                    Api.Response answer = send(api, method, path, merge(base, place.apply(wrong)));
                    if (answer.status() != 422 && answer.status() != 400 || !fields(answer).contains(field)) {
                        disagreements.add(operation + " " + field + " of the wrong type: " + answer);
                    }
                }
            });
        });
        assertThat(disagreements).isEmpty();
        assertThat(notProbed).as("operations with a JSON body that are not probed").isEqualTo(NOT_PROBED);
        assertThat(probed).as("operations probed").hasSizeGreaterThanOrEqualTo(25);
        // nothing the probes sent was taken
        JsonNode after = Fixtures.expect(api.get("/api/v1/orders/" + orderId), 200).json();
        assertThat(after.path("status").asString()).isEqualTo("OPEN");
        assertThat(after.path("paymentStatus").asString()).isEqualTo("PENDING");
        JsonNode purchaseOrderAfter = Fixtures.expect(api.get("/api/v1/purchase-orders/" + purchaseOrderId), 200)
                .json();
        assertThat(purchaseOrderAfter.path("status").asString()).isEqualTo("ORDERED");
        assertThat(purchaseOrderAfter.path("revision").asInt()).isEqualTo(1);
        Fixtures.expect(api.get("/api/v1/inventory/" + sku + "/policy"), 200).json()
                .forEach(policy -> assertThat(policy.path("location").asString()).isNotEqualTo(location));
        assertThat(Fixtures.expect(api.get("/api/v1/returns/" + returnId), 200).json().path("status").asString())
                .isEqualTo("AUTHORIZED");
        Fixtures.expect(api.get("/api/v1/articles/" + sku + "/dimensions"), 404); // no probe set them
    }

    /** A boolean parameter takes JSON's words only, as a boolean in a body does: not yes, on or 1. */
    @Test
    void aBooleanParameterIsTrueOrFalseAsWritten() {
        Api api = Api.admin(port);
        Fixtures.expect(api.get("/api/v1/articles?active=true"), 200);
        for (String value : List.of("yes", "on", "1", "TRUE")) {
            Api.Response answer = api.get("/api/v1/articles?active=" + value);
            assertThat(answer.status()).as(value).isEqualTo(422);
            assertThat(answer.errorFields()).as(value).containsExactly("active");
        }
    }

    private interface Leaf {
        void probe(String field, JsonNode property, UnaryOperator<JsonNode> place);
    }

    /** Every property down to three levels, with how to place a value there in an otherwise empty body. */
    private static void leaves(JsonNode document, JsonNode schema, String prefix, int depth,
            UnaryOperator<JsonNode> outer, Leaf leaf) {
        schema.path("properties").properties().forEach(entry -> {
            String field = prefix + entry.getKey();
            JsonNode property = resolve(document, entry.getValue());
            UnaryOperator<JsonNode> place = value -> outer.apply(NODES.objectNode().set(entry.getKey(), value));
            leaf.probe(field, property, place);
            if (property.path("maxItems").asInt(-1) == 0) {
                return; // a list that must stay empty: one element is already over the limit
            }
            if (depth < 3 && property.has("properties")) {
                leaves(document, property, field + ".", depth + 1, place, leaf);
            }
            JsonNode items = resolve(document, property.path("items"));
            if (depth < 3 && items.has("properties")) {
                leaves(document, items, field + "[0].", depth + 1,
                        value -> place.apply(NODES.arrayNode().add(value)), leaf);
            }
        });
    }

    /** One past the limit the document states, or null when it states none that a value can exceed. */
    private static JsonNode overLimit(JsonNode property) {
        switch (property.path("type").asString()) {
            case "string":
                return property.has("maxLength") && !property.has("enum")
                        ? NODES.stringNode("A".repeat(property.path("maxLength").asInt() + 1)) : null;
            case "integer":
                return property.has("maximum")
                        ? NODES.numberNode(property.path("maximum").decimalValue().longValueExact() + 1) : null;
            case "array":
                if (!property.has("maxItems")) {
                    return null;
                }
                ArrayNode items = NODES.arrayNode();
                JsonNode values = property.path("items").path("enum");
                for (int i = 0; i <= property.path("maxItems").asInt(); i++) {
                    // items the server takes one by one (of an enum: its values in turn), so only their count is wrong
                    items.add(property.path("items").has("$ref") ? NODES.objectNode()
                            : values.isArray() && !values.isEmpty() ? values.get(i % values.size())
                            : NODES.stringNode(UUID.randomUUID().toString()));
                }
                return items;
            case "object":
                if (!property.has("maxProperties")) {
                    return null;
                }
                ObjectNode map = NODES.objectNode();
                for (int i = 0; i <= property.path("maxProperties").asInt(); i++) {
                    map.put("k" + i, "x");
                }
                return map;
            default:
                return null;
        }
    }

    private static JsonNode wrongType(JsonNode property) {
        return switch (property.path("type").asString()) {
            case "string" -> NODES.numberNode(12345);
            case "integer" -> NODES.stringNode("1");
            case "boolean" -> NODES.stringNode("true");
            case "array" -> NODES.objectNode();
            case "object" -> NODES.arrayNode();
            default -> null;
        };
    }

    /** Bounded: a string by a length, an enum or a format; a number by both ends; a list or map by its size. */
    private static boolean bounded(JsonNode property) {
        if (property.has("$ref")) {
            return true;
        }
        return switch (property.path("type").asString()) {
            case "string" -> property.has("maxLength") || property.has("enum")
                    || Set.of("date", "date-time", "uuid").contains(property.path("format").asString());
            case "integer", "number" -> property.has("minimum") && property.has("maximum");
            case "array" -> property.has("maxItems") && bounded(property.path("items"));
            case "object" -> property.has("maxProperties") || property.has("properties");
            case "boolean" -> true;
            default -> false;
        };
    }

    private static ObjectNode money(String order) {
        ObjectNode base = NODES.objectNode().put("order", order);
        base.set("amount", NODES.objectNode().put("amount", "1.00").put("currency", "EUR"));
        return base;
    }

    /** The probe laid over the base: objects merged, a one-element list merged into the base's first element. */
    private static JsonNode merge(JsonNode base, JsonNode probe) {
        if (base instanceof ObjectNode object && probe instanceof ObjectNode) {
            ObjectNode merged = object.deepCopy();
            probe.properties().forEach(e -> merged.set(e.getKey(), merged.has(e.getKey())
                    ? merge(merged.get(e.getKey()), e.getValue()) : e.getValue()));
            return merged;
        }
        if (base instanceof ArrayNode list && probe instanceof ArrayNode one && one.size() == 1 && !list.isEmpty()
                && list.get(0).isObject() && one.get(0).isObject()) {
            ArrayNode merged = list.deepCopy();
            merged.set(0, merge(list.get(0), one.get(0)));
            return merged;
        }
        return probe;
    }

    private static Api.Response send(Api api, String method, String path, JsonNode body) {
        String json = body.toString();
        return switch (method) {
            case "POST" -> api.post(path, json, "Idempotency-Key", UUID.randomUUID().toString());
            case "PUT" -> api.put(path, json);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static List<String> fields(Api.Response answer) {
        return answer.contentType().startsWith("application/problem+json") ? answer.errorFields() : List.of();
    }

    private JsonNode document() {
        return Api.admin(port).as(null).get("/v3/api-docs").json();
    }

    /** "METHOD /path" to the schema of its JSON request body. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
            if (!body.isMissingNode()) {
                bodies.put(op.getKey().toUpperCase() + " " + path.getKey(), body);
            }
        }));
        return bodies;
    }

    private static void collect(JsonNode document, String name, Map<String, JsonNode> into) {
        if (into.containsKey(name)) {
            return;
        }
        JsonNode schema = document.path("components").path("schemas").path(name);
        into.put(name, schema);
        schema.path("properties").forEach(p -> {
            if (p.has("$ref")) {
                collect(document, name(p), into);
            }
            if (p.path("items").has("$ref")) {
                collect(document, name(p.path("items")), into);
            }
        });
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        return schema.has("$ref") ? document.path("components").path("schemas").path(name(schema)) : schema;
    }

    private static String name(JsonNode reference) {
        String ref = reference.path("$ref").asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
