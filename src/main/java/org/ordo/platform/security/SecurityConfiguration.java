package org.ordo.platform.security;

import java.util.List;

import org.ordo.platform.FieldError;
import org.ordo.platform.Role;
import org.ordo.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's security chain. Integrations and scripts use API keys with a role; who may call what is decided by
 * {@link AccessRules} alone. People log in to the back office through its own chain (org.ordo.backoffice), with the
 * users of {@link Users}. Denials are problem answers: 401 without a valid key, 403 when the key's role may not do
 * this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * No observation per security filter, authentication and authorization: wrapping each of the chain's dozen
     * filters in an observation showed in the placement profile, and nothing reads those figures. Requests are
     * still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** First: API paths are answered here (keys, problem answers); every other path goes to the back office's chain. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/problem+json");
            var problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    e.getMessage() == null || e.getMessage().startsWith("Full authentication")
                            ? "An API key is required: Authorization: Bearer <API key>" : e.getMessage());
            problem.setProperty("errors", List.of(new FieldError("Authorization", problem.getDetail())));
            json.writeValue(response.getOutputStream(), problem);
        };
        ApiKeyAuthenticationFilter.Unavailable unavailable = (response, e) -> {
            log.warn("Database unavailable while checking an API key: {}", e.getMessage());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            response.setContentType("application/problem+json");
            json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Service unavailable", "The database cannot be reached right now; nothing was changed. "
                            + "Try again shortly."));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            String allowed = allowedMethods(request);
            if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                // The path exists, the method does not: that is no question of roles (RFC 9110: 405 with Allow).
                response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
                response.setHeader(HttpHeaders.ALLOW, allowed);
                response.setContentType("application/problem+json");
                json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed", "Method not allowed", request.getMethod() + " is not allowed on "
                                + request.getRequestURI() + "; allowed: " + allowed));
                return;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType("application/problem+json");
            json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "This API key's role may not " + request.getMethod() + " " + request.getRequestURI()));
        };
        RequestMatcher open = new OrRequestMatcher(AccessRules.apiChain().stream().filter(AccessRule::isOpen)
                .map(SecurityConfiguration::matcher).toList());
        http.securityMatcher(AccessRules.API_CHAIN.toArray(String[]::new))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, open, unauthorized, unavailable),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    for (AccessRule rule : AccessRules.apiChain()) {
                        var requests = a.requestMatchers(matcher(rule));
                        if (rule.isOpen()) {
                            requests.permitAll();
                        } else {
                            requests.hasAnyRole(rule.rolesInOrder().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    // Default deny: a path without a row (a new endpoint, a method nobody listed) is refused to every
                    // key, so that nothing is reachable before someone decided who may call it.
                    a.anyRequest().denyAll();
                });
        return http.build();
    }

    /** The methods the access table lists for this request's path (any role), as an Allow header; empty if none. */
    private static String allowedMethods(jakarta.servlet.http.HttpServletRequest request) {
        return AccessRules.OPERATIONS.stream()
                .filter(rule -> PathPatternRequestMatcher.withDefaults().matcher(rule.path()).matches(request))
                .map(rule -> rule.method().name()).distinct().sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static RequestMatcher matcher(AccessRule rule) {
        return PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.path());
    }
}
