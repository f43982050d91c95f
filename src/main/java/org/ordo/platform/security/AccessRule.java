package org.ordo.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ordo.platform.Role;
import org.springframework.http.HttpMethod;

/**
 * One row of {@link AccessRules}: requests with {@code method} (null: any) to a path matching {@code path} (a Spring
 * path pattern, for API operations exactly the path of the OpenAPI document) may be made by {@code roles}; or by
 * anyone when {@code openBecause} says why no key or login is needed.
 */
public record AccessRule(String area, HttpMethod method, String path, Set<Role> roles, String openBecause) {

    public AccessRule {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path pattern starts with '/': " + path);
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (roles.isEmpty() == (openBecause == null)) {
            throw new IllegalArgumentException("A rule names roles or says why it is open, not both: " + path);
        }
    }

    /** Open to these roles only. */
    static AccessRule of(String area, HttpMethod method, String path, Role... roles) {
        return new AccessRule(area, method, path, Set.of(roles), null);
    }

    /** Open to everyone, for the reason given (it is shown in the access matrix). */
    static AccessRule open(String area, HttpMethod method, String path, String because) {
        return new AccessRule(area, method, path, Set.of(), because);
    }

    public boolean isOpen() {
        return openBecause != null;
    }

    public boolean allows(Role role) {
        return isOpen() || roles.contains(role);
    }

    /** The roles in their declared order (ADMIN first), for answers and documents. */
    public List<Role> rolesInOrder() {
        return roles.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(roles));
    }

    /** {@code GET /api/v1/orders}, or the path alone when any method is meant. */
    public String operation() {
        return method == null ? path : method.name() + " " + path;
    }
}
