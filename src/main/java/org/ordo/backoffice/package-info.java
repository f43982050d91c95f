/**
 * The back office: the web UI for people (agents, warehouse, admins), server-rendered with Thymeleaf and htmx,
 * behind a form login with the users of {@link org.ordo.platform.security.Users}; and the customers' tracking page
 * ({@code /track/{token}}, no login). It reads and changes everything through the other modules' public services.
 *
 * <h2>How a screen plugs in</h2>
 * <ol>
 * <li>A {@link org.ordo.backoffice.Screen} bean: its path, its navigation label key and the roles that may open it.
 *     The security chain lets exactly those roles in under that path; the header lists it for them. Declare it
 *     next to the controller, e.g. {@code @Bean static Screen pickLists() { return new Screen("/warehouse/pick-lists",
 *     "nav.pick-lists", 30, Role.ADMIN, Role.WAREHOUSE); }} (static, so that the access matrix in docs/security.md
 *     can list it: regenerate it as AccessMatrixTests says). An action on a screen that fewer roles may take is a
 *     row of {@code AccessRules.PAGE_ACTIONS}, which the chain matches before the screens.</li>
 * <li>A controller in {@code org.ordo.backoffice.web} (so the layout's model attributes and error pages apply)
 *     returning a view under {@code templates/backoffice/}.</li>
 * <li>The template wraps its content in the layout: {@code <html th:replace="~{backoffice/layout :: page(~{::title},
 *     ~{::main})}">} with a {@code <title>} and a {@code <main>}; forms use {@code th:action} (the CSRF token is
 *     added by itself), htmx requests carry it from the layout's {@code hx-headers}.</li>
 * <li>Its texts as keys in all four {@code messages/backoffice_{de,en,es,ko}.properties};
 *     {@code BackofficeMessagesTests} fails when a key used by a template is missing in any language.</li>
 * <li>After a change, redirect with a flash: {@code Flash.success(redirect, "key", args...)}.</li>
 * </ol>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Back office")
package org.ordo.backoffice;
