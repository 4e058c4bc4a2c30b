package io.pinxit.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps the suite's services running: one that exits on its own (a crash, kill -9, out of memory) is started again
 * after a backoff that doubles from 1 s to 30 s while it keeps dying young, and every restart is logged and recorded
 * in {@code <dataDirectory>/run/restarts.properties} for {@code ./pinxit status}.
 */
final class ServiceSupervisor implements AutoCloseable {

    /** What {@code ./pinxit status} says about a service's restarts. */
    record Restarts(int count, Instant last, int lastExitCode) {
    }

    private static final Logger LOG = Logger.getLogger(ServiceSupervisor.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * A service that ran this long before it died is not crash-looping (a broken one dies while it starts, within
     * seconds): its next restart waits the first backoff.
     */
    private static final Duration SETTLED = Duration.ofSeconds(15);

    private final Map<String, ServiceSpec> specs;
    private final Map<String, ServiceProcess> running;
    private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> youngDeaths = new ConcurrentHashMap<>();
    private final Map<String, Instant> restartDue = new ConcurrentHashMap<>();
    private final Path dataDirectory;
    private final Path restartsFile;
    private final Thread thread;
    private volatile boolean supervising = true;

    ServiceSupervisor(Map<String, ServiceSpec> specs, Map<String, ServiceProcess> started, Path dataDirectory) {
        this.specs = new ConcurrentHashMap<>(specs);
        this.running = new ConcurrentHashMap<>(started);
        this.dataDirectory = dataDirectory;
        this.restartsFile = restartsFile(dataDirectory);
        try {
            Files.deleteIfExists(restartsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear the restarts of an earlier run: " + restartsFile, e);
        }
        Instant now = Instant.now();
        started.keySet().forEach(name -> startedAt.put(name, now));
        this.thread = new Thread(this::superviseUntilClosed, "pinxit-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    ServiceProcess service(String name) {
        return running.get(name);
    }

    ServiceSpec spec(String name) {
        return specs.get(name);
    }

    /** Starts a service that was not part of the suite's start (another replica), and supervises it as well. */
    ServiceProcess add(ServiceSpec spec) {
        ServiceProcess started = ServiceProcess.start(spec, dataDirectory);
        specs.put(spec.name(), spec);
        startedAt.put(spec.name(), Instant.now());
        running.put(spec.name(), started);
        return started;
    }

    Collection<ServiceProcess> services() {
        return running.values();
    }

    /** Stops supervising (before the services are stopped, so that none is restarted on the way down). */
    @Override
    public void close() {
        supervising = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The restarts recorded for the suite on {@code dataDirectory}, by service. */
    static Map<String, Restarts> restartsOf(Path dataDirectory) {
        Path file = restartsFile(dataDirectory);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return Map.of();
        }
        var restarts = new ConcurrentHashMap<String, Restarts>();
        for (String name : properties.stringPropertyNames()) {
            if (name.endsWith(".count")) {
                String service = name.substring(0, name.length() - ".count".length());
                restarts.put(service, new Restarts(Integer.parseInt(properties.getProperty(name)),
                        Instant.parse(properties.getProperty(service + ".last")),
                        Integer.parseInt(properties.getProperty(service + ".exit-code"))));
            }
        }
        return restarts;
    }

    private static Path restartsFile(Path dataDirectory) {
        return dataDirectory.resolve("run").resolve("restarts.properties");
    }

    private void superviseUntilClosed() {
        while (supervising) {
            running.forEach(this::check);
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check(String name, ServiceProcess process) {
        if (process.isAlive() || !supervising) {
            return;
        }
        Instant now = Instant.now();
        Optional<Instant> due = Optional.ofNullable(restartDue.get(name));
        if (due.isEmpty()) {
            boolean diedYoung = Duration.between(startedAt.get(name), now).compareTo(SETTLED) < 0;
            int deaths = diedYoung ? youngDeaths.merge(name, 1, Integer::sum) : youngDeaths.compute(name, (k, v) -> 1);
            Duration backoff = backoffAfter(deaths);
            int exitCode = process.exitCode();
            int count = record(name, now, exitCode);
            LOG.warnf("%s exited with code %d; restart %d in %d s (log: %s)", name, exitCode, count,
                    backoff.toSeconds(), process.logFile());
            restartDue.put(name, now.plus(backoff));
        } else if (!now.isBefore(due.get())) {
            restartDue.remove(name);
            startedAt.put(name, now);
            running.put(name, ServiceProcess.start(specs.get(name), dataDirectory));
            LOG.infof("%s started again", name);
        }
    }

    static Duration backoffAfter(int youngDeaths) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(youngDeaths - 1, 5));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private synchronized int record(String name, Instant at, int exitCode) {
        Map<String, Restarts> recorded = restartsOf(dataDirectory);
        int count = Optional.ofNullable(recorded.get(name)).map(Restarts::count).orElse(0) + 1;
        var properties = new Properties();
        recorded.forEach((service, restarts) -> put(properties, service, restarts));
        put(properties, name, new Restarts(count, at, exitCode));
        try {
            Files.createDirectories(restartsFile.getParent());
            Path partial = restartsFile.resolveSibling("restarts.properties.partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(writer, "Services the launcher restarted");
            }
            Files.move(partial, restartsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("Could not record the restart of %s in %s: %s", name, restartsFile, e.getMessage());
        }
        return count;
    }

    private static void put(Properties properties, String service, Restarts restarts) {
        properties.setProperty(service + ".count", Integer.toString(restarts.count()));
        properties.setProperty(service + ".last", restarts.last().toString());
        properties.setProperty(service + ".exit-code", Integer.toString(restarts.lastExitCode()));
    }
}
