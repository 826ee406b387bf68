package org.certfree.proofs.system.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.stream.Collectors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL (zonky binaries from Maven Central) used when no external database is
 * configured. Plain Java: it starts before Quarkus and stops after it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final Optional<ProcessHandle> postmaster;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.postmaster = readPostmaster(dataDirectory);
    }

    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * Starts PostgreSQL on a data directory that is kept between runs ({@code persistent}) or
     * wiped on close (tests). A postmaster left running by a killed JVM is stopped first.
     *
     * <p>Connections need the superuser's password (scram-sha-256), generated once into
     * {@code pg-password} (0600) beside the data directory: zonky's default, "trust", let any local
     * user or process connect as superuser. A data directory made before that is switched over at start.
     */
    public static EmbeddedDatabase start(Path baseDirectory, boolean persistent) {
        try {
            Path base = baseDirectory.toAbsolutePath().normalize();
            Path data = base.resolve("pg");
            Path binaries = base.resolve("pg-binaries");
            Files.createDirectories(binaries);
            stopStalePostmaster(data);
            Path passwordFile = base.resolve(PASSWORD_FILE);
            String password = readOrCreatePassword(passwordFile);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    // initdb options: the superuser gets the password and every connection must give it
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(!persistent)
                    .setRegisterShutdownHook(!persistent)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    // zonky starts with -F and synchronous_commit=off; a 2xx must mean durable.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            ownerOnly(binaries); // zonky makes its working directory writable for everyone
            requirePassword(pg, data, password);
            return new EmbeddedDatabase(pg, data, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL (with the user; the password is {@link #password()}). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    /** The superuser's password (also in {@code pg-password} beside the data directory). */
    public String password() {
        return password;
    }

    /** File name, beside the data directory, of the superuser's generated password. */
    public static final String PASSWORD_FILE = "pg-password";

    private static String readOrCreatePassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n",
                    StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
        return Files.readAllLines(file, StandardCharsets.US_ASCII).get(0).trim();
    }

    private static void ownerOnly(Path directory) {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("could not restrict %s to its owner: %s", directory, e.getMessage());
        }
    }

    /**
     * A data directory initialized before passwords were required still trusts every local connection:
     * give the superuser the password and switch its pg_hba.conf to scram-sha-256.
     */
    private static void requirePassword(EmbeddedPostgres pg, Path data, String password) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        String rules = Files.readString(hba, StandardCharsets.UTF_8);
        if (!rules.lines().anyMatch(l -> !l.startsWith("#") && l.trim().endsWith("trust"))) {
            return;
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
            Files.writeString(hba, rules.lines().map(l -> l.startsWith("#") ? l : l.replaceAll("\\btrust\\s*$", "scram-sha-256"))
                    .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
            LOG.infof("Embedded PostgreSQL in %s now requires the password in %s", data, PASSWORD_FILE);
        } catch (SQLException e) {
            throw new IOException("could not make the embedded PostgreSQL require a password: " + e.getMessage(), e);
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Stops PostgreSQL and waits until the postmaster has really exited: zonky's pg_ctl waits only
     * 5 s, and a shutdown checkpoint on a busy machine can take longer; the JVM must not exit
     * before it, or the next start would find a running postmaster. Only the first call stops it;
     * later ones (the exit handler and the shutdown hook both call it) return once it is stopped.
     */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
        postmaster.ifPresent(p -> {
            if (!waitForExit(p, Duration.ofSeconds(60))) {
                LOG.warnf("PostgreSQL (pid %d) still running 60 s after fast shutdown; sending SIGQUIT", p.pid());
                signal(p, "QUIT");
                waitForExit(p, Duration.ofSeconds(10));
            }
        });
        closed.countDown();
    }

    /** Waits up to {@code timeout} for {@link #close()} to finish; true when it has. */
    public boolean awaitClosed(Duration timeout) {
        try {
            return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return closed.getCount() == 0;
        }
    }

    private static Optional<ProcessHandle> readPostmaster(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            LOG.warnf("could not signal pid %d: %s", process.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A `kill -9` of the JVM leaves the postmaster running on our data directory: stop it. */
    static void stopStalePostmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> stale = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (stale.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = stale.get();
        LOG.warnf("Stopping PostgreSQL (pid %d) left running by an earlier run on %s", process.pid(), data);
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
        signal(process, "INT");
        if (!waitForExit(process, Duration.ofSeconds(60))) {
            signal(process, "QUIT");
            waitForExit(process, Duration.ofSeconds(10));
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
