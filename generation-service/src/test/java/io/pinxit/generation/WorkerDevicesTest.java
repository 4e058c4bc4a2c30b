package io.pinxit.generation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Visibility;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What the worker says of its devices: readiness names each with the models it holds, and metrics count its work. */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class WorkerDevicesTest {

    private static final Authorship ADA = new Authorship(UUID.randomUUID(), "ada", null, null, "CC-BY-4.0",
            Visibility.UNLISTED);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void withNoGpuTheWorkerServesEveryModelOnTheCpuAndSaysSo() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'served-models' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'served-models' }.data.'cpu()'", containsString("emoji-dcgan"));
    }

    @Test
    void eachDeviceCountsTheBatchesAndPicturesItMade() {
        try (var topics = new WorkerTopics(bootstrapServers)) {
            var command = GenerationCommand.of(UUID.randomUUID(), "emoji-dcgan", 3, 11L, ADA, Instant.now());
            double before = picturesOnTheCpu();

            topics.send(command);
            topics.awaitEvent(command.jobId(), JobState.SUCCEEDED);

            assertThat(picturesOnTheCpu()).isGreaterThanOrEqualTo(before + 3);
        }
    }

    private static double picturesOnTheCpu() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("pinxit_device_pictures_total{") && line.contains("device=\"cpu()\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }
}
