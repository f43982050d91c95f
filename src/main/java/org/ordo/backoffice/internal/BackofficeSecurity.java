package org.ordo.backoffice.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordo.backoffice.Screen;
import org.ordo.platform.Role;
import org.ordo.platform.security.AccessRule;
import org.ordo.platform.security.AccessRules;
import org.ordo.platform.security.LoginThrottle;
import org.ordo.platform.security.Users;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The browser's chain, after the API's: form login with the users of {@link Users}, throttled by
 * {@link LoginThrottle}; session cookies, each request checked by {@link SessionAccessCheck}; CSRF protection on
 * every form and htmx request. Each {@link Screen} is open to its roles only; the pages that need no login (the
 * customers' tracking page, the login page, static files) are rows of {@link AccessRules#OPEN_PAGES}, and actions
 * narrower than their screen rows of {@link AccessRules#PAGE_ACTIONS}. Every answer carries a
 * Content-Security-Policy that allows scripts, styles and connections from this server only (no inline scripts or
 * styles) and a Referrer-Policy that sends no address to other sites.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BackofficeSecurity {

    /** Charts draw on canvas (images from data: URLs when saved); nothing may frame the pages or post elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain backoffice(HttpSecurity http, List<Screen> screens, Users users, LocaleResolver locales,
            PasswordEncoder passwords, LoginThrottle throttle) throws Exception {
        var byPassword = new DaoAuthenticationProvider(users);
        byPassword.setPasswordEncoder(passwords);
        http.authenticationManager(new ProviderManager(throttle.protect(byPassword)));
        var loggedIn = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws ServletException, IOException {
                // Speak the user's language from the first page on.
                users.find(authentication.getName()).ifPresent(u -> locales.setLocale(request, response,
                        java.util.Locale.forLanguageTag(u.locale())));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        loggedIn.setDefaultTargetUrl("/");
        var toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(a -> {
            for (AccessRule page : AccessRules.OPEN_PAGES) {
                (page.method() == null ? a.requestMatchers(page.path()) : a.requestMatchers(page.method(), page.path()))
                        .permitAll();
            }
            for (AccessRule action : AccessRules.PAGE_ACTIONS) {
                (action.method() == null ? a.requestMatchers(action.path())
                        : a.requestMatchers(action.method(), action.path()))
                        .hasAnyRole(action.rolesInOrder().stream().map(Role::name).toArray(String[]::new));
            }
            for (Screen screen : screens) {
                a.requestMatchers(screen.path(), screen.path() + "/**")
                        .hasAnyRole(screen.roles().stream().map(Role::name).toArray(String[]::new));
            }
            a.anyRequest().authenticated();
        })
                .formLogin(f -> f.loginPage("/login").successHandler(loggedIn)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LoginThrottle.LoginThrottledException ? "/login?throttled"
                                        : "/login?error")))
                        .permitAll())
                .addFilterAfter(new SessionAccessCheck(users), SecurityContextHolderFilter.class)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Without a login: to the login page; an htmx request (a table refreshing itself after the session
                // ended) gets 401 with HX-Redirect, so that the whole page goes there, not just the table.
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    if (request.getHeader("HX-Request") != null) {
                        response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        toLogin.commence(request, response, ex);
                    }
                }))
                .headers(h -> h.frameOptions(o -> o.deny())
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
