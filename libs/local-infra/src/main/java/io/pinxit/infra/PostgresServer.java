package io.pinxit.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries from Maven Central) with a {@value #DATABASE} database, listening on 127.0.0.1.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "pinxit";

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private PostgresServer(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /**
     * Starts PostgreSQL on {@code directory}, initialising it if it is new, and creates the {@value #DATABASE}
     * database if it is missing. An ephemeral server starts from an empty directory and deletes it on close.
     */
    public static PostgresServer start(Path directory, int requestedPort, boolean persistent) {
        long startedAt = System.nanoTime();
        if (!persistent) {
            DirectoryTree.delete(directory);
        }
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(!persistent)
                .setPort(LoopbackPorts.orFree(requestedPort))
                .setPGStartupWait(STARTUP_TIMEOUT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Ephemeral servers may die with their JVM; a persistent one is stopped in order by its owner.
                .setRegisterShutdownHook(!persistent);
        if (persistent) {
            // The embedded defaults trade durability for speed; local data must survive a crash.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException("Could not start PostgreSQL in " + directory, e);
        }
        var server = new PostgresServer(postgres, directory);
        try {
            server.createDatabaseIfMissing();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.infof("PostgreSQL ready on %s in %d ms", server.jdbcUrl(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return server;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String username() {
        return SUPERUSER;
    }

    /** Any password is accepted: the server trusts local connections, and listens on 127.0.0.1 only. */
    public String password() {
        return SUPERUSER;
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * Freezes the server and every backend (SIGSTOP), as a hung host would: connections stay open, nothing answers.
     * For fault-injection tests; {@link #thaw} ends it.
     */
    public void freeze() {
        signalAll("-STOP");
    }

    public void thaw() {
        signalAll("-CONT");
    }

    /**
     * Signals the postmaster first (a stopped one forks no new backend), then its backends. A backend may exit between
     * being listed and being signalled: {@code kill} then fails for it alone and still signals the others, so only
     * the postmaster's signal must succeed.
     */
    private void signalAll(String signal) {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the postmaster's pid in " + directory, e);
        }
        if (kill(signal, List.of(postmaster)) != 0) {
            throw new InfrastructureException("kill " + signal + " of the postmaster " + postmaster + " failed");
        }
        List<Long> backends = ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid).toList();
        if (!backends.isEmpty()) {
            kill(signal, backends);
        }
    }

    private static int kill(String signal, List<Long> pids) {
        var command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not signal PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while signalling PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf(e, "Could not stop PostgreSQL on port %d", port());
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    private void createDatabaseIfMissing() {
        String url = jdbcUrl("postgres") + "?connectTimeout=" + CONNECT_TIMEOUT_SECONDS
                + "&socketTimeout=" + STARTUP_TIMEOUT.toSeconds();
        try (Connection connection = DriverManager.getConnection(url, SUPERUSER, password());
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new InfrastructureException("Could not create the " + DATABASE + " database on port " + port(), e);
        }
    }
}
