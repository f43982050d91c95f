package org.ordo.platform.security;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who log in to the back office, each with one role (admin, agent or warehouse) and a language. Passwords
 * are stored only as BCrypt hashes; a disabled user cannot log in.
 */
@Repository
public class Users implements UserDetailsService {

    /** Roles a person may have; integrations use API keys. */
    public static final List<Role> PEOPLE_ROLES = List.of(Role.ADMIN, Role.AGENT, Role.WAREHOUSE);
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Users(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** A user as listed: never the password hash. */
    public record UserInfo(UUID id, String username, Role role, String locale, boolean enabled, Instant createdAt,
            String createdBy) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM users WHERE username = :u")
                .param("u", username == null ? "" : username.trim().toLowerCase())
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString("role"))))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional().orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /** Creates a user; 422 naming each bad field, 409 when the name is taken. */
    @Transactional
    public UserInfo create(String username, String password, Role role, String locale, String actor) {
        String name = username == null ? null : username.trim().toLowerCase();
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{1,49}")) {
            errors.add(new FieldError("username", "must be 2-50 characters: letters, digits, '.', '_', '-'"));
        }
        passwordErrors(password).ifPresent(errors::add);
        if (role == null || !PEOPLE_ROLES.contains(role)) {
            errors.add(new FieldError("role", "must be one of " + PEOPLE_ROLES));
        }
        String lang = locale == null || locale.isBlank() ? Locales.FALLBACK : locale;
        if (!Locales.isSupported(lang)) {
            errors.add(new FieldError("locale", "must be one of " + Locales.SUPPORTED));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = Ids.next();
        int n = jdbc.sql("""
                INSERT INTO users (id, username, password_hash, role, locale, created_by)
                VALUES (:id, :username, :hash, :role, :locale, :actor)
                ON CONFLICT (username) DO NOTHING
                """)
                .param("id", id).param("username", name).param("hash", passwords.encode(password))
                .param("role", role.name()).param("locale", lang).param("actor", actor).update();
        if (n == 0) {
            throw new ConflictException("duplicate", "Duplicate", "A user named " + name + " exists");
        }
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

    /** Gives a user another role; it applies from their next login. */
    @Transactional
    public UserInfo changeRole(UUID id, Role role) {
        if (role == null || !PEOPLE_ROLES.contains(role)) {
            throw new InvalidInputException("role", "must be one of " + PEOPLE_ROLES);
        }
        update(id, "UPDATE users SET role = :v, updated_at = now() WHERE id = :id", role.name());
        return require(id);
    }

    /** Enables or disables a user; a disabled user cannot log in. */
    @Transactional
    public UserInfo enable(UUID id, boolean enabled) {
        update(id, "UPDATE users SET enabled = :v, updated_at = now() WHERE id = :id", enabled);
        return require(id);
    }

    /** Sets a new password (422 when it is too short). */
    @Transactional
    public UserInfo resetPassword(UUID id, String password) {
        passwordErrors(password).ifPresent(e -> {
            throw new InvalidInputException(List.of(e));
        });
        update(id, "UPDATE users SET password_hash = :v, updated_at = now() WHERE id = :id",
                passwords.encode(password));
        return require(id);
    }

    /** The language the back office speaks to this user. */
    @Transactional
    public void changeLocale(String username, String locale) {
        if (!Locales.isSupported(locale)) {
            throw new InvalidInputException("locale", "must be one of " + Locales.SUPPORTED);
        }
        jdbc.sql("UPDATE users SET locale = :l, updated_at = now() WHERE username = :u")
                .param("l", locale).param("u", username).update();
    }

    private void update(UUID id, String sql, Object value) {
        if (jdbc.sql(sql).param("id", id).param("v", value).update() == 0) {
            throw new NotFoundException("User", id);
        }
    }

    private static Optional<FieldError> passwordErrors(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of(new FieldError("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (password.length() > 72) { // BCrypt reads 72 bytes at most
            return Optional.of(new FieldError("password", "must be at most 72 characters"));
        }
        return Optional.empty();
    }

    private static UserInfo info(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new UserInfo(rs.getObject("id", UUID.class), rs.getString("username"),
                Role.valueOf(rs.getString("role")), rs.getString("locale"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
