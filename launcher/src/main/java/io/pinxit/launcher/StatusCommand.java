package io.pinxit.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.pinxit.infra.InfrastructurePorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reports which parts of a local suite (fixed ports) answer. */
@Command(name = "status", description = "Show whether the launcher, the infrastructure and each service are up.")
final class StatusCommand implements Callable<Integer> {

    /** The exit code of an LSB init script's status action when the program is not (fully) running. */
    private static final int NOT_RUNNING = 3;
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Data folder of the suite (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Override
    public Integer call() throws InterruptedException {
        Path data = dataDirectory.toAbsolutePath().normalize();
        var launcher = RunDirectory.runningLauncher(data);
        System.out.printf("  %-19s %s%n", "launcher", launcher.map(pid -> "running (pid " + pid + ")")
                .orElse("not running"));

        var ports = InfrastructurePorts.LOCAL_DEFAULTS;
        printListening("Kafka", ports.kafka());
        printListening("PostgreSQL", ports.postgres());
        printListening("S3 storage", ports.s3());

        var probe = new ReadinessProbe();
        var restarts = ServiceSupervisor.restartsOf(data);
        boolean allReady = launcher.isPresent();
        for (var service : Suite.SERVICE_PORTS.entrySet()) {
            var url = URI.create("http://127.0.0.1:" + service.getValue());
            var readiness = probe.check(url);
            allReady &= readiness.ready();
            String restarted = Optional.ofNullable(restarts.get(service.getKey()))
                    .map(r -> String.format(" (restarted %d time(s), last at %s after exit code %d)", r.count(),
                            r.last(), r.lastExitCode()))
                    .orElse("");
            System.out.printf("  %-19s %s %s%s%n", service.getKey(), readiness.ready() ? "UP  " : "DOWN", url,
                    restarted);
        }
        return allReady ? 0 : NOT_RUNNING;
    }

    private static void printListening(String server, int port) {
        System.out.printf("  %-19s %s%n", server, listening(port) ? "listening on " + port : "not listening");
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
