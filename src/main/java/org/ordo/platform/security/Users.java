package org.ordo.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Locales;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Role;
import org.ordo.platform.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who log in to the back office, each with one role (admin, agent or warehouse) and a language. Passwords
 * are stored only as BCrypt hashes; a disabled user cannot log in. Taking access away (disabling, another role, a
 * new password) ends the user's sessions in the same transaction (ADR 0006), and the last active admin cannot be
 * disabled or demoted. Every change is written to the {@link SecurityAuditLog}.
 */
@Repository
public class Users implements UserDetailsService {

    /** Roles a person may have; integrations use API keys. */
    public static final List<Role> PEOPLE_ROLES = List.of(Role.ADMIN, Role.AGENT, Role.WAREHOUSE, Role.PURCHASING);
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SecurityAuditLog audit;
    private final Clock clock;
    Users(JdbcClient jdbc, PasswordEncoder passwords, SecurityAuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** A user as listed: never the password hash. */
    public record UserInfo(UUID id, String username, Role role, String locale, boolean enabled, Instant createdAt,
            String createdBy) {
    }

    /** The user with password hash, role and access version read at one moment, so a login cannot outlive them. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled, access_version FROM users WHERE username = :u")
                .param("u", username == null ? "" : username.trim().toLowerCase())
                .query((rs, n) -> new Person(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString("role"))),
                        rs.getLong("access_version")))
                .optional().orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /**
     * Whether a session that logged in with this access version still grants access: the user is enabled and
     * nothing was taken away since. Asks the database each time (no cache), so it holds on every node at once.
     */
    public boolean stillHasAccess(String username, long accessVersion) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE username = :u AND enabled AND access_version = :v)")
                .param("u", username).param("v", accessVersion).query(Boolean.class).single();
    }

    /** Creates a user; 422 naming each bad field, 409 when the name is taken. */
    @Transactional
    public UserInfo create(String username, String password, Role role, String locale, String actor) {
        String name = username == null ? null : username.trim().toLowerCase();
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{1,49}")) {
            errors.add(new FieldError("username", Wording.of("platform.must_be_2_50_characters_letters")));
        }
        passwordErrors(password).ifPresent(errors::add);
        if (role == null || !PEOPLE_ROLES.contains(role)) {
            errors.add(new FieldError("role", Wording.of("platform.must_be_one_of", PEOPLE_ROLES)));
        }
        String lang = locale == null || locale.isBlank() ? Locales.FALLBACK : locale;
        if (!Locales.isSupported(lang)) {
            errors.add(new FieldError("locale", Wording.of("platform.must_be_one_of", Locales.SUPPORTED)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = Ids.next();
        int n = jdbc.sql("""
                INSERT INTO users (id, username, password_hash, role, locale, created_by, created_at, updated_at)
                VALUES (:id, :username, :hash, :role, :locale, :actor, :now, :now)
                ON CONFLICT (username) DO NOTHING
                """)
                .param("now", now()).param("id", id).param("username", name).param("hash", passwords.encode(password))
                .param("role", role.name()).param("locale", lang).param("actor", actor).update();
        if (n == 0) {
            throw new ConflictException("duplicate", "Duplicate", Wording.of("platform.a_user_named_exists", name));
        }
        audit.record(SecurityEventKind.USER_CREATED, "user:" + name, "role " + role.name());
        return require(id);
    }

    /**
     * Creates {@code admin} with this password unless a user of that name exists (then nothing changes, so a
     * password changed in the back office survives restarts). True when it was created. Safe with several nodes.
     */
    @Transactional
    public boolean ensureAdmin(String password, String actor) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ordo.user-bootstrap'))").query().listOfRows();
        if (find("admin").isPresent()) {
            return false;
        }
        create("admin", password, Role.ADMIN, Locales.FALLBACK, actor);
        return true;
    }

    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users)").query(Boolean.class).single();
    }

    public List<UserInfo> list() {
        return jdbc.sql("SELECT * FROM users ORDER BY username").query(Users::info).list();
    }

    public Optional<UserInfo> find(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username = :u").param("u", username).query(Users::info)
                .optional();
    }

    public UserInfo require(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id").param("id", id).query(Users::info).optional()
                .orElseThrow(() -> new NotFoundException("User", id));
    }

    /**
     * Gives a user another role and ends their sessions, so that the new role applies from their next request.
     * Refuses (409 {@code last-admin}) to demote the last enabled admin.
     */
    @Transactional
    public UserInfo changeRole(UUID id, Role role) {
        if (role == null || !PEOPLE_ROLES.contains(role)) {
            throw new InvalidInputException("role", Wording.of("platform.must_be_one_of", PEOPLE_ROLES));
        }
        UserInfo before = require(id);
        if (before.role() == role) {
            return before;
        }
        takeAccessAway(id, "UPDATE users SET role = :v, " + TAKE_AWAY + " WHERE id = :id" + KEEPS_AN_ADMIN,
                role.name(), "role");
        audit.record(SecurityEventKind.USER_ROLE_CHANGED, "user:" + before.username(),
                before.role().name() + " -> " + role.name());
        return require(id);
    }

    /**
     * Enables or disables a user. Disabling ends their sessions at once; the last enabled admin cannot be disabled
     * (409 {@code last-admin}).
     */
    @Transactional
    public UserInfo enable(UUID id, boolean enabled) {
        UserInfo before = require(id);
        if (before.enabled() == enabled) {
            return before;
        }
        if (enabled) {
            update(id, "UPDATE users SET enabled = :v, updated_at = :now WHERE id = :id", true);
        } else {
            takeAccessAway(id, "UPDATE users SET enabled = :v, " + TAKE_AWAY + " WHERE id = :id" + KEEPS_AN_ADMIN,
                    false, "enabled");
        }
        audit.record(enabled ? SecurityEventKind.USER_ENABLED : SecurityEventKind.USER_DISABLED,
                "user:" + before.username(), null);
        return require(id);
    }

    /** Sets a new password (422 when it is too short) and ends the user's sessions: they log in with the new one. */
    @Transactional
    public UserInfo resetPassword(UUID id, String password) {
        passwordErrors(password).ifPresent(e -> {
            throw new InvalidInputException(List.of(e));
        });
        UserInfo before = require(id);
        takeAccessAway(id, "UPDATE users SET password_hash = :v, " + TAKE_AWAY + " WHERE id = :id",
                passwords.encode(password), "password");
        audit.record(SecurityEventKind.USER_PASSWORD_RESET, "user:" + before.username(), null);
        return require(id);
    }

    /** Moves the access version on: every session that logged in before grants nothing from its next request. */
    private static final String TAKE_AWAY = "access_version = access_version + 1, updated_at = :now";

    /**
     * The change applies unless it leaves no enabled admin: another enabled admin must exist, read after the lock
     * below (so two admins demoting each other at once cannot both succeed).
     */
    private static final String KEEPS_AN_ADMIN = " AND (role <> 'ADMIN' OR NOT enabled"
            + " OR EXISTS (SELECT 1 FROM users o WHERE o.role = 'ADMIN' AND o.enabled AND o.id <> users.id))";

    /**
     * Runs a change that takes access away under the lock that serialises such changes, then deletes the user's
     * stored sessions (the version check refuses them anyway; this frees them at once). Zero rows changed for an
     * existing user means the last admin would be lost: 409.
     */
    private void takeAccessAway(UUID id, String sql, Object value, String field) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ordo.last-admin-user'))").query().listOfRows();
        if (jdbc.sql(sql).param("id", id).param("v", value).param("now", now()).update() == 0) {
            String name = require(id).username();
            audit.recordRefusal(SecurityEventKind.LOCKOUT_REFUSED, "user:" + name, field);
            throw new ConflictException("last-admin", "Last admin",
                    Wording.of("platform.is_the_last_enabled_admin_make", name, field));
        }
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = (SELECT username FROM users WHERE id = :id)")
                .param("id", id).update();
    }

    /** The language the back office speaks to this user. */
    @Transactional
    public void changeLocale(String username, String locale) {
        if (!Locales.isSupported(locale)) {
            throw new InvalidInputException("locale", Wording.of("platform.must_be_one_of", Locales.SUPPORTED));
        }
        jdbc.sql("UPDATE users SET locale = :l, updated_at = :now WHERE username = :u")
                .param("l", locale).param("u", username).param("now", now()).update();
    }

    private void update(UUID id, String sql, Object value) {
        if (jdbc.sql(sql).param("id", id).param("v", value).param("now", now()).update() == 0) {
            throw new NotFoundException("User", id);
        }
    }

    private static Optional<FieldError> passwordErrors(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of(new FieldError("password", Wording.of("platform.must_be_at_least_characters",
                    MIN_PASSWORD_LENGTH)));
        }
        if (password.length() > 72) { // BCrypt reads 72 bytes at most
            return Optional.of(new FieldError("password", Wording.of("platform.must_be_at_most_72_characters")));
        }
        return Optional.empty();
    }

    private static UserInfo info(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new UserInfo(rs.getObject("id", UUID.class), rs.getString("username"),
                Role.valueOf(rs.getString("role")), rs.getString("locale"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
