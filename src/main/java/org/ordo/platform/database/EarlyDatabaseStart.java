package org.ordo.platform.database;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ordo.platform.OrdoProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the application context is created, so that
 * initdb (first start) or the server start (every start) runs while Spring loads classes and builds the context,
 * instead of after it. The {@code databaseServer} bean takes the started server over ({@link #take}). Does
 * nothing when {@code ORDO_DB_URL} names a database, when Ordo runs the check (which may share a running
 * Ordo's server) or during the build's ahead-of-time processing. Should the context fail before the server is
 * taken over, it stops the server again.
 */
public class EarlyDatabaseStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "ordo.earlyDatabase";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        // The build's ahead-of-time processing (spring-boot:process-aot) only analyses the context: no database.
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                || !"server".equals(env.getProperty("ordo.mode", "server"))) {
            return;
        }
        Binder binder = Binder.get(env);
        OrdoProperties.Db db = binder.bind("ordo.db", OrdoProperties.Db.class).orElse(null);
        if (db != null && !db.embedded()) {
            return;
        }
        Path dataDir = binder.bind("ordo.data-dir", Path.class).orElse(Path.of("./data"));
        Path binaries = db != null && db.binariesDir() != null ? db.binariesDir()
                : Path.of(System.getProperty("java.io.tmpdir"));
        int port = db == null ? 0 : db.embeddedPort();
        boolean clean = db != null && db.embeddedClean();
        Starting starting = new Starting(dataDir.resolve("postgres"), CompletableFuture.supplyAsync(
                () -> EmbeddedPostgres.start(dataDir.resolve("postgres"), binaries, port, clean),
                runnable -> {
                    Thread thread = new Thread(runnable, "ordo-database-start");
                    thread.setDaemon(true);
                    thread.start();
                }));
        var beans = context.getBeanFactory();
        beans.registerSingleton(BEAN, starting);
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN, starting);
        }
    }

    /** The embedded server being started for a data directory. */
    static final class Starting implements DisposableBean {

        private final Path directory;
        private final CompletableFuture<EmbeddedPostgres> server;
        private final AtomicBoolean taken = new AtomicBoolean();

        Starting(Path directory, CompletableFuture<EmbeddedPostgres> server) {
            this.directory = directory.toAbsolutePath().normalize();
            this.server = server;
        }

        /** Waits for the server, which then belongs to the caller; empty if it was started for another directory. */
        java.util.Optional<EmbeddedPostgres> take(Path directory) {
            if (!this.directory.equals(directory.toAbsolutePath().normalize()) || !taken.compareAndSet(false, true)) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(server.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        @Override
        public void destroy() {
            if (taken.compareAndSet(false, true)) {
                try {
                    server.join().close();
                } catch (CompletionException failedToStart) {
                    // nothing runs that would need stopping
                }
            }
        }
    }
}
