package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinxit.contracts.ComputePlatform;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.Reproduction;
import io.pinxit.contracts.Topics;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class GenerationJobLifecycleTest extends WorkerStandInTest {

    @TestHTTPResource("/")
    URL baseUrl;

    @BeforeEach
    void announceTheServedModel() {
        KafkaTestSupport.serveTheModel(kafka);
    }

    @Test
    void anAcceptedJobIsQueuedAndItsCommandIsInKafkaKeyedByJobId() throws Exception {
        String id = submit("{\"model\":\"emoji-dcgan\",\"count\":4,\"seed\":42}", null)
                .statusCode(202).extract().path("id");
        UUID jobId = UUID.fromString(id);

        TestAccounts.asAdmin().get("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("state", equalTo("QUEUED"))
                .body("request.model", equalTo("emoji-dcgan"))
                .body("request.count", equalTo(4))
                .body("request.seed", equalTo(42));
        var commands = kafka.consumeStrings().fromTopics(Topics.GENERATION_INTERACTIVE_COMMANDS);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> commandFor(commands.getRecords(), jobId) != null);
            var record = commandFor(commands.getRecords(), jobId);
            var command = json.readValue(record.value(), GenerationCommand.class);
            assertThat(command.model()).isEqualTo("emoji-dcgan");
            assertThat(command.count()).isEqualTo(4);
            assertThat(command.seed()).isEqualTo(42L);
            assertThat(command.schemaVersion()).isEqualTo(GenerationCommand.SCHEMA_VERSION);
        } finally {
            commands.close();
        }
    }

    @Test
    void smallJobsWaitInTheInteractiveLaneAndLargerOnesInTheBulkLane() {
        UUID small = UUID.fromString(submit("{\"model\":\"emoji-dcgan\",\"count\":4}", null).statusCode(202)
                .body("lane", equalTo("INTERACTIVE")).extract().path("id"));
        UUID large = UUID.fromString(submit("{\"model\":\"emoji-dcgan\",\"count\":5}", null).statusCode(202)
                .body("lane", equalTo("BULK")).extract().path("id"));

        KafkaTestSupport.awaitCommand(kafka, Topics.GENERATION_INTERACTIVE_COMMANDS, small, Duration.ofSeconds(30));
        KafkaTestSupport.awaitCommand(kafka, Topics.GENERATION_COMMANDS, large, Duration.ofSeconds(30));
        TestAccounts.asAdmin().get("/api/v1/jobs/" + large).then().body("lane", equalTo("BULK"));
    }

    @Test
    void theCommandCarriesTheTraceOfTheRequestThatSubmittedItThroughTheOutbox() {
        String callersTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        UUID jobId = UUID.fromString(TestAccounts.asAdmin().contentType(ContentType.JSON)
                .header("traceparent", "00-" + callersTrace + "-00f067aa0ba902b7-01")
                .body("{\"model\":\"emoji-dcgan\",\"count\":1}").post("/api/v1/jobs/generations")
                .then().statusCode(202).extract().path("id"));

        var record = KafkaTestSupport.awaitCommand(kafka, Topics.GENERATION_INTERACTIVE_COMMANDS, jobId,
                Duration.ofSeconds(30));

        var traceParent = record.headers().lastHeader("traceparent");
        assertThat(traceParent).isNotNull();
        String[] parts = new String(traceParent.value(), StandardCharsets.US_ASCII).split("-");
        assertThat(parts[1]).as("the caller's trace").isEqualTo(callersTrace);
        assertThat(parts[2]).as("the gateway's own span in it").isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void theLocationHeaderPointsAtTheJob() {
        var response = submit("{\"model\":\"emoji-dcgan\",\"count\":1}", null).statusCode(202).extract();

        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/jobs/" + id);
        assertThat(response.<Number>path("request.seed").longValue()).isNotNegative();
    }

    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheSameJob() {
        String key = "retry-" + UUID.randomUUID();
        String body = "{\"model\":\"emoji-dcgan\",\"count\":2}";

        String first = submit(body, key).statusCode(202).header("Idempotent-Replayed", "false").extract().path("id");
        String second = submit(body, key).statusCode(202).header("Idempotent-Replayed", "true").extract().path("id");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherRequestIsRejectedWith422() {
        String key = "reuse-" + UUID.randomUUID();
        submit("{\"model\":\"emoji-dcgan\",\"count\":2}", key).statusCode(202);

        submit("{\"model\":\"emoji-dcgan\",\"count\":3}", key).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:idempotency-key-reused"));
    }

    @Test
    void workerEventsMoveTheJobForwardAndNeverBack() {
        UUID jobId = UUID.fromString(submit("{\"model\":\"emoji-dcgan\",\"count\":1}", null).extract().path("id"));
        UUID artwork = UUID.randomUUID();

        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.GENERATION, "w", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(artwork), "w",
                Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.GENERATION, "late", Instant.now()));
        UUID marker = UUID.fromString(submit("{\"model\":\"emoji-dcgan\",\"count\":1}", null).extract().path("id"));
        KafkaTestSupport.report(kafka, JobEvent.running(marker, JobKind.GENERATION, "w", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                TestAccounts.asAdmin().get("/api/v1/jobs/" + marker).then().body("state", equalTo("RUNNING")));
        TestAccounts.asAdmin().get("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("artworkIds", equalTo(List.of(artwork.toString())));
    }

    @Test
    void eachEndingIsCountedOnceWithItsKindAndHowLongItTook() {
        double before = finished("succeeded");
        UUID jobId = UUID.fromString(submit("{\"model\":\"emoji-dcgan\",\"count\":1}", null).extract().path("id"));

        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(UUID.randomUUID()), "w",
                Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(UUID.randomUUID()), "w",
                Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                TestAccounts.asAdmin().get("/api/v1/jobs/" + jobId).then().body("state", equalTo("SUCCEEDED")));
        assertThat(finished("succeeded")).as("the ending, applied by two consumers, counted once")
                .isEqualTo(before + 1);
        assertThat(metrics()).contains("pinxit_jobs_duration_seconds_count{kind=\"generation\",state=\"succeeded\"}");
    }

    private static double finished(String state) {
        String line = "pinxit_jobs_finished_total{kind=\"generation\",state=\"" + state + "\"} ";
        // A sample may be followed by an exemplar ("# {span_id=…,trace_id=…} …"), the trace it was counted in.
        return metrics().lines().filter(metric -> metric.startsWith(line))
                .mapToDouble(metric -> Double.parseDouble(metric.substring(line.length()).split(" ")[0])).sum();
    }

    private static String metrics() {
        return io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void reproducingAnArtworkReRunsTheJobThatMadeItWithItsRecordedParameters() throws Exception {
        UUID original = UUID.fromString(submit("{\"model\":\"emoji-dcgan\",\"count\":3,\"seed\":99}", null)
                .extract().path("id"));
        UUID artwork = UUID.randomUUID();
        KafkaTestSupport.report(kafka, JobEvent.succeeded(original, JobKind.GENERATION,
                List.of(UUID.randomUUID(), artwork, UUID.randomUUID()), "w", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.asAdmin()
                .get("/api/v1/jobs/" + original).then().body("state", equalTo("SUCCEEDED")));

        String id = TestAccounts.asAdmin().post("/api/v1/artworks/" + artwork + "/reproduce").then()
                .statusCode(202)
                .body("request.reproductionOf", equalTo(artwork.toString()))
                .body("request.seed", equalTo(99))
                .body("request.count", equalTo(3))
                .extract().path("id");
        UUID reproduction = UUID.fromString(id);

        var commands = kafka.consumeStrings().fromTopics(Topics.GENERATION_INTERACTIVE_COMMANDS);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> commandFor(commands.getRecords(), reproduction) != null);
            var command = json.readValue(commandFor(commands.getRecords(), reproduction).value(),
                    GenerationCommand.class);
            assertThat(command.reproductionOf()).isEqualTo(artwork);
            assertThat(command.seed()).isEqualTo(99L);
        } finally {
            commands.close();
        }
        var madeOn = new ComputePlatform("cpu()", "Intel Xeon", "avx2", 2, "PyTorch 2.7.1 via DJL 0.35.1");
        var now = new ComputePlatform("cpu()", "AMD EPYC", "avx512", 2, "PyTorch 2.7.1 via DJL 0.35.1");
        KafkaTestSupport.report(kafka, JobEvent.reproduced(reproduction, new Reproduction(artwork, false,
                "ab".repeat(32), "cd".repeat(32), Reproduction.Closeness.ROUNDING, 1, 83.1, madeOn, now), "w",
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.asAdmin()
                .get("/api/v1/jobs/" + reproduction).then()
                .body("state", equalTo("SUCCEEDED"))
                .body("reproduction.identical", equalTo(false))
                .body("reproduction.closeness", equalTo("ROUNDING"))
                .body("reproduction.maxPixelDifference", equalTo(1))
                .body("reproduction.platformDiffers", equalTo(true))
                .body("reproduction.originalPlatform.kernels", equalTo("avx2"))
                .body("reproduction.platform.processor", equalTo("AMD EPYC")));
    }

    @Test
    void reproducingAnArtworkThisGatewayDidNotMakeIs404() {
        TestAccounts.asAdmin().post("/api/v1/artworks/" + UUID.randomUUID() + "/reproduce").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:artwork-not-found"));
    }

    @Test
    void theEventStreamFollowsTheJobUntilItEnds() {
        UUID jobId = UUID.fromString(submit("{\"model\":\"emoji-dcgan\",\"count\":1}", null).extract().path("id"));
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(
                () -> EventStreams.follow(baseUrl, json, TestAccounts.ADMIN_KEY, jobId, seen));
        await().atMost(Duration.ofSeconds(30)).until(() -> !seen.isEmpty());

        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.GENERATION, "w", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(UUID.randomUUID()),
                "w", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(stream::isDone);
        assertThat(seen).map(view -> view.get("state").asText()).containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
    }

    private io.restassured.response.ValidatableResponse submit(String body, String idempotencyKey) {
        var request = TestAccounts.asAdmin().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/jobs/generations").then();
    }

    private static ConsumerRecord<String, String> commandFor(List<ConsumerRecord<String, String>> records, UUID jobId) {
        return records.stream().filter(record -> jobId.toString().equals(record.key())).findFirst().orElse(null);
    }
}
