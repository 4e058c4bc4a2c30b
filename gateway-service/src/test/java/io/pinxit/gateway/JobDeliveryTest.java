package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.Topics;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What keeps an accepted job from being lost or stuck at the gateway: events for unknown jobs and unreadable events
 * change nothing and stop nothing; a running job whose worker stops answering is issued again, then failed; a job
 * waiting too long is reported; dead letters are listed and replayed once.
 */
@QuarkusTest
@TestProfile(JobDeliveryTest.ShortLeases.class)
@WithTestResource(LocalInfrastructureTestResource.class)
class JobDeliveryTest extends WorkerStandInTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    public static class ShortLeases implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinxit.gateway.leases.duration", "2s", "pinxit.gateway.leases.reap-every", "500ms",
                    "pinxit.gateway.leases.max-attempts", "2", "pinxit.gateway.leases.queued-deadline", "3s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void announceTheServedModel() {
        KafkaTestSupport.serveTheModel(kafka);
    }

    @Test
    void anEventForAJobThisGatewayNeverAcceptedMakesNoRow() throws SQLException {
        UUID stranger = UUID.randomUUID();
        KafkaTestSupport.report(kafka, JobEvent.succeeded(stranger, JobKind.GENERATION, List.of(),
                "test-worker", Instant.now()));
        UUID known = submit();
        KafkaTestSupport.report(kafka, JobEvent.running(known, JobKind.GENERATION, "test-worker", Instant.now()));

        awaitState(known, "RUNNING");
        assertThat(rowsOf(stranger)).isZero();
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithItsBytesAndTheNextOneIsApplied() {
        var deadLetters = kafka.consumeStrings().fromTopics(Topics.JOB_EVENTS_DEAD_LETTER);
        try {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.JOB_EVENTS, "poison", "{not json"))
                    .awaitCompletion();
            UUID known = submit();
            KafkaTestSupport.report(kafka, JobEvent.running(known, JobKind.GENERATION, "test-worker",
                    Instant.now()));

            awaitState(known, "RUNNING");
            await().atMost(PATIENCE).until(() -> deadLetters.getRecords().stream()
                    .anyMatch(record -> "{not json".equals(record.value())));
        } finally {
            deadLetters.close();
        }
    }

    @Test
    void aRunningJobWhoseWorkerStopsAnsweringIsIssuedAgainThenFailedAfterTheLastAttempt() {
        UUID job = submit();
        KafkaTestSupport.report(kafka, JobEvent.running(job, JobKind.GENERATION, "test-worker", Instant.now()));
        awaitState(job, "RUNNING");

        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/jobs/" + job).then()
                .body("state", equalTo("QUEUED")).body("attempts", equalTo(2)));
        await().atMost(PATIENCE).until(() -> commandsOf(job) == 2);

        KafkaTestSupport.report(kafka, JobEvent.running(job, JobKind.GENERATION, "test-worker", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/jobs/" + job).then()
                .body("state", equalTo("FAILED")).body("failure.type", equalTo("urn:pinxit:problem:lease-expired"))
                .body("attempts", equalTo(2)));
    }

    @Test
    void aJobQueuedPastTheDeadlineIsMarkedOverdueAndCounted() {
        UUID job = submit();

        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/jobs/" + job).then()
                .body("state", equalTo("QUEUED")).body("overdueSince", notNullValue()));
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("pinxit_jobs_overdue\\S* [1-9]");
    }

    @Test
    void aDeadLetterIsReplayedOnceByIssuingItsJobsCommandAgain() {
        UUID job = submit();
        var failure = new JobFailure("urn:pinxit:problem:dependency-unavailable", "A service was down", "S3");
        KafkaTestSupport.report(kafka, JobEvent.failed(job, JobKind.GENERATION, failure, "test-worker",
                Instant.now()));
        awaitState(job, "FAILED");
        var headers = new RecordHeaders().add(new RecordHeader("dead-letter-reason",
                "S3 still down".getBytes(StandardCharsets.UTF_8))).add(new RecordHeader("dead-letter-topic",
                Topics.GENERATION_COMMANDS.getBytes(StandardCharsets.UTF_8)));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.GENERATION_COMMANDS_DEAD_LETTER, null,
                job.toString(), "{}", headers)).awaitCompletion();

        var letters = await().atMost(PATIENCE).until(() -> TestAccounts.asAdmin()
                .get("/api/v1/admin/dead-letters/" + Topics.GENERATION_COMMANDS_DEAD_LETTER).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.key == '" + job + "' }", Map.class),
                list -> !list.isEmpty());
        Map<?, ?> letter = letters.get(0);
        assertThat(letter.get("reason")).isEqualTo("S3 still down");
        assertThat(letter.get("jobId")).isEqualTo(job.toString());
        assertThat(letter.get("originalTopic")).isEqualTo(Topics.GENERATION_COMMANDS);
        assertThat(letter.get("replayedAt")).isNull();
        String replay = "/api/v1/admin/dead-letters/" + Topics.GENERATION_COMMANDS_DEAD_LETTER + "/"
                + letter.get("partition") + "/" + letter.get("offset") + "/replay";

        TestAccounts.asAdmin().post(replay).then().statusCode(200).body("outcome", equalTo("REISSUED"));
        TestAccounts.asAdmin().get("/api/v1/jobs/" + job).then().body("state", equalTo("QUEUED"))
                .body("attempts", equalTo(2)).body("failure", equalTo(null));
        TestAccounts.asAdmin().post(replay).then().statusCode(200).body("outcome", equalTo("ALREADY_REPLAYED"));
        await().atMost(PATIENCE).until(() -> commandsOf(job) == 2);
    }

    @Test
    void deadLettersAreForAdminKeysOnly() {
        TestAccounts.as(TestAccounts.newUserKey())
                .get("/api/v1/admin/dead-letters/" + Topics.GENERATION_COMMANDS_DEAD_LETTER)
                .then().statusCode(403).contentType("application/problem+json");
        TestAccounts.asAdmin().get("/api/v1/admin/dead-letters/no.such.topic")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private UUID submit() {
        return UUID.fromString(TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":1}").post("/api/v1/jobs/generations")
                .then().statusCode(202).extract().path("id"));
    }

    private void awaitState(UUID job, String state) {
        await().atMost(PATIENCE).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/jobs/" + job).then()
                .body("state", equalTo(state)));
    }

    /** How many commands the topic holds for the job, read for two seconds from the start. */
    private long commandsOf(UUID job) {
        return kafka.consumeStrings().fromTopics(Topics.GENERATION_INTERACTIVE_COMMANDS, Duration.ofSeconds(2))
                .awaitCompletion().getRecords().stream().filter(record -> job.toString().equals(record.key()))
                .count();
    }

    private long rowsOf(UUID job) throws SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("select count(*) from gateway.job where id = ?")) {
            statement.setObject(1, job);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
