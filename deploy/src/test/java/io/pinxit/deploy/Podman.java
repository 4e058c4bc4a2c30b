package io.pinxit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line, with a configuration these build machines need and any machine accepts: the runc
 * runtime (crun refuses hybrid cgroups) and no raised ulimits (the sandbox refuses raising RLIMIT_NPROC).
 */
final class Podman {

    record Result(int exitCode, String output) {
    }

    private final Path configuration;

    Podman(Path workDirectory) {
        configuration = workDirectory.resolve("containers.conf");
        try {
            Files.createDirectories(workDirectory);
            Files.writeString(configuration, """
                    [containers]
                    default_ulimits = []

                    [engine]
                    runtime = "runc"
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why podman cannot run containers here, or null when it can. */
    String whyItCannotRun() {
        try {
            Result info = run(Duration.ofSeconds(60), List.of("info", "--format", "{{.Host.OCIRuntime.Name}}"));
            return info.exitCode() == 0 ? null : info.output();
        } catch (UncheckedIOException e) {
            return e.getMessage();
        }
    }

    Result run(Duration timeout, List<String> arguments) {
        var command = new ArrayList<String>();
        command.add("podman");
        command.addAll(arguments);
        return exec(timeout, command, Map.of());
    }

    /** A script of the project's (deploy/images) with podman configured as above. */
    Result script(Duration timeout, Path script, Map<String, String> environment, String... arguments) {
        var command = new ArrayList<String>();
        command.add(script.toString());
        command.addAll(List.of(arguments));
        return exec(timeout, command, environment);
    }

    private Result exec(Duration timeout, List<String> command, Map<String, String> environment) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CONTAINERS_CONF", configuration.toString());
            builder.environment().putAll(environment);
            Process process = builder.start();
            var output = new StringBuilder();
            var reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append(e);
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            reader.join();
            return new Result(process.exitValue(), output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
