package org.ordo.platform;

import java.util.UUID;

/** An authenticated API key: its id, its name and its role. */
public record ApiClient(UUID id, String name, Role role) {
}
