package org.ordo.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.ordo.platform.Actor;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can call the API: creates {@code ORDO_BOOTSTRAP_API_KEY} as an admin key, or, when no key
 * exists at all, issues one and writes it to {@code <data dir>/admin-api-key} (readable by the owner only).
 */
@Component
@ConditionalOnProperty(name = "ordo.mode", havingValue = "server", matchIfMissing = true)
@Order(0)
class ApiKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyBootstrap.class);

    private final ApiKeys keys;
    private final OrdoProperties properties;

    ApiKeyBootstrap(ApiKeys keys, OrdoProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String bootstrap = properties.bootstrapApiKey();
        if (bootstrap != null && !bootstrap.isBlank()) {
            keys.ensure("bootstrap", Role.ADMIN, bootstrap.trim(), Actor.SYSTEM);
            return;
        }
        var first = keys.issueFirst("initial-admin", Actor.SYSTEM);
        if (first.isPresent()) {
            var issued = first.get();
            Path file = properties.dataDir().resolve("admin-api-key");
            Files.createDirectories(file.getParent());
            Files.writeString(file, issued.key() + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("No API key existed: issued admin key 'initial-admin', written to {}", file.toAbsolutePath());
        }
    }
}
