package io.pinxit.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A packaged Quarkus service running as a child JVM, with its output in {@code <dataDirectory>/logs/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String MAX_HEAP = "-Xmx512m";
    /** How often readiness is asked for: a loopback request is cheap, and start-up times are measured by it. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 30;
    private static final int LOG_TAIL_BYTES = 16 * 1024;

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final ReadinessProbe readinessProbe = new ReadinessProbe();

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts the service's JVM and returns without waiting for it to be ready.
     *
     * @param dataDirectory holds the service's log, temporary files, home folder and DJL model cache
     * @throws ServiceStartException when the jar has not been built or the JVM cannot be started
     */
    public static ServiceProcess start(ServiceSpec spec, Path dataDirectory) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new ServiceStartException(spec.name() + " is not built: " + spec.jar()
                    + " is missing. Build it with ./mvnw -B -DskipTests install");
        }
        Path logFile = dataDirectory.resolve("logs").resolve(spec.name() + ".log");
        Path djlCache = dataDirectory.resolve("djl-cache");
        Path temporary = dataDirectory.resolve("tmp");
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(djlCache);
            Files.createDirectories(temporary);
            // The log is appended to across runs; a header tells the runs apart.
            Files.writeString(logFile, "==== " + spec.name() + " starting at " + Instant.now() + " ====\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + dataDirectory + " for " + spec.name(), e);
        }
        var builder = new ProcessBuilder(command(spec, dataDirectory, temporary))
                .directory(dataDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("DJL_OFFLINE", "true");
        environment.put("OPT_OUT_TRACKING", "true");
        environment.put("DJL_CACHE_DIR", djlCache.toString());
        environment.put("ENGINE_CACHE_DIR", djlCache.toString());
        spec.environment().forEach(environment::putIfAbsent);
        try {
            return new ServiceProcess(spec, builder.start(), logFile);
        } catch (IOException e) {
            throw new ServiceStartException("Could not start " + spec.name() + "; log: " + logFile, e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} answers 200.
     *
     * @throws ServiceStartException when the JVM exits first or {@code timeout} passes; the message names the log
     *                               file and quotes its last lines
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure(spec.name() + " exited with code " + process.exitValue() + " before it was ready");
            }
            var readiness = probeReadiness();
            if (readiness.ready()) {
                return;
            }
            lastAnswer = readiness.detail();
            awaitExit(POLL_INTERVAL);
        }
        throw failure(spec.name() + " was not ready within " + timeout + " (last readiness answer: " + lastAnswer
                + ")");
    }

    public String name() {
        return spec.name();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + spec.port());
    }

    /** The service JVM's own process id. */
    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The JVM's exit code; only once it exited. */
    int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL, at once: a crash, as fault-injection tests make one. The launcher's supervisor starts it again. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(KILL_WAIT);
    }

    /** SIGTERM, so Quarkus shuts down gracefully; SIGKILL if it has not exited after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(STOP_GRACE)) {
            process.destroyForcibly();
            awaitExit(KILL_WAIT);
        }
    }

    private static List<String> command(ServiceSpec spec, Path dataDirectory, Path temporary) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(MAX_HEAP);
        command.add("-Djava.io.tmpdir=" + temporary);
        command.add("-Duser.home=" + dataDirectory);
        command.add("-Dai.djl.offline=true");
        command.add("-DOPT_OUT_TRACKING=true");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + spec.port());
        spec.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(spec.jar().toString());
        return command;
    }

    private ReadinessProbe.Readiness probeReadiness() {
        try {
            return readinessProbe.check(url());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("Interrupted while waiting for " + spec.name() + " to be ready", e);
        }
    }

    /**
     * Waits up to {@code timeout} for the JVM to exit; true if it did. Keeps waiting through interrupts (restoring
     * the flag afterwards), so stopping a service is not cut short by the shutdown that asked for it.
     */
    private boolean awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return !process.isAlive();
                }
                try {
                    process.onExit().get(remaining, TimeUnit.NANOSECONDS);
                    return true;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException e) {
                    return false;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Waiting for " + spec.name() + " to exit failed", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ServiceStartException failure(String reason) {
        return new ServiceStartException(reason + "; log: " + logFile + System.lineSeparator() + logTail());
    }

    private String logTail() {
        try (InputStream log = Files.newInputStream(logFile)) {
            log.skipNBytes(Math.max(0, Files.size(logFile) - LOG_TAIL_BYTES));
            List<String> lines = new String(log.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(),
                    lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
