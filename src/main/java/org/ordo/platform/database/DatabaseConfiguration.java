package org.ordo.platform.database;

import java.nio.file.Path;
import java.util.OptionalInt;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.ordo.platform.OrdoProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database: the one named by {@code ORDO_DB_URL}, or else a private PostgreSQL under the data directory. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(OrdoProperties properties, @Value("${ordo.mode:server}") String mode,
            ObjectProvider<EarlyDatabaseStart.Starting> early) {
        OrdoProperties.Db db = properties.db();
        if (!db.embedded()) {
            return new DatabaseServer(db.url(), db.user(), db.password(), null);
        }
        Path directory = properties.dataDir().resolve("postgres");
        if (mode.equals("check")) {
            // The check only reads: it may share the server of an Ordo that runs on this directory.
            OptionalInt running = EmbeddedPostgres.portOfRunningOrdo(directory);
            if (running.isPresent()) {
                return new DatabaseServer(EmbeddedPostgres.jdbcUrl(running.getAsInt()), EmbeddedPostgres.USER,
                        EmbeddedPostgres.passwordOf(directory),
                        null);
            }
            if (!EmbeddedPostgres.exists(directory)) {
                throw new IllegalStateException("There is no Ordo database under " + directory.toAbsolutePath()
                        + "; set ORDO_DATA_DIR or ORDO_DB_URL to the one to check");
            }
        }
        // Usually already started, while the context was built (EarlyDatabaseStart)
        EarlyDatabaseStart.Starting starting = early.getIfAvailable();
        if (starting != null) {
            var started = starting.take(directory);
            if (started.isPresent()) {
                return new DatabaseServer(started.get().jdbcUrl(), EmbeddedPostgres.USER, started.get().password(),
                        started.get());
            }
        }
        Path binaries = db.binariesDir() != null ? db.binariesDir() : Path.of(System.getProperty("java.io.tmpdir"));
        EmbeddedPostgres pg = EmbeddedPostgres.start(directory, binaries, db.embeddedPort(), db.embeddedClean());
        return new DatabaseServer(pg.jdbcUrl(), EmbeddedPostgres.USER, pg.password(), pg);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server, OrdoProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ordo");
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(properties.db().poolSize());
        config.setMinimumIdle(Math.min(4, properties.db().poolSize()));
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        // Fail fast when the database is away at start-up instead of hanging the boot.
        config.setInitializationFailTimeout(30_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "ordo");
        return new HikariDataSource(config);
    }
}
