package org.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ordo.platform.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

class AccessRulesTests {

    @Test
    void noRowIsHiddenBehindAnEarlierRowThatDecidesOtherwise() {
        assertThat(shadowed(AccessRules.apiChain())).isEmpty();
        assertThat(shadowed(Stream.concat(AccessRules.OPEN_PAGES.stream(), AccessRules.PAGE_ACTIONS.stream())
                .toList())).isEmpty();
    }

    @Test
    void aLiteralPathAfterATemplateThatMatchesItIsReported() {
        var rules = List.of(AccessRule.of("Orders", HttpMethod.GET, "/api/v1/orders/{id}", Role.values()),
                AccessRule.of("Orders", HttpMethod.GET, "/api/v1/orders/export", Role.ADMIN));

        assertThat(shadowed(rules)).containsExactly("GET /api/v1/orders/export is decided by GET /api/v1/orders/{id}");
    }

    @Test
    void everyApiOperationNamesItsMethodAndARole() {
        assertThat(AccessRules.OPERATIONS).allSatisfy(rule -> {
            assertThat(rule.method()).as(rule.path()).isNotNull();
            assertThat(rule.isOpen() || !rule.roles().isEmpty()).isTrue();
        });
        assertThat(AccessRules.OPERATIONS.stream().filter(r -> r.path().startsWith("/api/v1/api-keys")))
                .allSatisfy(rule -> assertThat(rule.roles()).isEqualTo(Set.of(Role.ADMIN)));
    }

    @Test
    void aRuleIsEitherOpenOrForRoles() {
        assertThatThrownBy(() -> new AccessRule("x", HttpMethod.GET, "/x", Set.of(Role.ADMIN), "because"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessRule("x", HttpMethod.GET, "/x", Set.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Rows that an earlier row with other roles matches first, so that they never decide anything. */
    private static List<String> shadowed(List<AccessRule> rules) {
        var parser = PathPatternParser.defaultInstance;
        List<String> shadowed = new ArrayList<>();
        for (int later = 0; later < rules.size(); later++) {
            AccessRule rule = rules.get(later);
            var example = PathContainer.parsePath(rule.path().replaceAll("\\{[^}]+}", "x1").replace("**", "x1"));
            for (int earlier = 0; earlier < later; earlier++) {
                AccessRule first = rules.get(earlier);
                boolean sameMethod = first.method() == null || rule.method() == null
                        || first.method().equals(rule.method());
                boolean decidesOtherwise = !first.roles().equals(rule.roles())
                        || !Objects.equals(first.isOpen(), rule.isOpen());
                if (sameMethod && decidesOtherwise && parser.parse(first.path()).matches(example)) {
                    shadowed.add(rule.operation() + " is decided by " + first.operation());
                }
            }
        }
        return shadowed;
    }
}
