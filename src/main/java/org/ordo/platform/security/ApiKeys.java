package org.ordo.platform.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.ApiClient;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Ids;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Role;
import org.ordo.platform.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys, stored only as SHA-256 hashes. Keys are 256 random bits, so a fast hash is enough: there is no
 * password to guess. The first characters are kept as a prefix so people can tell keys apart.
 */
@Repository
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApiKeyCache cache;
    private final SecurityAuditLog audit;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, ApiKeyCache cache, SecurityAuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** A key as listed: never the key itself. */
    public record ApiKeyInfo(UUID id, String name, String prefix, Role role, boolean active, Instant createdAt,
            String createdBy, Instant revokedAt, String marketplace) {
    }

    /** A new key with its secret value, shown once. */
    public record IssuedKey(ApiKeyInfo info, String key) {
    }

    /** The client of an active key; from the cache when it was looked up lately (see {@link ApiKeyCache}). */
    Optional<ApiClient> authenticate(String key) {
        String hash = hash(key);
        ApiClient cached = cache.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = cache.generation();
        Optional<ApiClient> found = jdbc.sql("""
                SELECT id, name, role, marketplace FROM api_key WHERE key_hash = :hash AND active
                """).param("hash", hash)
                .query((rs, n) -> new ApiClient(rs.getObject("id", UUID.class), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), rs.getString("marketplace")))
                .optional();
        found.ifPresent(client -> cache.put(hash, client, seen));
        return found;
    }

    /** Issues a new random key; refuses a name that is taken. */
    @Transactional
    public IssuedKey issue(String name, Role role, String actor) {
        return issue(name, role, null, actor);
    }

    /**
     * Issues a new random key that may act for a marketplace (null: for none): place orders already paid on it.
     * The binding is fixed for the key's life; to take it away, revoke the key.
     */
    @Transactional
    public IssuedKey issue(String name, Role role, String marketplace, String actor) {
        String key = "ordo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        IssuedKey issued = new IssuedKey(store(name, role, key, actor), key);
        if (marketplace == null) {
            return issued;
        }
        jdbc.sql("UPDATE api_key SET marketplace = :marketplace WHERE id = :id").param("marketplace", marketplace)
                .param("id", issued.info().id()).update();
        return new IssuedKey(find(issued.info().id()).orElseThrow(), key);
    }

    /** Issues the first admin key when no active key exists; empty when one does. Safe with several nodes. */
    @Transactional
    public Optional<IssuedKey> issueFirst(String name, String actor) {
        bootstrapLock();
        return any() ? Optional.empty() : Optional.of(issue(name, Role.ADMIN, actor));
    }

    /** Nodes starting at once on one database take turns at bootstrapping keys. */
    private void bootstrapLock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ordo.api-key-bootstrap'))").query().listOfRows();
    }

    /** Stores a key chosen by the operator (the bootstrap key); does nothing if that key already exists. */
    @Transactional
    public void ensure(String name, Role role, String key, String actor) {
        bootstrapLock();
        boolean exists = jdbc.sql("SELECT count(*) FROM api_key WHERE key_hash = :hash").param("hash", hash(key))
                .query(Long.class).single() > 0;
        if (!exists) {
            String free = name;
            for (int i = 2; nameTaken(free); i++) {
                free = name + "-" + i;
            }
            store(free, role, key, actor);
        }
    }

    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_key WHERE active)").query(Boolean.class).single();
    }

    public List<ApiKeyInfo> list() {
        return jdbc.sql("SELECT * FROM api_key ORDER BY created_at, name").query(ApiKeys::info).list();
    }

    /**
     * Revokes a key at once: the next request with it is refused, on every node. This node forgets the key when
     * the transaction commits, the others when the notification sent with the commit reaches them. Refuses (409
     * {@code last-admin}) to revoke the last active admin key: revocations take turns on a lock, and each revokes
     * only while another active admin key exists after the one before has committed.
     */
    @Transactional
    public ApiKeyInfo revoke(UUID id) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ordo.last-admin-key'))").query().listOfRows();
        int n = jdbc.sql("""
                UPDATE api_key SET active = false, revoked_at = :now
                WHERE id = :id AND active
                  AND (role <> 'ADMIN'
                       OR EXISTS (SELECT 1 FROM api_key o WHERE o.role = 'ADMIN' AND o.active AND o.id <> :id))
                """).param("now", now())
                .param("id", id).update();
        if (n == 0 && find(id).filter(ApiKeyInfo::active).isPresent()) {
            String name = find(id).orElseThrow().name();
            audit.recordRefusal(SecurityEventKind.LOCKOUT_REFUSED, "api-key:" + name, "revoke");
            throw new ConflictException("last-admin", "Last admin key",
                    Wording.of("platform.api_key_is_the_last_active", name));
        }
        if (n > 0) {
            audit.record(SecurityEventKind.API_KEY_REVOKED, "api-key:" + find(id).orElseThrow().name(), null);
            jdbc.sql("SELECT pg_notify('" + ApiKeyCache.CHANNEL + "', :id)").param("id", id.toString())
                    .query().listOfRows();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.forget(id);
                }
            });
        }
        if (n == 0 && find(id).isEmpty()) {
            throw new NotFoundException("API key", id);
        }
        return find(id).orElseThrow();
    }

    public Optional<ApiKeyInfo> find(UUID id) {
        return jdbc.sql("SELECT * FROM api_key WHERE id = :id").param("id", id).query(ApiKeys::info).optional();
    }

    private ApiKeyInfo store(String name, Role role, String key, String actor) {
        if (nameTaken(name)) {
            throw new ConflictException("duplicate", "Duplicate", Wording.of("platform.an_api_key_named_exists", name));
        }
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO api_key (id, name, prefix, key_hash, role, created_by, created_at)
                VALUES (:id, :name, :prefix, :hash, :role, :actor, :now)
                """).param("now", now())
                .param("id", id).param("name", name).param("prefix", key.substring(0, Math.min(10, key.length())))
                .param("hash", hash(key)).param("role", role.name()).param("actor", actor).update();
        audit.record(SecurityEventKind.API_KEY_ISSUED, "api-key:" + name, "role " + role.name());
        return find(id).orElseThrow();
    }

    private boolean nameTaken(String name) {
        return jdbc.sql("SELECT count(*) FROM api_key WHERE name = :name").param("name", name)
                .query(Long.class).single() > 0;
    }

    private static ApiKeyInfo info(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        return new ApiKeyInfo(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant(), rs.getString("marketplace"));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String hash(String key) {
        return org.ordo.platform.Sha256.hex(key);
    }
}
