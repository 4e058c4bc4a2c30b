package io.pinxit.infra;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Kafka, PostgreSQL and S3-compatible storage for one Pinxit suite, started together. Tests and `./pinxit up`
 * both use this class, so local runs and tests see the same infrastructure.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalInfrastructure.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int EPHEMERAL_ATTEMPTS = 3;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final S3Server s3;

    private LocalInfrastructure(KafkaBroker kafka, PostgresServer postgres, S3Server s3) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.s3 = s3;
    }

    /**
     * Starts the three servers in parallel and returns once all of them answer. If one fails, the others are
     * stopped again before the failure is thrown.
     */
    public static LocalInfrastructure start(InfrastructureSettings settings) {
        long startedAt = System.nanoTime();
        var ports = settings.ports();
        ExecutorService starters = Executors.newFixedThreadPool(3, daemonThreads());
        try {
            var kafka = startOn(starters, () -> KafkaBroker.start(settings.kafkaDirectory(), ports.kafka(),
                    ports.kafkaController(), settings.persistent()));
            var postgres = startOn(starters, () -> PostgresServer.start(settings.postgresDirectory(),
                    ports.postgres(), settings.persistent()));
            var s3 = startOn(starters, () -> S3Server.start(settings.s3Directory(), ports.s3(), settings.persistent()));
            awaitAll(List.of(kafka, postgres, s3));
            var infrastructure = new LocalInfrastructure(kafka.join(), postgres.join(), s3.join());
            LOG.infof("Local infrastructure ready in %d ms (%s)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), settings.dataDirectory());
            return infrastructure;
        } finally {
            starters.shutdown();
        }
    }

    /**
     * Empty infrastructure on free ports in {@code dataDirectory}, removed again on close: for tests. A port picked
     * free can be taken by another process before its server binds it; then the start is tried again on new ports,
     * in a fresh folder (Kafka writes its ports into its storage), up to {@value #EPHEMERAL_ATTEMPTS} times.
     */
    public static LocalInfrastructure startEphemeral(Path dataDirectory) {
        for (int attempt = 1; ; attempt++) {
            Path directory = attempt == 1 ? dataDirectory : dataDirectory.resolve("retry-" + attempt);
            try {
                return start(InfrastructureSettings.ephemeral(directory));
            } catch (RuntimeException e) {
                if (attempt == EPHEMERAL_ATTEMPTS || !portWasTaken(e)) {
                    throw e;
                }
                LOG.warnf("A port picked for the local infrastructure was taken before it was bound (%s); "
                        + "starting again on new ports", e.getMessage());
            }
        }
    }

    private static boolean portWasTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * How a Quarkus service reaches this infrastructure, as MicroProfile Config keys (system properties of a
     * service JVM, or the configuration a Quarkus test resource returns).
     */
    public Map<String, String> connectionProperties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        properties.put("quarkus.datasource.username", postgres.username());
        properties.put("quarkus.datasource.password", postgres.password());
        properties.put("pinxit.storage.endpoint", s3.endpoint());
        properties.put("pinxit.storage.access-key", s3.accessKey());
        properties.put("pinxit.storage.secret-key", s3.secretKey());
        return Collections.unmodifiableMap(properties);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public S3Server s3() {
        return s3;
    }

    @Override
    public void close() {
        closeQuietly(s3);
        closeQuietly(postgres);
        closeQuietly(kafka);
    }

    private static <T extends AutoCloseable> CompletableFuture<T> startOn(ExecutorService executor,
                                                                          Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    private static void awaitAll(List<CompletableFuture<? extends AutoCloseable>> starts) {
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw stopStarted(starts, failureOf(e));
        } catch (TimeoutException e) {
            throw stopStarted(starts, new InfrastructureException(
                    "Local infrastructure did not start within " + START_TIMEOUT, e));
        } catch (InterruptedException e) {
            // Servers are stopped first: their shutdown waits on processes and threads, which an interrupt cuts short.
            var failure = stopStarted(starts, new InfrastructureException(
                    "Interrupted while starting local infrastructure", e));
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /**
     * Stops every server that started, including those that finish starting only later, and attaches the other
     * servers' failures to the one thrown.
     */
    private static RuntimeException stopStarted(List<CompletableFuture<? extends AutoCloseable>> starts,
                                                RuntimeException failure) {
        for (var start : starts) {
            start.whenComplete((server, error) -> {
                if (server != null) {
                    closeQuietly(server);
                }
            });
            Throwable error = start.handle((server, e) -> e).getNow(null);
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause != null && cause != failure) {
                failure.addSuppressed(cause);
            }
        }
        return failure;
    }

    private static RuntimeException failureOf(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime
                ? runtime
                : new InfrastructureException("Could not start local infrastructure", e.getCause());
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warnf(e, "Could not stop %s", server);
        }
    }

    private static ThreadFactory daemonThreads() {
        var counter = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, "pinxit-infra-start-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
