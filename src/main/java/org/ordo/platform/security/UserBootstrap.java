package org.ordo.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.ordo.platform.Actor;
import org.ordo.platform.OrdoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can log in to the back office: creates user {@code admin} with
 * {@code ORDO_BOOTSTRAP_ADMIN_PASSWORD}; or, on the embedded database with no user at all, with a random password
 * written to {@code <data dir>/admin-password} (readable by the owner only).
 */
@Component
@ConditionalOnProperty(name = "ordo.mode", havingValue = "server", matchIfMissing = true)
@Order(0)
class UserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

    private final Users users;
    private final OrdoProperties properties;
    private final String bootstrapPassword;

    UserBootstrap(Users users, OrdoProperties properties,
            @Value("${ordo.bootstrap-admin-password:}") String bootstrapPassword) {
        this.users = users;
        this.properties = properties;
        this.bootstrapPassword = bootstrapPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (bootstrapPassword != null && !bootstrapPassword.isBlank()) {
            if (users.ensureAdmin(bootstrapPassword, Actor.SYSTEM)) {
                log.info("Created back-office user 'admin' with the password from ORDO_BOOTSTRAP_ADMIN_PASSWORD");
            }
            return;
        }
        if (users.any()) {
            return;
        }
        if (!properties.db().embedded()) {
            log.warn("No back-office user exists: set ORDO_BOOTSTRAP_ADMIN_PASSWORD to create user 'admin'");
            return;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (!users.ensureAdmin(password, Actor.SYSTEM)) {
            return;
        }
        Path file = properties.dataDir().resolve("admin-password");
        Files.createDirectories(file.getParent());
        Files.writeString(file, password + System.lineSeparator());
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        log.info("No back-office user existed: created user 'admin', its password is in {}", file.toAbsolutePath());
    }
}
