package org.ordo.platform.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.ordo.platform.ApiClient;
import org.ordo.platform.database.DatabaseServer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The API keys found valid lately, by hash, so that a request does not ask the database for its key each time
 * (ADR 0005). A key is kept at most {@code ordo.security.api-key-cache} ({@code ORDO_API_KEY_CACHE}, default 30
 * s; 0 keeps none). Revocation still takes effect at once: the node that revokes forgets the key when its
 * transaction commits, and the revoking transaction sends a PostgreSQL notification ({@value #CHANNEL}) on which
 * every node forgets it too. Keys are kept only while this node is known to hear those notifications (a probe it
 * sends itself comes back): when its listening connection is lost, it forgets every key and asks the database for
 * each until it hears again.
 * <p>
 * A lookup that began before a revocation was seen must not keep what it read: {@link #put} takes the
 * {@link #generation()} read before the lookup and keeps nothing if anything was forgotten since.
 */
@Component
class ApiKeyCache implements SmartLifecycle {

    static final String CHANNEL = "ordo_api_key_revoked";
    private static final String PROBE = "probe:";
    private static final int PROBE_EVERY_S = 5;
    private static final long PROBE_EVERY = Duration.ofSeconds(PROBE_EVERY_S).toNanos();

    private static final Logger log = LoggerFactory.getLogger(ApiKeyCache.class);

    private record Entry(ApiClient client, long until) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final LongSupplier clock;
    private final DatabaseServer server;
    private final boolean withListener;
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;
    /** The listener thread's own: a loss of listening was logged and its end not yet. */
    private boolean lossLogged;

    @Autowired
    ApiKeyCache(@Value("${ordo.security.api-key-cache:30s}") Duration ttl, DatabaseServer server,
            @Value("${ordo.mode:server}") String mode) {
        this(ttl, server, "server".equals(mode), System::nanoTime);
    }

    /** {@code listen}: start the listener with the context (the server), else keep nothing (the checker). */
    ApiKeyCache(Duration ttl, DatabaseServer server, boolean listen, LongSupplier clock) {
        this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
        this.server = server;
        this.withListener = listen;
        this.clock = clock;
    }

    /** The client of a key hash looked up lately and still valid, or null: ask the database. */
    ApiClient get(String hash) {
        if (!listening) {
            return null;
        }
        Entry entry = byHash.get(hash);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() - entry.until() > 0) {
            byHash.remove(hash, entry);
            return null;
        }
        return entry.client();
    }

    /** Read before a lookup in the database, and given to {@link #put} with what it found. */
    long generation() {
        return generation.get();
    }

    /** Keeps a key the database found valid, unless a key was forgotten since {@code seen} or nothing listens. */
    void put(String hash, ApiClient client, long seen) {
        if (ttlNanos == 0 || !listening) {
            return;
        }
        byHash.put(hash, new Entry(client, clock.getAsLong() + ttlNanos));
        if (generation.get() != seen) { // a revocation came in meanwhile: what was read may be stale
            byHash.remove(hash);
        }
    }

    /** Forgets a revoked key. */
    void forget(UUID keyId) {
        generation.incrementAndGet();
        byHash.values().removeIf(e -> e.client().id().equals(keyId));
    }

    /** Forgets every key. */
    void forgetAll() {
        generation.incrementAndGet();
        byHash.clear();
    }

    /**
     * Whether keys may be kept: the listener hears revocations (or, in tests, this cache is used without one).
     * Either way it starts empty: what was kept before may have missed a revocation, and a lookup still running
     * from before keeps nothing (the generation moves on).
     */
    void listening(boolean value) {
        if (value) {
            forgetAll();
            listening = true;
        } else {
            listening = false;
            forgetAll();
        }
    }

    boolean isListening() {
        return listening;
    }

    @Override
    public void start() {
        if (ttlNanos == 0 || !withListener) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "api-key-revocations");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        listening(false);
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Listens on its own connection (not one of the pool's) until stopped, connecting again after a loss. Every
     * {@value #PROBE_EVERY_S} s it sends itself a probe on the channel: keys are kept only once a probe has come
     * back, and a probe that does not come back within as long counts as a lost connection. That also catches a
     * connection that died without a word, and a pooler in transaction mode, where LISTEN is accepted but nothing
     * is ever heard.
     */
    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                hear(connection);
            } catch (SQLException | RuntimeException e) {
                if (running && !lossLogged) {
                    log.warn("Not listening for API key revocations ({}); every request asks the database for its "
                            + "key until it listens again", e.getMessage());
                    lossLogged = true;
                }
            }
            listening(false);
            if (running) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A connection of its own, named so that it can be told apart in pg_stat_activity. */
    private Connection connect() throws SQLException {
        Properties login = new Properties();
        if (server.user() != null && !server.user().isEmpty()) {
            login.setProperty("user", server.user());
        }
        if (server.password() != null && !server.password().isEmpty()) {
            login.setProperty("password", server.password());
        }
        login.setProperty("ApplicationName", "ordo-api-key-revocations");
        return DriverManager.getConnection(server.url(), login);
    }

    /** Listens on the connection and probes it until stopped, or until a probe does not come back (then throws). */
    private void hear(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        String probes = PROBE + UUID.randomUUID() + ":";
        long probeNo = 0;
        String awaited = null;
        long sentAt = System.nanoTime() - PROBE_EVERY;
        while (running) {
            if (awaited == null && System.nanoTime() - sentAt >= PROBE_EVERY) {
                awaited = probes + ++probeNo;
                probe(connection, awaited);
                sentAt = System.nanoTime();
            }
            PGNotification[] notifications = pg.getNotifications(500);
            for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                String payload = n.getParameter();
                if (!payload.equals(awaited)) {
                    if (!payload.startsWith(PROBE)) { // other nodes' probes are not ours to answer
                        revoked(payload);
                    }
                    continue;
                }
                awaited = null;
                if (!listening) {
                    listening(true);
                    if (lossLogged) {
                        log.info("Listening for API key revocations again; keys are cached again");
                        lossLogged = false;
                    }
                }
            }
            if (awaited != null && System.nanoTime() - sentAt > PROBE_EVERY) {
                throw new SQLException("a probe notification did not come back within " + PROBE_EVERY_S + " s");
            }
        }
    }

    private static void probe(Connection connection, String payload) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            probe.setQueryTimeout(PROBE_EVERY_S);
            probe.setString(1, CHANNEL);
            probe.setString(2, payload);
            probe.execute();
        }
    }

    private void revoked(String payload) {
        try {
            forget(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            forgetAll();
        }
    }
}
