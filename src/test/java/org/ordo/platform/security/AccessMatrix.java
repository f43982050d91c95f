package org.ordo.platform.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.ordo.backoffice.Screen;
import org.ordo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The section "Who may call what" of docs/security.md, written from {@link AccessRules} and the back office's
 * {@link Screen} beans, so that the document says what the security chains do. {@link AccessMatrixTests} holds the
 * committed file against it and rewrites it on request.
 */
final class AccessMatrix {

    static final String BEGIN = "<!-- BEGIN GENERATED: access matrix (AccessMatrixTests; edit AccessRules, not this) -->";
    static final String END = "<!-- END GENERATED: access matrix -->";
    static final String REGENERATE = "./mvnw -B -ntp -q test -Dtest=AccessMatrixTests -Dordo.docs.write=true";

    private AccessMatrix() {
    }

    /** The section between the markers, markers included. */
    static String section(List<Screen> screens) {
        var md = new StringBuilder();
        md.append(BEGIN).append("\n");
        md.append("""
                ## Who may call what

                This section is generated from the access table in code
                (`src/main/java/org/ordo/platform/security/AccessRules.java`) and the back office's screens; the
                security chains are built from the same table. To change who may call what, change the table and
                regenerate this section with `%s`.

                Every call under `/api/v1` needs `Authorization: Bearer <API key>`, and the key's role must be
                ticked below. Without a valid key the answer is `401`; with a key whose role is not ticked it is
                `403`; both are problem answers. A path that is not in the table is refused to every key: `403`. A
                method that the table does not list for a path it does list is answered `405` with an `Allow` header
                naming the methods it does list.

                A new endpoint is therefore closed until it has a row in the table; `AccessRulesIntegrationTests`
                calls every operation of `/v3/api-docs` with a key of each role, without a key and with a wrong key,
                and fails when an operation has no row, a row no operation, or an answer differs from the table.

                A warehouse key reads orders but not invoices (with Ordo running on port 8080):

                ```sh
                KEY=$(cat data/admin-api-key)
                WAREHOUSE_KEY=$(curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \\
                  http://localhost:8080/api/v1/api-keys -d '{"name":"packing-station","role":"WAREHOUSE"}' \\
                  | sed 's/.*"key":"\\([^"]*\\)".*/\\1/')
                curl -s -o /dev/null -w '%%{http_code}\\n' -H "Authorization: Bearer $WAREHOUSE_KEY" \\
                  http://localhost:8080/api/v1/orders                    # 200
                curl -s -o /dev/null -w '%%{http_code}\\n' -H "Authorization: Bearer $WAREHOUSE_KEY" \\
                  http://localhost:8080/api/v1/invoices/INV-2026-000001  # 403
                ```

                """.formatted(REGENERATE));

        md.append("### API operations by area\n\n");
        roleTable(md, "area", "operation", AccessRules.OPERATIONS.stream().filter(r -> !r.isOpen()).toList(),
                true);

        md.append("\n### Operator endpoints\n\nAny method.\n\n");
        roleTable(md, "", "path", AccessRules.OPERATOR_ENDPOINTS.stream().filter(r -> !r.isOpen()).toList(),
                false);

        md.append("\n### Without a key or a login\n\n");
        md.append("A key sent to these is not looked at. Rows without a method take any method.\n\n");
        md.append("| operation | why |\n| --- | --- |\n");
        Predicate<AccessRule> open = AccessRule::isOpen;
        List<AccessRule> openRows = new ArrayList<>();
        AccessRules.OPERATIONS.stream().filter(open).forEach(openRows::add);
        AccessRules.OPERATOR_ENDPOINTS.stream().filter(open).forEach(openRows::add);
        AccessRules.OPEN_PAGES.forEach(openRows::add);
        for (AccessRule rule : openRows) {
            md.append("| `").append(rule.operation()).append("` | ").append(rule.openBecause()).append(" |\n");
        }

        md.append("""

                ### Back-office screens

                People log in to the back office with a user name and password; a user has one role. A screen is its
                path and everything under it; a page that is neither a screen nor listed above needs a login with
                any role. The header links only to the screens the user's role may open; any other screen answers
                with the 403 page.

                """);
        md.append("| screen |");
        for (Role role : Role.values()) {
            md.append(" ").append(role.name()).append(" |");
        }
        md.append("\n| --- |").append(" :-: |".repeat(Role.values().length)).append("\n");
        for (Screen screen : screens.stream().sorted(Comparator.comparingInt(Screen::position).thenComparing(Screen::path)).toList()) {
            md.append("| `").append(screen.path()).append("` |");
            for (Role role : Role.values()) {
                md.append(screen.openTo(role) ? " ✓ |" : " |");
            }
            md.append("\n");
        }
        md.append("\nActions narrower than the screen they are on:\n\n");
        roleTable(md, "", "action", AccessRules.PAGE_ACTIONS, false);
        md.append(END).append("\n");
        return md.toString();
    }

    private static void roleTable(StringBuilder md, String groupHeader, String rowHeader, List<AccessRule> rules,
            boolean grouped) {
        md.append(grouped ? "| " + groupHeader + " " : "").append("| ").append(rowHeader).append(" |");
        for (Role role : Role.values()) {
            md.append(" ").append(role.name()).append(" |");
        }
        md.append("\n").append(grouped ? "| --- " : "").append("| --- |")
                .append(" :-: |".repeat(Role.values().length)).append("\n");
        String area = null;
        for (AccessRule rule : rules) {
            if (grouped) {
                md.append("| ").append(Objects.equals(area, rule.area()) ? "" : rule.area()).append(" ");
                area = rule.area();
            }
            md.append("| `").append(rule.operation()).append("` |");
            for (Role role : Role.values()) {
                md.append(rule.allows(role) ? " ✓ |" : " |");
            }
            md.append("\n");
        }
    }

    /** The document with this section put between its markers: at the end when it has none yet. */
    static String into(String document, String section) {
        if (document == null || document.isBlank()) {
            return "# Security\n\n" + section;
        }
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            return document.stripTrailing() + "\n\n" + section;
        }
        int afterEnd = document.indexOf('\n', end);
        return document.substring(0, begin) + section + (afterEnd < 0 ? "" : document.substring(afterEnd + 1));
    }

    /** The section as it stands in the document, or null when it has no markers. */
    static String in(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            return null;
        }
        return document.substring(begin, end + END.length()) + "\n";
    }

    /**
     * The screens the back office declares: every static {@code @Bean} method returning a {@link Screen} in its
     * package, read without starting the application.
     */
    static List<Screen> screens() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Screen> screens = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(Screen.class.getPackageName())) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.getReturnType() != Screen.class || !method.isAnnotationPresent(Bean.class)) {
                    continue;
                }
                if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                    throw new IllegalStateException("Declare a Screen as a static @Bean method without parameters, "
                            + "so that the access matrix can read it: " + method);
                }
                try {
                    method.setAccessible(true);
                    screens.add((Screen) method.invoke(null));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return screens;
    }
}
