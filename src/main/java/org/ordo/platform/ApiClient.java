package org.ordo.platform;

import java.util.UUID;

/**
 * An authenticated API key: its id, its name, its role, and the marketplace it may act for (null: none). Only a
 * key bound to a marketplace may place orders that the marketplace has already been paid for.
 */
public record ApiClient(UUID id, String name, Role role, String marketplace) {

    public ApiClient(UUID id, String name, Role role) {
        this(id, name, role, null);
    }
}
