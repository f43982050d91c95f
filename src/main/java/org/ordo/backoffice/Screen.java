package org.ordo.backoffice;

import java.util.List;

import org.ordo.platform.Role;

/**
 * A screen of the back office: everything under {@code path} is open to {@code roles} only, and the header links
 * to it for them, ordered by {@code position}, labelled with the message {@code label}. See package-info.
 */
public record Screen(String path, String label, int position, List<Role> roles) {

    public Screen(String path, String label, int position, Role... roles) {
        this(path, label, position, List.of(roles));
    }

    public Screen {
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("A screen's path starts and does not end with '/': " + path);
        }
        roles = List.copyOf(roles);
    }

    public boolean openTo(Role role) {
        return roles.contains(role);
    }
}
