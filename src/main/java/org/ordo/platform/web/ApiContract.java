package org.ordo.platform.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.ordo.platform.IdempotentAnswer;
import org.ordo.platform.security.AccessRule;
import org.ordo.platform.security.AccessRules;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes the OpenAPI document say what the server does, by rule, so that a new controller is described correctly
 * without annotations of its own: every operation lists the problem answers it can give (one shared {@code Problem}
 * schema, {@code application/problem+json}); operations that {@link AccessRules} leaves open say {@code security: []};
 * bytes are binary; JSON is {@code application/json}, never {@code *}{@code /*}; a field that may be null says so.
 * The rules follow {@link ApiExceptionHandler} and the security chain; docs/api/contract.md explains them.
 */
@Component
class ApiContract implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    static final String PROBLEM = "application/problem+json";
    static final String JSON = "application/json";
    private static final String ANY = "*/*";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Why each status is answered, in the words of the problem's title. */
    private static final Map<String, String> PROBLEM_ANSWERS = Map.ofEntries(
            Map.entry("400", "Malformed request: JSON, a parameter or a signature that cannot be read; "
                    + "errors[] names the field"),
            Map.entry("401", "No valid API key: send Authorization: Bearer <API key>"),
            Map.entry("403", "The key's role may not call this operation"),
            Map.entry("404", "Nothing with this id or number, in the path or named in the body"),
            Map.entry("409", "Refused in the current state (an illegal transition, a duplicate, not enough stock: "
                    + "shortages[] names the lines); nothing was changed"),
            Map.entry("413", "The body is larger than the server takes"),
            Map.entry("415", "The body's Content-Type is not one this operation takes"),
            Map.entry("422", "Invalid input; errors[] names every invalid field; nothing was changed"),
            Map.entry("500", "Failure on the server's side; nothing was changed"),
            Map.entry("503", "The database cannot be reached right now; nothing was changed; retry after "
                    + "Retry-After seconds"));

    /** Binary answers and bodies: a {@code byte[]} in the controller is a file on the wire, not a base64 string. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (returnsBytes(handler) && operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.setContent(binary(response.getContent(), "application/octet-stream"));
                }
            });
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Content content = operation.getRequestBody().getContent();
            boolean bytes = content.values().stream().anyMatch(media -> isByteString(media.getSchema()));
            boolean files = content.keySet().stream().anyMatch(type -> !type.contains("json"));
            if (bytes && files) {
                // a file upload: the JSON media type is only springdoc's default for a body
                content.keySet().removeIf(type -> type.contains("json"));
            }
            content.forEach((type, media) -> {
                if (isByteString(media.getSchema()) || media.getSchema() == null && bytes) {
                    media.setSchema(type.contains("json") ? new ObjectSchema()
                            .description("The JSON document exactly as the sender signed it") : binarySchema());
                }
            });
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas("FieldError", new ObjectSchema()
                .description("One invalid field: a JSON path such as lines[1].quantity, or a parameter's name")
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())
                .addProperty("pointer", new StringSchema().description(
                        "for a fault in a JSON body: the same place as an RFC 6901 JSON pointer, e.g. /lines/1/quantity"))
                .required(List.of("field", "message")));
        api.getComponents().addSchemas("Shortage", new ObjectSchema()
                .description("A line that cannot be reserved in full")
                .addProperty("lineNo", new IntegerSchema())
                .addProperty("sku", new StringSchema())
                .addProperty("requested", new IntegerSchema().format("int64"))
                .addProperty("available", new IntegerSchema().format("int64")));
        api.getComponents().addSchemas("Problem", new ObjectSchema()
                .description("An RFC 9457 problem answer with Ordo's extensions")
                .addProperty("type", new StringSchema().format("uri").example("urn:ordo:problem:validation")
                        .description("urn:ordo:problem:<name>, stable for programs to decide on"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("Every invalid field at once (400, 401, 413, 422)"))
                .addProperty("shortages", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Shortage"))
                        .description("The lines short of stock (409 on placing an order)"))
                // RFC 9457: an absent type means about:blank; conflicts add members naming what is in the way
                // (quoteStatus, sku, location …), which a client may read and must otherwise ignore
                .additionalProperties(true)
                .required(List.of("title", "status")));

        Map<String, AccessRule> rules = new LinkedHashMap<>();
        AccessRules.OPERATIONS.forEach(rule -> rules.put(rule.operation(), rule));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            AccessRule rule = rules.get(method.name() + " " + path);
            boolean open = rule != null && rule.isOpen();
            if (open) {
                operation.setSecurity(List.of());
            }
            describeWhoMayCall(operation, rule);
            dropContentTypeParameter(operation);
            boolean idempotent = requireIdempotencyKey(operation);
            explicitMediaTypes(operation);
            addProblems(operation, method, !open, hasPathVariable(operation));
            if (idempotent) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeaderObject(IdempotentAnswer.REPLAYED, new Header().schema(new Schema<Boolean>()
                                .type("boolean")).description("true when this is the stored answer to an earlier "
                                        + "request with the same Idempotency-Key"));
                        response.addHeaderObject("Location", new Header().schema(new StringSchema()
                                .format("uri-reference")).description("where the created resource is read"));
                    }
                });
            }
            operation.getParameters();
        }));
        nullableWhereNotRequired(api);
        api.setPaths(sorted(api.getPaths()));
    }

    /** The access table's row, in the operation's description: who may call it, or why no key is needed. */
    private static void describeWhoMayCall(Operation operation, AccessRule rule) {
        if (rule == null) {
            return;
        }
        String who = rule.isOpen() ? "No API key needed: " + rule.openBecause() + "."
                : "Who may call it: " + String.join(", ", rule.rolesInOrder().stream().map(Enum::name).toList())
                        + " (see docs/security.md).";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who
                : description.strip() + "\n\n" + who);
    }

    /** Problem answers by rule: what the exception handler and the security chain can answer to this operation. */
    private static void addProblems(Operation operation, PathItem.HttpMethod method, boolean secured,
            boolean pathVariable) {
        ApiResponses responses = operation.getResponses();
        List<String> statuses = new ArrayList<>(List.of("400"));
        if (secured) {
            statuses.addAll(List.of("401", "403"));
        }
        if (pathVariable || operation.getRequestBody() != null) {
            // a body names things too (the order a payment is for, the location of a pick list)
            statuses.add("404");
        }
        if (CHANGING.contains(method.name())) {
            statuses.add("409");
        }
        if (operation.getRequestBody() != null) {
            statuses.addAll(List.of("413", "415"));
        }
        if (operation.getRequestBody() != null || operation.getParameters() != null
                && !operation.getParameters().isEmpty()) {
            statuses.add("422");
        }
        statuses.addAll(List.of("500", "503"));
        for (String status : statuses) {
            ApiResponse response = responses.computeIfAbsent(status, s -> new ApiResponse());
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(PROBLEM_ANSWERS.get(status));
            }
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(PROBLEM_ANSWERS.getOrDefault(status, "A problem answer"));
                }
                response.setContent(new Content().addMediaType(PROBLEM,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
        });
        ApiResponse unavailable = responses.get("503");
        unavailable.addHeaderObject("Retry-After", new Header().description("seconds to wait before retrying")
                .schema(new IntegerSchema()));
        operation.setResponses(sortedResponses(responses));
    }

    private static ApiResponses sortedResponses(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    private static io.swagger.v3.oas.models.Paths sorted(io.swagger.v3.oas.models.Paths paths) {
        io.swagger.v3.oas.models.Paths sorted = new io.swagger.v3.oas.models.Paths();
        new TreeMap<>(paths).forEach(sorted::addPathItem);
        sorted.setExtensions(paths.getExtensions());
        return sorted;
    }

    /** The Content-Type header is the body's media type, which the request body already declares. */
    private static void dropContentTypeParameter(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(p -> "header".equals(p.getIn())
                    && "content-type".equalsIgnoreCase(p.getName()));
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
    }

    /**
     * Operations that take the key but do not need it: without one the request is still carried out once (a second
     * is refused with 409, or, for a booking, answered with what its reference booked), so the key only turns
     * that answer into the first one.
     */
    private static final java.util.Set<String> OPTIONAL_IDEMPOTENCY_KEY = java.util.Set.of("receiveReturn",
            "recordBankTransfer", "refundPayment",
            // a stock adjustment without a key is carried out as before the key existed: each one counts
            "adjustStock");

    /** Creating operations refuse a request without the key (422), so the document requires it. */
    private static boolean requireIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        boolean found = false;
        for (Parameter p : operation.getParameters()) {
            if ("header".equals(p.getIn()) && "Idempotency-Key".equalsIgnoreCase(p.getName())) {
                boolean optional = OPTIONAL_IDEMPOTENCY_KEY.contains(operation.getOperationId());
                p.setRequired(!optional);
                p.setSchema(new StringSchema().minLength(1).maxLength(255));
                p.setDescription((optional ? "Optional. " : "") + "A key unique to this request (a UUID, say): a retry "
                        + "with the same key and body gets the first answer again; the same key with another body is "
                        + "refused (422)");
                found = true;
            }
            if ("query".equals(p.getIn()) && "limit".equals(p.getName()) && p.getSchema() != null) {
                p.getSchema().setMinimum(java.math.BigDecimal.ONE);
            }
        }
        return found;
    }

    private static boolean hasPathVariable(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
    }

    /** JSON is application/json; binary content keeps the media types it was given. */
    private static void explicitMediaTypes(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(r -> r.setContent(json(r.getContent())));
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setContent(json(operation.getRequestBody().getContent()));
        }
    }

    private static Content json(Content content) {
        if (content == null || !content.containsKey(ANY)) {
            return content;
        }
        Content explicit = new Content();
        content.forEach((type, media) -> explicit.addMediaType(ANY.equals(type) ? JSON : type, media));
        return explicit;
    }

    private static Content binary(Content declared, String fallback) {
        Content content = new Content();
        if (declared != null) {
            declared.keySet().stream().filter(t -> !ANY.equals(t))
                    .forEach(t -> content.addMediaType(t, new MediaType().schema(t.contains("json")
                            ? new Schema<>().description("the JSON exactly as stored") : binarySchema())));
        }
        if (content.isEmpty()) {
            content.addMediaType(fallback, new MediaType().schema(binarySchema()));
        }
        return content;
    }

    private static Schema<?> binarySchema() {
        return new StringSchema().format("binary");
    }

    private static boolean isByteString(Schema<?> schema) {
        return schema != null && schema.get$ref() == null && "string".equals(schema.getType())
                && ("byte".equals(schema.getFormat()) || "binary".equals(schema.getFormat()));
    }

    private static boolean returnsBytes(HandlerMethod handler) {
        Type type = handler.getReturnType().getGenericParameterType();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && HttpEntity.class.isAssignableFrom(raw)) {
            type = p.getActualTypeArguments()[0];
        }
        return type == byte[].class || type instanceof Class<?> c
                && org.springframework.core.io.Resource.class.isAssignableFrom(c);
    }

    /**
     * Jackson writes every field, null ones too: a property that is not required may be null, and says so, so that a
     * client generated from the document reads an answer with a null {@code street2} or {@code hold}. OpenAPI 3.0
     * ignores keywords beside a {@code $ref}, so an object that may be null is nullable as a schema.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableWhereNotRequired(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> nullableObjects = new java.util.HashSet<>();
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null || Set.of("Problem", "FieldError", "Shortage").contains(name)) {
                return;
            }
            List<?> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            ((Map<String, Schema>) schema.getProperties()).forEach((property, s) -> {
                if (required.contains(property)) {
                    return;
                }
                if (s.get$ref() != null) {
                    nullableObjects.add(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
                } else {
                    s.setNullable(true);
                }
            });
        });
        nullableObjects.forEach(name -> {
            if (schemas.containsKey(name)) {
                schemas.get(name).setNullable(true);
            }
        });
    }
}
