package io.pinxit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theLauncherRecordsItsPidAndAnnouncesReadinessWithTheUrls() throws Exception {
        try (var run = RunDirectory.claim(dataDirectory)) {
            assertThat(Files.readString(dataDirectory.resolve("run/pinxit.pid")).trim())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
            assertThat(dataDirectory.resolve("run/ready")).doesNotExist();

            run.markReady("gateway-service http://127.0.0.1:8080\n");

            assertThat(dataDirectory.resolve("run/ready")).hasContent("gateway-service http://127.0.0.1:8080");
        }
        assertThat(dataDirectory.resolve("run/ready")).doesNotExist();
        assertThat(dataDirectory.resolve("run/pinxit.pid")).doesNotExist();
    }

    @Test
    void aSecondLauncherOnTheSameDataIsRefused() {
        try (var first = RunDirectory.claim(dataDirectory)) {
            assertThatThrownBy(() -> RunDirectory.claim(dataDirectory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already runs")
                    .hasMessageContaining("./pinxit down");
        }
    }

    @Test
    void aPidFileLeftByACrashedLauncherIsIgnored() throws Exception {
        Process exited = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").start();
        assertThat(exited.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.createDirectories(dataDirectory.resolve("run"));
        Files.writeString(dataDirectory.resolve("run/pinxit.pid"), exited.pid() + "\n");
        Files.writeString(dataDirectory.resolve("run/ready"), "stale");

        assertThat(RunDirectory.runningLauncher(dataDirectory)).isEmpty();
        try (var run = RunDirectory.claim(dataDirectory)) {
            assertThat(dataDirectory.resolve("run/ready")).doesNotExist();
        }
    }
}
