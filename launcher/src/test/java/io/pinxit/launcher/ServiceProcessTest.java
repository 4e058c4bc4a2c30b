package io.pinxit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pinxit.infra.LoopbackPorts;
import io.pinxit.launcher.fixtures.FakeServiceJar;

class ServiceProcessTest {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    Path jar;

    @BeforeEach
    void buildFakeService() {
        jar = FakeServiceJar.writeTo(dataDirectory.resolve("fake/quarkus-run.jar"));
    }

    @Test
    void aMissingJarIsReportedWithHowToBuildIt() {
        var spec = new ServiceSpec("gallery-service", dataDirectory.resolve("missing.jar"), 8083, Map.of(), Map.of());

        assertThatThrownBy(() -> ServiceProcess.start(spec, dataDirectory))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("gallery-service is not built")
                .hasMessageContaining("missing.jar")
                .hasMessageContaining("./mvnw -B -DskipTests install");
    }

    @Test
    void aServiceRunsAsItsOwnJvmWithOfflineSettingsInsideTheDataDirectory() throws Exception {
        var spec = new ServiceSpec("gateway-service", jar, LoopbackPorts.pickFree(), Map.of("pinxit.greeting", "hi"),
                Map.of("PINXIT_TEST_VARIABLE", "set"));
        try (var service = ServiceProcess.start(spec, dataDirectory)) {
            service.awaitReady(READY_TIMEOUT);

            assertThat(get(service.url(), "/pid")).isEqualTo(String.valueOf(service.pid()));
            assertThat(get(service.url(), "/property/pinxit.greeting")).isEqualTo("hi");
            assertThat(get(service.url(), "/property/quarkus.http.host")).isEqualTo("127.0.0.1");
            assertThat(get(service.url(), "/property/ai.djl.offline")).isEqualTo("true");
            assertThat(get(service.url(), "/property/java.io.tmpdir"))
                    .isEqualTo(dataDirectory.resolve("tmp").toString());
            assertThat(get(service.url(), "/property/user.home")).isEqualTo(dataDirectory.toString());
            assertThat(get(service.url(), "/env/DJL_OFFLINE")).isEqualTo("true");
            assertThat(get(service.url(), "/env/PINXIT_TEST_VARIABLE")).isEqualTo("set");
            assertThat(get(service.url(), "/env/DJL_CACHE_DIR"))
                    .isEqualTo(dataDirectory.resolve("djl-cache").toString());
            assertThat(get(service.url(), "/env/ENGINE_CACHE_DIR")).isEqualTo(get(service.url(), "/env/DJL_CACHE_DIR"));
        }
    }

    @Test
    void stoppingSendsSigtermSoTheServiceShutsDownGracefully() throws Exception {
        var spec = new ServiceSpec("style-service", jar, LoopbackPorts.pickFree(), Map.of(), Map.of());
        var service = ServiceProcess.start(spec, dataDirectory);
        service.awaitReady(READY_TIMEOUT);

        service.close();

        assertThat(service.isAlive()).isFalse();
        assertThat(Files.readString(service.logFile(), StandardCharsets.UTF_8))
                .contains("fake service listening", "fake service stopped gracefully");
        assertThat(service.logFile()).isEqualTo(dataDirectory.resolve("logs/style-service.log"));
    }

    @Test
    void aServiceThatExitsBeforeItIsReadyIsReportedWithItsLog() {
        var spec = new ServiceSpec("generation-service", jar, LoopbackPorts.pickFree(), Map.of("fake.mode", "exit"), Map.of());
        try (var service = ServiceProcess.start(spec, dataDirectory)) {
            assertThatThrownBy(() -> service.awaitReady(READY_TIMEOUT))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("generation-service exited with code 3 before it was ready")
                    .hasMessageContaining(dataDirectory.resolve("logs/generation-service.log").toString())
                    .hasMessageContaining("could not load its model");
        }
    }

    @Test
    void aServiceThatNeverBecomesReadyTimesOutWithItsLastAnswer() {
        var spec = new ServiceSpec("gallery-service", jar, LoopbackPorts.pickFree(), Map.of("fake.mode", "unready"), Map.of());
        try (var service = ServiceProcess.start(spec, dataDirectory)) {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(3)))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("gallery-service was not ready within PT3S")
                    .hasMessageContaining("HTTP 503")
                    .hasMessageContaining("gallery-service.log");
        }
    }

    private static String get(URI service, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
