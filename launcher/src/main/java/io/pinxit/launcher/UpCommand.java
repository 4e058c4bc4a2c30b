package io.pinxit.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the suite in the foreground until SIGINT or SIGTERM, then stops it cleanly. */
@Command(name = "up", description = "Start Kafka, PostgreSQL, S3 storage and the four services; stop with Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    /** Services get 30 s each (in parallel) to stop gracefully, the infrastructure a little more. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(90);
    private static final Logger LOG = Logger.getLogger(UpCommand.class);

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Data, logs and caches (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--repo-root", defaultValue = ".",
            description = "Checkout with the built services (default: current folder).")
    Path repositoryRoot;

    private final PrintStream out = System.out;
    private volatile boolean stopRequested;

    @Override
    public Integer call() {
        Path data = dataDirectory.toAbsolutePath().normalize();
        LauncherLogging.writeTo(data.resolve("logs").resolve("infrastructure.log"));
        var stopped = new CountDownLatch(1);
        registerShutdownHook(Thread.currentThread(), stopped);
        try (var run = RunDirectory.claim(data)) {
            out.println("Starting Pinxit with data in " + data + " ...");
            try (var suite = Suite.start(SuiteSettings.local(repositoryRoot, data))) {
                String summary = summary(suite, data);
                run.markReady(summary);
                out.print(summary);
                out.println("Press Ctrl-C to stop.");
                new CountDownLatch(1).await();
            }
            return 0;
        } catch (InterruptedException e) {
            out.println("Pinxit stopped.");
            return 0;
        } catch (RuntimeException e) {
            if (stopRequested) {
                out.println("Pinxit stopped before it was up.");
                return 0;
            }
            LOG.error("Pinxit could not start", e);
            System.err.println("Pinxit could not start: " + causeChain(e));
            return 1;
        } finally {
            stopped.countDown();
        }
    }

    /** SIGINT/SIGTERM interrupt the main thread, which stops the suite; the JVM exits once that is done. */
    private void registerShutdownHook(Thread main, CountDownLatch stopped) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested = true;
            main.interrupt();
            try {
                stopped.await(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pinxit-shutdown"));
    }

    /** The messages of an exception and its causes, which usually name the port, file or service at fault. */
    private static String causeChain(Throwable failure) {
        var messages = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            messages.append(System.lineSeparator()).append("  caused by: ").append(cause);
        }
        return messages.toString();
    }

    private static String summary(Suite suite, Path data) {
        var text = new StringBuilder("Pinxit is up.\n");
        for (String service : Suite.SERVICE_PORTS.keySet()) {
            var url = suite.url(service);
            text.append(String.format("  %-19s %s   OpenAPI %s/q/openapi   health %s/q/health%n",
                    service, url, url, url));
        }
        Map<String, String> infrastructure = suite.connectionProperties();
        text.append(String.format("  %-19s %s%n", "Kafka", infrastructure.get("kafka.bootstrap.servers")));
        text.append(String.format("  %-19s %s%n", "PostgreSQL", infrastructure.get("quarkus.datasource.jdbc.url")));
        text.append(String.format("  %-19s %s%n", "S3 storage", infrastructure.get("pinxit.storage.endpoint")));
        text.append(String.format("  %-19s %s%n", "Logs", data.resolve("logs")));
        return text.toString();
    }
}
