package org.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The access table held against the running API: every operation of the live OpenAPI document is called with a key
 * of each role, with no key and with a wrong key, and must answer as {@link AccessRules} says. Allowed: anything but
 * 401/403 (dummy ids give 404, empty bodies 400, which is fine); refused: 403 for a role, 401 without a valid key;
 * open: never 401/403. The calls carry no body and ids that exist nowhere, so they change nothing other tests see.
 */
@IntegrationTest
class AccessRulesIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(AccessRulesIntegrationTests.class);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    /** Ids that exist nowhere, the same for every call of one run. */
    private static final String DUMMY_ID = UUID.randomUUID().toString();
    private static final String DUMMY_TEXT = Fixtures.unique("ACCESS-CHECK");

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.admin(port);
    }

    /** Someone calling: a role's key, no key, or a key that does not exist. */
    record Caller(String name, Role role, Api api) {
    }

    record Operation(String method, String path, JsonNode spec) {

        String name() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationOfTheApiHasExactlyOneRowAndEveryRowIsAnOperation() {
        Set<String> documented = operations().stream().map(Operation::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> rows = AccessRules.OPERATIONS.stream().map(AccessRule::operation).toList();

        assertThat(documented).as("operations of /v3/api-docs without a row in AccessRules.OPERATIONS")
                .allMatch(rows::contains, "has a row");
        assertThat(rows).as("rows of AccessRules.OPERATIONS that are no operation of /v3/api-docs")
                .allMatch(documented::contains, "is documented")
                .as("rows of AccessRules.OPERATIONS named twice").doesNotHaveDuplicates();
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        List<Caller> callers = callers();
        Map<String, AccessRule> rows = new LinkedHashMap<>();
        AccessRules.OPERATIONS.forEach(rule -> rows.put(rule.operation(), rule));
        List<String> wrong = new ArrayList<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int calls = 0;
        long started = System.nanoTime();
        List<Operation> operations = operations();
        for (Operation operation : operations) {
            AccessRule rule = rows.get(operation.name());
            if (rule == null) {
                continue; // reported by the test above
            }
            String path = concretePath(operation);
            String contentType = contentType(operation.spec());
            for (Caller caller : callers) {
                Api.Response answer = caller.api().send(operation.method(), path, new byte[0], contentType);
                calls++;
                judge(rule, caller, operation.name(), answer.status()).ifPresent(wrong::add);
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    serverErrors.add(operation.name() + " as " + caller.name() + ": " + answer);
                }
                if (!operation.method().equals("GET") && answer.status() < 300) {
                    changed.add(operation.name() + " as " + caller.name() + ": " + answer.status());
                }
            }
        }
        log.info("Access check: {} operations × {} callers = {} calls in {} ms; answers by status: {}",
                operations.size(), callers.size(), calls, (System.nanoTime() - started) / 1_000_000, statuses);
        serverErrors.forEach(e -> log.warn("Server error answering a call with a dummy id and no body: {}", e));

        assertThat(calls).isGreaterThanOrEqualTo(AccessRules.OPERATIONS.size() * callers.size());
        assertThat(wrong).as("answers that differ from AccessRules").isEmpty();
        assertThat(changed).as("calls without a body to ids that exist nowhere must change nothing in the database "
                + "the other tests share; a new operation that accepts them needs a body here that it refuses")
                .isEmpty();
    }

    @Test
    void operatorEndpointsAnswerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (AccessRule rule : AccessRules.OPERATOR_ENDPOINTS) {
            // "/actuator/health/**" is probed as "/actuator/health", "/actuator/**" as "/actuator"
            String path = rule.path().replace("/**", "");
            for (Caller caller : callers()) {
                judge(rule, caller, "GET " + path, caller.api().get(path).status()).ifPresent(wrong::add);
            }
        }
        assertThat(wrong).as("answers that differ from AccessRules.OPERATOR_ENDPOINTS").isEmpty();
    }

    @Test
    void anApiPathInNoRowIsRefusedToEveryone() {
        List<Caller> callers = callers();
        for (String unlisted : List.of("GET /api/v1/" + DUMMY_TEXT.toLowerCase(Locale.ROOT), "GET /api/v2/orders")) {
            String method = unlisted.substring(0, unlisted.indexOf(' '));
            String path = unlisted.substring(unlisted.indexOf(' ') + 1);
            for (Caller caller : callers) {
                int expected = caller.role() == null ? 401 : 403;
                assertThat(caller.api().send(method, path, new byte[0], "application/json").status())
                        .as("%s as %s", unlisted, caller.name()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aMethodInNoRowOfAListedPathIsNotAllowedForAnyone() {
        List<Caller> callers = callers();
        for (String unlisted : List.of("DELETE /api/v1/orders/" + DUMMY_ID, "PATCH /api/v1/articles/" + DUMMY_TEXT,
                "PROPFIND /api/v1/orders")) {
            String method = unlisted.substring(0, unlisted.indexOf(' '));
            String path = unlisted.substring(unlisted.indexOf(' ') + 1);
            for (Caller caller : callers) {
                Api.Response answer = caller.api().send(method, path, new byte[0], "application/json");
                if (caller.role() == null) {
                    // The firewall refuses a method HTTP does not know (PROPFIND) before any key is looked at.
                    assertThat(answer.status()).as("%s as %s", unlisted, caller.name()).isIn(401, 405);
                } else {
                    assertThat(answer.status()).as("%s as %s", unlisted, caller.name()).isEqualTo(405);
                    assertThat(answer.contentType()).as("%s as %s", unlisted, caller.name())
                            .startsWith("application/problem+json");
                }
            }
        }
    }

    @Test
    void pagesWithoutLoginOpenWithoutLogin() {
        Api anonymous = admin.as(null);
        for (AccessRule page : AccessRules.OPEN_PAGES) {
            String path = page.path().replace("**", DUMMY_TEXT.toLowerCase(Locale.ROOT));
            Api.Response answer = anonymous.get(path);
            assertThat(answer.status()).as("GET %s without login: %s", path, answer).isNotIn(401, 403, 302);
        }
    }

    /** Why this answer is wrong for this caller, or nothing when it is as the table says. */
    private static java.util.Optional<String> judge(AccessRule rule, Caller caller, String operation, int status) {
        boolean allowed = rule.isOpen() || caller.role() != null && rule.allows(caller.role());
        String verdict;
        if (allowed) {
            verdict = status == 401 || status == 403 ? "allowed, so anything but 401/403" : null;
        } else {
            int refused = caller.role() == null ? 401 : 403;
            verdict = status != refused ? "refused, so " + refused : null;
        }
        return java.util.Optional.ofNullable(verdict)
                .map(v -> "%s as %s: %d, but the table says %s".formatted(operation, caller.name(), status, v));
    }

    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            callers.add(new Caller(role.name(), role, admin.withNewKey(role.name())));
        }
        callers.add(new Caller("no key", null, admin.as(null)));
        callers.add(new Caller("a wrong key", null, admin.as("ordo_" + DUMMY_TEXT + "_not-a-key")));
        return callers;
    }

    /** The operations of the live OpenAPI document, as any client sees it. */
    private List<Operation> operations() {
        JsonNode paths = expect(admin.as(null).get("/v3/api-docs"), 200).json().get("paths");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            method.getValue()));
                }
            }
        }
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(10);
        return operations;
    }

    /** The path with syntactically valid values that name nothing: numbers for numbers, UUIDs for ids. */
    private static String concretePath(Operation operation) {
        String path = operation.path();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if (!parameter.path("in").asString().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asString();
            JsonNode schema = parameter.path("schema");
            String value;
            if (schema.path("type").asString().equals("integer")) {
                value = "1";
            } else if (schema.path("format").asString().equals("uuid") || name.equals("id") || name.endsWith("Id")) {
                value = DUMMY_ID;
            } else {
                value = DUMMY_TEXT;
            }
            path = path.replace("{" + name + "}", value);
        }
        assertThat(path).as("path variables of %s", operation.name()).doesNotContain("{");
        return path;
    }

    /** The operation's own content type: an empty body of it is refused before anything changes. */
    private static String contentType(JsonNode operation) {
        var content = operation.path("requestBody").path("content").propertyNames().iterator();
        return content.hasNext() ? content.next() : "application/json";
    }
}
