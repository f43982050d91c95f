package org.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change to the API that breaks clients built on the last released document ({@code docs/api/openapi-released.json})
 * is declared in {@code docs/api/CHANGELOG.md} before it is merged: every broken operation is named ("POST
 * /api/v1/orders") in the changelog's section "Unreleased". The current document is the published
 * {@code docs/api/openapi.json}, which {@link OpenApiDocumentIntegrationTests} holds equal to the live one.
 */
class OpenApiBreakingChangesTests {

    static final Path RELEASED = Path.of("docs/api/openapi-released.json");
    static final Path CHANGELOG = Path.of("docs/api/CHANGELOG.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyBreakingChangeSinceTheLastReleaseIsDeclaredInTheChangelog() throws IOException {
        List<String> broken = brokenOperations(Files.readString(RELEASED),
                Files.readString(OpenApiDocumentIntegrationTests.PUBLISHED));
        String unreleased = unreleasedSection(Files.readString(CHANGELOG));

        List<String> undeclared = broken.stream().filter(operation -> !unreleased.contains(operation)).toList();
        assertThat(undeclared).as("""
                operations that break clients of docs/api/openapi-released.json; name each in the section \
                '## Unreleased' of docs/api/CHANGELOG.md with what changed and what clients do about it, or make \
                the change compatible""").isEmpty();
    }

    @Test
    void removingAnOperationOrRequiringAParameterIsBreaking() throws IOException {
        String released = Files.readString(RELEASED);
        ObjectNode withoutOrderList = (ObjectNode) JSON.readTree(released);
        ((ObjectNode) withoutOrderList.path("paths").path("/api/v1/orders")).remove("get");
        ObjectNode limitRequired = (ObjectNode) JSON.readTree(released);
        limitRequired.path("paths").path("/api/v1/orders").path("get").path("parameters").forEach(p -> {
            if (p.path("name").asString().equals("limit")) {
                ((ObjectNode) p).put("required", true);
            }
        });

        assertThat(brokenOperations(released, released)).isEmpty();
        assertThat(brokenOperations(released, JSON.writeValueAsString(withoutOrderList)))
                .containsExactly("GET /api/v1/orders");
        assertThat(brokenOperations(released, JSON.writeValueAsString(limitRequired)))
                .containsExactly("GET /api/v1/orders");
    }

    /** "METHOD /path" of every operation of {@code before} that a client of it can no longer call as it did. */
    static List<String> brokenOperations(String before, String after) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(before, after);
        List<String> broken = new ArrayList<>();
        diff.getMissingEndpoints().forEach(e -> broken.add(e.getMethod() + " " + e.getPathUrl()));
        diff.getChangedOperations().stream().filter(o -> o.isIncompatible())
                .forEach(o -> broken.add(o.getHttpMethod() + " " + o.getPathUrl()));
        return broken.stream().distinct().sorted().toList();
    }

    static String unreleasedSection(String changelog) {
        int start = changelog.indexOf("## Unreleased");
        if (start < 0) {
            return "";
        }
        int end = changelog.indexOf("\n## ", start + 1);
        return end < 0 ? changelog.substring(start) : changelog.substring(start, end);
    }
}
