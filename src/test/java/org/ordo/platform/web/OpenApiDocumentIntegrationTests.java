package org.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published document ({@code docs/api/openapi.json}) is the live one: a change to a controller or a record that
 * changes the API changes the committed file in the same commit, where a reviewer sees it, and a breaking change is
 * caught by {@link OpenApiBreakingChangesTests}. The live document is always written to
 * {@code target/openapi.json}, so regenerating is one copy.
 */
@IntegrationTest
class OpenApiDocumentIntegrationTests {

    static final Path PUBLISHED = Path.of("docs/api/openapi.json");
    static final Path LIVE = Path.of("target/openapi.json");
    private static final JsonMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void thePublishedDocumentIsTheLiveDocument() throws IOException {
        Api.Response answer = Api.admin(port).as(null).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        String live = PRETTY.writeValueAsString(answer.json()) + "\n";
        Files.writeString(LIVE, live);

        String published = Files.exists(PUBLISHED) ? Files.readString(PUBLISHED) : "";
        if (!published.equals(live)) {
            throw new AssertionError("docs/api/openapi.json differs from the live document (written to "
                    + "target/openapi.json). If the change is meant, regenerate the published one with\n"
                    + "    cp target/openapi.json docs/api/openapi.json\n"
                    + "and declare a breaking change in docs/api/CHANGELOG.md (OpenApiBreakingChangesTests says "
                    + "whether it is one).");
        }
    }

    /** The YAML form that tools such as linters and gateways prefer is the same document. */
    @Test
    void theYamlFormIsTheSameDocument() throws IOException {
        Api.Response json = Api.admin(port).as(null).get("/v3/api-docs");
        Api.Response yaml = Api.admin(port).as(null).get("/v3/api-docs.yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/vnd.oai.openapi");
        assertThat(io.swagger.v3.core.util.Yaml.mapper().readTree(yaml.body()))
                .isEqualTo(io.swagger.v3.core.util.Json.mapper().readTree(json.body()));
    }

    /**
     * What a client generator needs to give every operation a stable, meaningful method: an operationId named for the
     * use case (no {@code _1} that depends on scan order), a summary, declared tags; and explicit media types with
     * the shared problem schema on every error answer.
     */
    @Test
    void everyOperationIsNamedDescribedAndAnswersProblems() {
        JsonNode document = Api.admin(port).as(null).get("/v3/api-docs").json();
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> declaredTags = new java.util.HashSet<>();
        document.path("tags").forEach(t -> {
            if (!t.path("description").asString("").isBlank()) {
                declaredTags.add(t.path("name").asString());
            }
        });
        java.util.List<String> wrong = new java.util.ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String name = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            String id = operation.path("operationId").asString("");
            if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                wrong.add(name + ": operationId '" + id + "' is missing, suffixed or taken");
            }
            if (operation.path("summary").asString("").isBlank()) {
                wrong.add(name + ": no summary");
            }
            operation.path("tags").forEach(t -> {
                if (!declaredTags.contains(t.asString())) {
                    wrong.add(name + ": tag '" + t.asString() + "' is not declared with a description");
                }
            });
            operation.path("responses").properties().forEach(response -> {
                response.getValue().path("content").properties().forEach(media -> {
                    if (media.getKey().equals("*/*")) {
                        wrong.add(name + " " + response.getKey() + ": media type */*");
                    }
                    if (response.getKey().matches("[45]..") && !(media.getKey().equals("application/problem+json")
                            && media.getValue().path("schema").path("$ref").asString("")
                                    .equals("#/components/schemas/Problem"))) {
                        wrong.add(name + " " + response.getKey() + ": not the Problem schema");
                    }
                });
            });
            operation.path("parameters").forEach(parameter -> {
                if (parameter.path("name").asString("").equalsIgnoreCase("Content-Type")) {
                    wrong.add(name + ": Content-Type as a parameter");
                }
            });
        }));
        assertThat(wrong).isEmpty();
    }

    static JsonNode read(Path path) throws IOException {
        return PRETTY.readTree(Files.readString(path));
    }
}
