package org.ordo.platform.security;

import java.util.List;

import org.ordo.platform.FieldError;
import org.ordo.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Integrations and scripts use API keys with a role; every API path needs one. People log in
 * to the back office through its own chain (org.ordo.backoffice), with the users of {@link Users}.
 * Denials are problem answers: 401 without a valid key, 403 when the key's role may not do this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String ADMIN = "ADMIN";
    private static final String AGENT = "AGENT";
    private static final String WAREHOUSE = "WAREHOUSE";
    private static final String INTEGRATION = "INTEGRATION";

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
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType("application/problem+json");
            json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "This API key's role may not " + request.getMethod() + " " + request.getRequestURI()));
        };
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                        "/download/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, unauthorized, unavailable),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/api-keys/**", "/api/v1/admin/**").hasRole(ADMIN)
                        // Webhooks prove their sender by signature, checked before anything changes.
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/**",
                                "/api/v1/shipping/webhooks/**").permitAll()
                        .requestMatchers("/api/v1/payments/**").hasAnyRole(ADMIN, AGENT)
                        .requestMatchers("/api/v1/fulfillment/**", "/api/v1/shipping/**")
                                .hasAnyRole(ADMIN, WAREHOUSE)
                        .requestMatchers("/api/v1/digital/**").hasAnyRole(ADMIN, AGENT)
                        .requestMatchers("/api/v1/invoices/**").hasAnyRole(ADMIN, AGENT)
                        .requestMatchers("/api/v1/documents/**", "/api/v1/orders/*/documents",
                                "/api/v1/credit-notes/**", "/api/v1/orders/*/credit-notes").hasAnyRole(ADMIN, AGENT)
                        .requestMatchers("/download/**").permitAll()
                        // Returns: the warehouse takes goods in, agents approve refunds, people release quarantine.
                        .requestMatchers(HttpMethod.POST, "/api/v1/returns/*/receipts").hasAnyRole(ADMIN, WAREHOUSE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/returns/*/approval").hasAnyRole(ADMIN, AGENT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/returns/**")
                                .hasAnyRole(ADMIN, AGENT, WAREHOUSE, INTEGRATION)
                        .requestMatchers("/api/v1/returns/**").hasAnyRole(ADMIN, AGENT, INTEGRATION)
                        .requestMatchers(HttpMethod.POST, "/api/v1/inventory/quarantine/**")
                                .hasAnyRole(ADMIN, WAREHOUSE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/shipments/*/packing-slip")
                                .hasAnyRole(ADMIN, AGENT, WAREHOUSE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/locations/**", "/api/v1/articles/**",
                                "/api/v1/inventory/**").authenticated()
                        .requestMatchers("/api/v1/locations/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/articles/**").hasAnyRole(ADMIN, AGENT)
                        .requestMatchers("/api/v1/inventory/**").hasAnyRole(ADMIN, WAREHOUSE, INTEGRATION)
                        .requestMatchers("/api/v1/customers/**").hasAnyRole(ADMIN, AGENT, INTEGRATION)
                        .requestMatchers("/api/v1/suppliers/**").hasAnyRole(ADMIN, AGENT)
                        .requestMatchers("/api/v1/quotes/**").hasAnyRole(ADMIN, AGENT, INTEGRATION)
                        // Messages hold customers' names and addresses: people who answer customers only.
                        .requestMatchers("/api/v1/messages/**", "/api/v1/orders/*/messages").hasAnyRole(ADMIN, AGENT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/orders/**")
                                .hasAnyRole(ADMIN, AGENT, INTEGRATION, WAREHOUSE)
                        .requestMatchers("/api/v1/orders/**").hasAnyRole(ADMIN, AGENT, INTEGRATION)
                        .requestMatchers("/api/v1/inbound-documents/**").hasAnyRole(ADMIN, AGENT)
                        // Figures over all orders and stock: for the people who run the shop, not for integrations.
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**").hasAnyRole(ADMIN, AGENT)
                        .anyRequest().authenticated());
        return http.build();
    }

}
