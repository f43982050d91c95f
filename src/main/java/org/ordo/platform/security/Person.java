package org.ordo.platform.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person logged in to the back office, with the access version of their user row read together with the
 * password hash. The session keeps it; once the row's version moves on (disabled, another role, a new password)
 * the session no longer grants anything (ADR 0006).
 */
public final class Person extends User {

    private static final long serialVersionUID = 1L;

    private final long accessVersion;

    Person(String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> authorities,
            long accessVersion) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.accessVersion = accessVersion;
    }

    public long accessVersion() {
        return accessVersion;
    }
}
