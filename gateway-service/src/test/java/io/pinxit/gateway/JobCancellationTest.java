package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinxit.contracts.JobCancellation;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.Topics;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class JobCancellationTest extends WorkerStandInTest {

    @TestHTTPResource("/")
    URL baseUrl;

    @BeforeEach
    void announceTheServedModel() {
        KafkaTestSupport.serveTheModel(kafka);
    }

    @Test
    void aCancelledJobIsCancelledAndTheWorkersAreTold() throws Exception {
        String key = TestAccounts.newUserKey();
        UUID jobId = submit(key);

        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("id", equalTo(jobId.toString()))
                .body("state", equalTo("CANCELLED"));

        TestAccounts.as(key).get("/api/v1/jobs/" + jobId).then().body("state", equalTo("CANCELLED"));
        var record = KafkaTestSupport.awaitCommand(kafka, Topics.JOB_CANCELLATIONS, jobId, Duration.ofSeconds(30));
        var cancellation = json.readValue(record.value(), JobCancellation.class);
        assertThat(cancellation.jobId()).isEqualTo(jobId);
        assertThat(cancellation.kind()).isEqualTo(JobKind.GENERATION);
        assertThat(cancellation.schemaVersion()).isEqualTo(JobCancellation.SCHEMA_VERSION);
    }

    @Test
    void cancellingTwiceAnswersTheSameJob() {
        String key = TestAccounts.newUserKey();
        UUID jobId = submit(key);
        String first = TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200)
                .extract().path("updatedAt");

        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("updatedAt", equalTo(first));
    }

    @Test
    void aJobThatEndedCannotBeCancelled() {
        String key = TestAccounts.newUserKey();
        UUID jobId = submit(key);
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(UUID.randomUUID()), "w",
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.as(key).get("/api/v1/jobs/" + jobId)
                .then().body("state", equalTo("SUCCEEDED")));

        TestAccounts.as(key).delete("/api/v1/jobs/" + jobId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:job-ended"))
                .body("detail", containsString("has succeeded already"));
        TestAccounts.as(key).get("/api/v1/jobs/" + jobId).then().body("state", equalTo("SUCCEEDED"));
    }

    @Test
    void aWorkersLateEventsLeaveACancelledJobCancelled() {
        UUID jobId = submit(TestAccounts.ADMIN_KEY);
        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.GENERATION, "w", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.asAdmin()
                .get("/api/v1/jobs/" + jobId).then().body("state", equalTo("RUNNING")));
        TestAccounts.asAdmin().delete("/api/v1/jobs/" + jobId).then().statusCode(200);

        KafkaTestSupport.report(kafka, JobEvent.running(jobId, JobKind.GENERATION, "w", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.succeeded(jobId, JobKind.GENERATION, List.of(UUID.randomUUID()), "w",
                Instant.now()));
        UUID marker = submit(TestAccounts.ADMIN_KEY);
        KafkaTestSupport.report(kafka, JobEvent.running(marker, JobKind.GENERATION, "w", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.asAdmin()
                .get("/api/v1/jobs/" + marker).then().body("state", equalTo("RUNNING")));
        TestAccounts.asAdmin().get("/api/v1/jobs/" + jobId).then()
                .body("state", equalTo("CANCELLED"))
                .body("artworkIds", equalTo(List.of()));
    }

    @Test
    void onlyTheAuthorOrAnAdministratorCancelsAJobAndOnlyWithAKeyThatSubmits() {
        String author = TestAccounts.newUserKey();
        UUID jobId = submit(author);
        String readOnly = TestAccounts.as(author).contentType(ContentType.JSON)
                .body("{\"name\":\"reader\",\"scopes\":[\"jobs:read\"]}")
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");

        TestAccounts.as(TestAccounts.newUserKey()).delete("/api/v1/jobs/" + jobId).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pinxit:problem:job-not-found"));
        TestAccounts.as(readOnly).delete("/api/v1/jobs/" + jobId).then().statusCode(403)
                .contentType("application/problem+json");
        TestAccounts.as(author).get("/api/v1/jobs/" + jobId).then().body("state", equalTo("QUEUED"));

        TestAccounts.asAdmin().delete("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
    }

    @Test
    void followersHearThatTheJobWasCancelled() {
        UUID jobId = submit(TestAccounts.ADMIN_KEY);
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(
                () -> EventStreams.follow(baseUrl, json, TestAccounts.ADMIN_KEY, jobId, seen));
        await().atMost(Duration.ofSeconds(30)).until(() -> !seen.isEmpty());

        TestAccounts.asAdmin().delete("/api/v1/jobs/" + jobId).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(stream::isDone);
        assertThat(seen).map(view -> view.get("state").asText()).containsExactly("QUEUED", "CANCELLED");
    }

    private static UUID submit(String key) {
        return UUID.fromString(TestAccounts.as(key).contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":2}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id"));
    }
}
