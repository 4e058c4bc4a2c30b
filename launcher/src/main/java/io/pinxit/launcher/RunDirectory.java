package io.pinxit.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <dataDirectory>/run/}: the running launcher's {@code pinxit.pid}, and {@code ready} (holding the URLs) once
 * the suite is up. The {@code pinxit} script waits for, stops and reports on the launcher through these files.
 */
final class RunDirectory implements AutoCloseable {

    private final Path pidFile;
    private final Path readyFile;

    private RunDirectory(Path directory) {
        this.pidFile = directory.resolve("pinxit.pid");
        this.readyFile = directory.resolve("ready");
    }

    /**
     * Records this JVM as the launcher for {@code dataDirectory}.
     *
     * @throws IllegalStateException when another live launcher already uses it
     */
    static RunDirectory claim(Path dataDirectory) {
        runningLauncher(dataDirectory).ifPresent(pid -> {
            throw new IllegalStateException("Pinxit already runs on " + dataDirectory + " (pid " + pid
                    + "); stop it with ./pinxit down");
        });
        var run = new RunDirectory(dataDirectory.resolve("run"));
        try {
            Files.createDirectories(run.pidFile.getParent());
            Files.deleteIfExists(run.readyFile);
            Files.writeString(run.pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + run.pidFile, e);
        }
        return run;
    }

    /** The pid of a live launcher on {@code dataDirectory}, if any; a stale pid file from a crash is ignored. */
    static Optional<Long> runningLauncher(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("run").resolve("pinxit.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("java")).orElse(true))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Written in one step, so whoever sees the file sees all of it. */
    void markReady(String summary) {
        Path partial = readyFile.resolveSibling("ready.partial");
        try {
            Files.writeString(partial, summary, StandardCharsets.UTF_8);
            Files.move(partial, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + readyFile, e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(readyFile);
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + pidFile.getParent() + " markers", e);
        }
    }
}
