package org.ordo.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps its data across restarts and recovers from a process that died holding it. */
class EmbeddedPostgresIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        Path data = dir.resolve("postgres");
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, binaries, 0, false);
             var c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, pg.password());
             var s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        }
        assertThat(Files.exists(data.resolve("postmaster.pid"))).isFalse();
        assertThat(Files.getPosixFilePermissions(dir.resolve("postgres.password")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, binaries, 0, false);
             var c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, pg.password());
             var rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void refusesConnectionsWithoutThePassword() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, Path.of(System.getProperty("java.io.tmpdir")), 0,
                false)) {
            assertThat(pg.password()).hasSize(48);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, "").close())
                    .hasMessageContaining("password");
        }
    }

    @Test
    void refusesADataDirectoryThatAnotherLiveProcessUses() {
        Path data = dir.resolve("postgres");
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"));
        try (EmbeddedPostgres running = EmbeddedPostgres.start(data, binaries, 0, false)) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(data, binaries, 0, false))
                    .hasMessageContaining("Another Ordo process");
            assertThat(EmbeddedPostgres.runningPort(data)).hasValue(running.port());
        }
    }

    @Test
    void takesOverADataDirectoryLeftRunningByAKilledProcess() throws Exception {
        Path data = dir.resolve("postgres");
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"));
        EmbeddedPostgres abandoned = EmbeddedPostgres.start(data, binaries, 0, false);
        abandoned.abandon(); // the server keeps running, its owner is gone: as after kill -9
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, binaries, 0, false);
             var c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, pg.password());
             var rs = c.createStatement().executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(pg.port()).isNotEqualTo(abandoned.port());
        }
    }
}
