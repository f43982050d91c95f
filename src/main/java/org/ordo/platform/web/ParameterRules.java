package org.ordo.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordo.platform.Address;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Wording;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The bounds of the API's text parameters in one table, by name: the OpenAPI document states them and the server
 * refuses (422, naming the parameter) what breaks them, both from this table, so they cannot disagree. A code, a
 * SKU, a number or an id in a path or a query is an identifier; free text has a length. Numbers state their bounds
 * with Bean Validation on the controller's parameter ({@code @Min}, {@code @Max}), which the document shows and
 * Spring checks; a page size without its own {@code @Max} is bounded by {@code ORDO_API_MAX_PAGE_SIZE}; a list
 * of an enum's values takes each value at most once. docs/api/contract.md describes the rule.
 */
@Component
class ParameterRules implements GlobalOperationCustomizer, HandlerInterceptor, WebMvcConfigurer {

    /** A bound on a text parameter: at most {@code maxLength} characters and, when given, the whole of {@code pattern}. */
    record Rule(int maxLength, String pattern, String says) {

        String fault(String value) {
            if (value.length() > maxLength) {
                return "must be at most " + maxLength + " characters";
            }
            if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
                return "must be " + says;
            }
            return null;
        }
    }

    /** Codes, SKUs, document numbers and ids: what every one of them fits (the modules check their own forms). */
    static final Rule IDENTIFIER = new Rule(64, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
            "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    /** A page cursor as {@code next} gives it (URL-safe Base64). */
    static final Rule CURSOR = new Rule(200, "^[A-Za-z0-9_-]{1,200}$", "a cursor as the last page's next gave it");
    /** A download link's secret (URL-safe Base64). */
    static final Rule TOKEN = new Rule(64, "^[A-Za-z0-9_-]{1,64}$", "the token of a download link");

    static final Map<String, Rule> TEXT = Map.ofEntries(
            Map.entry("sku", IDENTIFIER), Map.entry("code", IDENTIFIER), Map.entry("number", IDENTIFIER),
            Map.entry("id", IDENTIFIER), Map.entry("orderId", IDENTIFIER), Map.entry("order", IDENTIFIER),
            Map.entry("partner", IDENTIFIER), Map.entry("location", IDENTIFIER), Map.entry("bin", IDENTIFIER),
            Map.entry("carrier", IDENTIFIER), Map.entry("service", IDENTIFIER), Map.entry("supplier", IDENTIFIER),
            Map.entry("channel", IDENTIFIER), Map.entry("customer", IDENTIFIER),
            Map.entry("token", TOKEN), Map.entry("after", CURSOR),
            // a file import's source, as intake's FileImports.SOURCE_PATTERN states it in the document
            Map.entry("source", new Rule(64, "^[a-z0-9][a-z0-9._-]{0,63}$", "1-64 lower-case letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit")),
            Map.entry("q", new Rule(200, null, null)),
            Map.entry("filename", new Rule(255, null, null)), Map.entry("fileName", new Rule(255, null, null)),
            Map.entry("country", new Rule(2, "^[A-Za-z]{2}$", "an ISO 3166 alpha-2 country code such as DE")),
            Map.entry("postalCode", new Rule(Address.POSTAL_CODE, null, null)),
            Map.entry("region", new Rule(Address.REGION, null, null)));

    private final int maxPageSize;

    ParameterRules(OrdoProperties properties) {
        this.maxPageSize = properties.api().maxPageSize();
    }

    // --- the document -------------------------------------------------------------------------------------------

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return operation;
        }
        for (Parameter p : operation.getParameters()) {
            Schema<?> schema = p.getSchema();
            if (schema == null || !("query".equals(p.getIn()) || "path".equals(p.getIn()))) {
                continue;
            }
            Rule rule = TEXT.get(p.getName());
            // springdoc may share one schema object between parameters: each bound goes on a copy of its own
            if ("string".equals(schema.getType()) && schema.getEnum() == null && schema.getFormat() == null
                    && rule != null) {
                Schema<?> own = copy(schema);
                if (own.getMaxLength() == null) {
                    own.setMaxLength(rule.maxLength());
                }
                if (own.getPattern() == null && rule.pattern() != null) {
                    own.setPattern(rule.pattern());
                }
                p.setSchema(own);
            }
            if ("limit".equals(p.getName()) && schema.getMaximum() == null) {
                Schema<?> own = copy(schema);
                own.setMaximum(java.math.BigDecimal.valueOf(maxPageSize));
                p.setSchema(own);
            }
            if ("array".equals(schema.getType()) && schema.getMaxItems() == null && schema.getItems() != null
                    && schema.getItems().getEnum() != null) {
                Schema<?> own = copy(schema);
                own.setMaxItems(schema.getItems().getEnum().size());
                p.setSchema(own);
            }
        }
        return operation;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> copy(Schema<?> schema) {
        Schema own = new Schema<>();
        own.setType(schema.getType());
        own.setFormat(schema.getFormat());
        own.setDescription(schema.getDescription());
        if (schema.getDefault() != null) {
            own.setDefault(schema.getDefault());
        }
        if (schema.getExample() != null) {
            own.setExample(schema.getExample());
        }
        own.setMinimum(schema.getMinimum());
        own.setMaximum(schema.getMaximum());
        own.setMinLength(schema.getMinLength());
        own.setMaxLength(schema.getMaxLength());
        own.setPattern(schema.getPattern());
        own.setMinItems(schema.getMinItems());
        own.setMaxItems(schema.getMaxItems());
        own.setItems(schema.getItems());
        own.setNullable(schema.getNullable());
        return own;
    }

    // --- the server ---------------------------------------------------------------------------------------------

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/download/**");
    }

    /**
     * Checks the handler's text parameters against the table and its lists of enum values against their size,
     * before the handler reads anything: a fault is answered 422 naming each parameter, and nothing is done.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        List<FieldError> errors = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            PathVariable inPath = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam inQuery = parameter.getParameterAnnotation(RequestParam.class);
            String name = inPath != null ? named(inPath.name(), inPath.value(), parameter)
                    : inQuery != null ? named(inQuery.name(), inQuery.value(), parameter) : null;
            if (name == null) {
                continue;
            }
            List<String> values = inPath != null
                    ? (path == null || path.get(name) == null ? List.of() : List.of(path.get(name)))
                    : request.getParameterValues(name) == null ? List.of() : List.of(request.getParameterValues(name));
            Class<?> type = parameter.getParameterType();
            if (type == Boolean.class || type == boolean.class) {
                // JSON's words only, as in a body: Spring would also take yes, on and 1
                values.stream().filter(v -> !v.equals("true") && !v.equals("false")).findFirst()
                        .ifPresent(v -> errors.add(new FieldError(name, Wording.of("platform.must_be_true_or_false"))));
            } else if (type == String.class && TEXT.containsKey(name)) {
                values.stream().map(v -> TEXT.get(name).fault(v)).filter(f -> f != null).findFirst()
                        .ifPresent(f -> errors.add(new FieldError(name, f)));
            } else if (Collection.class.isAssignableFrom(type)) {
                Class<?> element = parameter.nested().getNestedParameterType();
                List<String> given = values.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).toList();
                // the values a list of text may take, as its documentation lists them
                io.swagger.v3.oas.annotations.Parameter documented = parameter
                        .getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
                List<String> allowed = documented == null ? List.of()
                        : List.of(documented.array().schema().allowableValues());
                int most = element.isEnum() ? element.getEnumConstants().length : allowed.size();
                if (!allowed.isEmpty() && !allowed.containsAll(given)) {
                    errors.add(new FieldError(name, Wording.of("platform.must_be_one_of", allowed)));
                } else if (most > 0 && given.size() > most) {
                    errors.add(new FieldError(name, Wording.of("platform.must_name_each_value_at_most", most)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return true;
    }

    private static String named(String name, String value, MethodParameter parameter) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getParameterName();
    }
}
