package io.pinxit.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalInfrastructureTestResourceTest {

    @Test
    void configuresTheServiceUnderTestAndLeavesNothingBehindWhenStopped() throws Exception {
        var resource = new LocalInfrastructureTestResource();
        Map<String, String> configuration;
        try {
            configuration = resource.start();
            assertThat(configuration).containsKeys("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
                    "pinxit.storage.endpoint");
            assertThat(canConnect(configuration.get("kafka.bootstrap.servers"))).isTrue();
        } finally {
            resource.stop();
        }

        assertThat(canConnect(configuration.get("kafka.bootstrap.servers"))).isFalse();
        try (var leftovers = Files.list(Path.of("target")).filter(path -> path.getFileName().toString()
                .startsWith("local-infra-"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    private static boolean canConnect(String hostAndPort) {
        String[] parts = hostAndPort.split(":");
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
