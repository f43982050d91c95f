package org.ordo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Holds every answer the tests get through {@link Api} against the live OpenAPI document of the server that gave it:
 * status, media type and JSON body must be what the document declares for the operation. An answer that breaks the
 * document fails the test that caused it, so the document cannot promise what the server does not do. Requests to
 * paths or with methods the document does not describe (tests of unknown paths, hostile methods) are not judged.
 */
final class DocumentedAnswers {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private DocumentedAnswers() {
    }

    static void check(String base, HttpRequest request, HttpResponse<String> answer) {
        String path = request.uri().getPath();
        if (!METHODS.contains(request.method()) || path.startsWith("/v3/api-docs") || path.startsWith("/actuator")
                || !(path.startsWith("/api/") || path.startsWith("/download/"))) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        answer.headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator(base).validateResponse(path, Request.Method.valueOf(request.method()),
                response.build());
        if (report.hasErrors()) {
            StringBuilder text = new StringBuilder("The answer to " + request.method() + " " + path + " breaks the "
                    + "OpenAPI document (docs/api/contract.md): " + answer.statusCode() + " " + answer.body());
            report.getMessages().forEach(m -> text.append("\n  ").append(m.getKey()).append(": ")
                    .append(m.getMessage()));
            throw new AssertionError(text.toString());
        }
    }

    private static OpenApiInteractionValidator validator(String base) {
        return VALIDATORS.computeIfAbsent(base, b -> OpenApiInteractionValidator
                .createForInlineApiSpecification(document(b))
                .withLevelResolver(LevelResolver.create()
                        // only answers are judged here; what requests may be is the server's own refusal to judge
                        .withLevel("validation.request", com.atlassian.oai.validator.report.ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    private static String document(String base) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("No OpenAPI document at " + base + ": " + r.statusCode());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
