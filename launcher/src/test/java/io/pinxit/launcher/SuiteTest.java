package io.pinxit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pinxit.launcher.fixtures.FakeServiceJar;

class SuiteTest {

    private static final String[] SERVICES = Suite.SERVICE_PORTS.keySet().toArray(String[]::new);

    @TempDir
    Path repository;

    @TempDir
    Path dataDirectory;

    @Test
    void startsTheInfrastructureAndTheFourServicesWiredToItAndStopsThemAll() throws Exception {
        var settings = SuiteSettings.forTests(FakeServiceJar.repositoryWith(repository, SERVICES), dataDirectory)
                .withServiceProperty("gallery-service", "pinxit.gallery.page-size", "7");
        var pids = new ArrayList<Long>();
        String kafka;
        try (var suite = Suite.start(settings)) {
            kafka = suite.connectionProperties().get("kafka.bootstrap.servers");
            for (String service : SERVICES) {
                assertThat(get(suite.url(service), "/q/health/ready")).contains("UP");
                assertThat(get(suite.url(service), "/property/kafka.bootstrap.servers")).isEqualTo(kafka);
                assertThat(get(suite.url(service), "/property/pinxit.storage.endpoint"))
                        .isEqualTo(suite.connectionProperties().get("pinxit.storage.endpoint"));
                pids.add(suite.service(service).pid());
            }
            assertThat(get(suite.url("gallery-service"), "/property/pinxit.gallery.page-size")).isEqualTo("7");
            assertThat(suite.url("gateway-service").getPort()).isNotEqualTo(8080);
        }

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(listening(kafka)).isFalse();
    }

    @Test
    void aServiceThatDiesIsStartedAgainAndItsRestartIsRecordedForStatus() throws Exception {
        var settings = SuiteSettings.forTests(FakeServiceJar.repositoryWith(repository, SERVICES), dataDirectory);
        try (var suite = Suite.start(settings)) {
            long first = suite.service("generation-service").pid();

            suite.service("generation-service").kill();

            await().atMost(Duration.ofSeconds(30)).until(() -> suite.service("generation-service").pid() != first
                    && suite.service("generation-service").isAlive());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(get(suite.url("generation-service"), "/q/health/ready")).contains("UP"));
            var restarts = ServiceSupervisor.restartsOf(dataDirectory);
            assertThat(restarts).containsOnlyKeys("generation-service");
            assertThat(restarts.get("generation-service").count()).isEqualTo(1);
            assertThat(restarts.get("generation-service").lastExitCode()).isEqualTo(137);
        }
    }

    @Test
    void aServiceThatKeepsDyingYoungWaitsLongerEachTimeUpToHalfAMinute() {
        assertThat(ServiceSupervisor.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ServiceSupervisor.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ServiceSupervisor.backoffAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(ServiceSupervisor.backoffAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ServiceSupervisor.backoffAfter(40)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aServiceThatFailsToStartStopsEverythingThatStarted() {
        var settings = SuiteSettings.forTests(FakeServiceJar.repositoryWith(repository, SERVICES), dataDirectory)
                .withServiceProperty("style-service", "fake.mode", "exit")
                .withReadyTimeout(Duration.ofMinutes(1));

        assertThatThrownBy(() -> Suite.start(settings))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("style-service exited with code 3")
                .hasMessageContaining("style-service.log");
        assertThat(childServiceJvms()).isEmpty();
    }

    @Test
    void unbuiltServicesAreAllNamedBeforeAnythingStarts() {
        var settings = SuiteSettings.forTests(FakeServiceJar.repositoryWith(repository, "gateway-service"),
                dataDirectory);

        assertThatThrownBy(() -> Suite.start(settings))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("generation-service")
                .hasMessageContaining("style-service")
                .hasMessageContaining("gallery-service")
                .hasMessageNotContaining("gateway-service/");
    }

    @Test
    void theRepositoryIsFoundFromAnyFolderInside() {
        assertThat(SuiteSettings.enclosingRepository(Path.of(""))).isEqualTo(Path.of("..").toAbsolutePath()
                .normalize());
    }

    private static List<ProcessHandle> childServiceJvms() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("quarkus-run.jar"))
                .toList();
    }

    private static boolean listening(String hostAndPort) {
        var address = URI.create("tcp://" + hostAndPort);
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String get(URI service, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
