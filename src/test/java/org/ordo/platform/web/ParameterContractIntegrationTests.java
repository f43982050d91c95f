package org.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The parameter side of the contract (docs/api/contract.md): every query and path parameter in the live OpenAPI
 * document states its bounds, and the server refuses a value past them with a problem naming the parameter. The
 * probes come from the document, so a parameter added later is checked without a line here. Every probe is
 * refused before anything is read or done.
 */
@IntegrationTest
class ParameterContractIntegrationTests {

    /** Formats whose values are bounded by their form. */
    private static final Set<String> FORMS = Set.of("uuid", "date", "date-time");

    @LocalServerPort
    int port;

    @Test
    void everyQueryAndPathParameterStatesItsBounds() {
        List<String> unbounded = new ArrayList<>();
        int[] count = {0};
        parameters(document(), (operation, parameter) -> {
            count[0]++;
            if (!bounded(parameter.path("schema"))) {
                unbounded.add(operation + " " + parameter.path("in").asString() + " "
                        + parameter.path("name").asString() + " " + parameter.path("schema"));
            }
        });
        assertThat(count[0]).as("query and path parameters found").isGreaterThan(150);
        assertThat(unbounded).as("parameters without maxLength/pattern/enum/format, minimum and maximum, or maxItems")
                .isEmpty();
    }

    @Test
    void theServerRefusesAParameterPastItsBoundNamingIt() {
        Api api = Api.admin(port);
        JsonNode document = document();
        List<String> disagreements = new ArrayList<>();
        int[] probes = {0};
        parameters(document, (operation, probed) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            if (method.equals("HEAD")) {
                return; // no body to name anything: its GET twin is probed
            }
            String name = probed.path("name").asString();
            for (List<String> bad : pastBounds(probed.path("schema"))) {
                String path = template;
                String query = "";
                for (JsonNode p : document.path("paths").path(template).path(method.toLowerCase())
                        .path("parameters")) {
                    if (!p.path("in").asString().equals("path")) {
                        continue;
                    }
                    String variable = p.path("name").asString();
                    String value = p == probed ? bad.get(0)
                            : RequestContractIntegrationTests.absentThing(p.path("schema"), operation);
                    path = path.replace("{" + variable + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
                List<String> pairs = new ArrayList<>();
                if (probed.path("in").asString().equals("query")) {
                    bad.forEach(v -> pairs.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
                }
                // the other required query parameters get a value the document gives as right
                for (JsonNode p : document.path("paths").path(template).path(method.toLowerCase())
                        .path("parameters")) {
                    if (p != probed && p.path("in").asString().equals("query") && p.path("required").asBoolean()) {
                        pairs.add(p.path("name").asString() + "=" + URLEncoder.encode(right(p, operation),
                                StandardCharsets.UTF_8));
                    }
                }
                query = pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
                // a body of the media type the operation takes, read (if at all) only after the parameters
                JsonNode content = document.path("paths").path(template).path(method.toLowerCase())
                        .path("requestBody").path("content");
                String mediaType = content.isObject() && !content.isEmpty() ? content.properties().iterator().next().getKey()
                        : "application/json";
                probes[0]++;
                Api.Response answer = api.send(method, path + query, (mediaType.equals("application/json") ? "{}"
                        : "x").getBytes(StandardCharsets.UTF_8), mediaType);
                boolean refused = answer.status() == 400 || answer.status() == 422;
                boolean named = answer.contentType().startsWith("application/problem+json")
                        && answer.errorFields().contains(name);
                if (!refused || !named) {
                    disagreements.add(operation + " " + name + "=" + shorten(bad.toString()) + ": " + answer.status() + " "
                            + shorten(answer.body()));
                }
            }
        });
        assertThat(disagreements).isEmpty();
        assertThat(probes[0]).as("probes sent").isGreaterThan(150);
    }

    private interface Each {
        void parameter(String operation, JsonNode parameter);
    }

    private static void parameters(JsonNode document, Each each) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            for (JsonNode p : op.getValue().path("parameters")) {
                String in = p.path("in").asString();
                if (in.equals("query") || in.equals("path")) {
                    each.parameter(op.getKey().toUpperCase() + " " + path.getKey(), p);
                }
            }
        }));
    }

    /** Bounded: text by a length, a pattern, an enum or a form; a number at both ends; a list by its size. */
    private static boolean bounded(JsonNode schema) {
        return switch (schema.path("type").asString()) {
            case "string" -> schema.has("maxLength") || schema.has("enum")
                    || FORMS.contains(schema.path("format").asString());
            case "integer", "number" -> schema.has("minimum") && schema.has("maximum");
            case "array" -> schema.has("maxItems") && bounded(schema.path("items"));
            case "boolean" -> true;
            default -> false;
        };
    }

    /** Values just past what the document allows, each sent alone (a list's values as the name repeated). */
    private static List<List<String>> pastBounds(JsonNode schema) {
        List<List<String>> bad = new ArrayList<>();
        switch (schema.path("type").asString()) {
            case "string" -> {
                if (schema.has("enum")) {
                    bad.add(List.of("NOT_ONE_OF_THEM"));
                } else if (FORMS.contains(schema.path("format").asString())) {
                    bad.add(List.of("not-a-" + schema.path("format").asString()));
                } else {
                    if (schema.has("maxLength")) {
                        bad.add(List.of("A".repeat(schema.path("maxLength").asInt() + 1)));
                    }
                    if (schema.has("pattern") && !java.util.regex.Pattern.compile(schema.path("pattern").asString())
                            .matcher("~~").find()) {
                        bad.add(List.of("~~"));
                    }
                }
            }
            case "integer" -> {
                if (schema.has("minimum")) {
                    bad.add(List.of(schema.path("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)
                            .toPlainString()));
                }
                if (schema.has("maximum")) {
                    bad.add(List.of(schema.path("maximum").decimalValue().add(java.math.BigDecimal.ONE)
                            .toPlainString()));
                }
                bad.add(List.of("1.5"));
            }
            case "boolean" -> bad.add(List.of("yes"));
            case "array" -> {
                JsonNode values = schema.path("items").path("enum");
                if (schema.has("maxItems") && values.isArray() && !values.isEmpty()) {
                    List<String> many = new ArrayList<>();
                    for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                        many.add(values.get(i % values.size()).asString());
                    }
                    bad.add(many);
                    bad.add(List.of("NOT_ONE_OF_THEM"));
                }
            }
            default -> {
            }
        }
        return bad;
    }

    /** A value the document gives as right for a parameter: its example, else its minimum, else a fitting name. */
    private static String right(JsonNode parameter, String operation) {
        JsonNode schema = parameter.path("schema");
        if (parameter.has("example")) {
            return parameter.path("example").asString();
        }
        if (schema.has("example")) {
            return schema.path("example").asString();
        }
        if (schema.path("type").asString().equals("integer")) {
            return schema.has("minimum") ? schema.path("minimum").decimalValue().toPlainString() : "1";
        }
        return RequestContractIntegrationTests.absentThing(schema, operation);
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private JsonNode document() {
        return Api.admin(port).as(null).get("/v3/api-docs").json();
    }
}
