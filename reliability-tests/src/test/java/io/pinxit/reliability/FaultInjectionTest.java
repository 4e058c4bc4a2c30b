package io.pinxit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pinxit.contracts.Topics;
import io.pinxit.launcher.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults, one scenario at a time, under a steady stream of generation, upscale and fast style jobs through the
 * packaged services. Each scenario ends only when every job it accepted has ended: all must succeed, with exactly
 * their artworks, recorded once; none may fail because of the fault. The table of results is printed and written to
 * {@code target/reliability-report.md} (docs/reliability.md holds a run of it).
 *
 * <p>Fixed waits here are the faults themselves (a database frozen for 30 s) or the client's pace, never a way to
 * wait for the system: that is what Awaitility and the ledger are for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** About a third of what one CPU worker records (~11 pictures a second), so that backlogs come from faults. */
    private static final Duration PACE = Duration.ofMillis(1500);
    private static final int KILLS = 10;
    private static final int BACKLOG = 300;
    private static final List<ScenarioResult> RESULTS = new ArrayList<>();

    private static FaultySuite suite;
    private static Ledger ledger;
    private static JobStream.JobTemplate generation;
    private static JobStream.JobTemplate bigGeneration;
    private static JobStream.JobTemplate upscale;
    private static JobStream.JobTemplate fastStyle;
    private static JobStream.JobTemplate neuralStyle;

    @BeforeAll
    static void startTheSuiteAndMakeAPictureToWorkOn() {
        suite = FaultySuite.start();
        ledger = new Ledger(suite);
        generation = new JobStream.JobTemplate("GENERATION", "/api/v1/jobs/generations",
                "{\"model\":\"emoji-dcgan\",\"count\":4}", 4);
        bigGeneration = new JobStream.JobTemplate("GENERATION", "/api/v1/jobs/generations",
                "{\"model\":\"emoji-dcgan\",\"count\":8}", 8);
        try (var stream = JobStream.idle(suite)) {
            AcceptedJob first = stream.submit(generation);
            ledger.settle(List.of(first));
            String artwork = suite.asAdmin().get("/api/v1/jobs/" + first.id()).then().statusCode(200)
                    .extract().path("artworkIds[0]");
            String greatWave = suite.asAdmin().get("/api/v1/styles").then().statusCode(200).extract().jsonPath()
                    .getString("items.find { it.fastStyle?.origin == 'shipped' }.id");
            upscale = new JobStream.JobTemplate("UPSCALE", "/api/v1/jobs/upscales",
                    "{\"artworkId\":\"" + artwork + "\",\"factor\":2}", 1);
            fastStyle = new JobStream.JobTemplate("STYLE_TRANSFER", "/api/v1/jobs/style-transfers",
                    "{\"content\":{\"artworkId\":\"" + artwork + "\"},\"style\":{\"styleId\":\"" + greatWave
                            + "\"},\"size\":128}", 1);
            neuralStyle = new JobStream.JobTemplate("STYLE_TRANSFER", "/api/v1/jobs/style-transfers",
                    "{\"content\":{\"artworkId\":\"" + artwork + "\"},\"style\":{\"artworkId\":\"" + artwork
                            + "\"},\"size\":96,\"method\":\"neural\"}", 1);
        }
    }

    @Test
    @Order(1)
    void aGenerationWorkerKilledMidBatchTenTimesInARowLosesNoJob() {
        Instant faultEnded;
        try (var stream = JobStream.start(suite, List.of(bigGeneration, generation), PACE)) {
            for (int kill = 0; kill < KILLS; kill++) {
                Instant readyAt = Instant.now();
                // Past the supervisor's crash-loop window, so each new worker starts after the first backoff.
                await().atMost(FaultySuite.PATIENCE).pollInterval(Duration.ofMillis(100))
                        .until(() -> aGenerationIsRunning() && Instant.now().isAfter(readyAt.plusSeconds(10)));
                suite.crash("generation-service");
            }
            faultEnded = Instant.now();
            settle("kill -9 the generation worker mid-batch, " + KILLS + " times", stream, faultEnded);
        }
    }

    @Test
    @Order(2)
    void aStyleWorkerStoppedMidTransferFinishesTheJobOrHandsItBack() {
        var mostlyFast = List.of(neuralStyle, fastStyle, fastStyle, fastStyle, fastStyle, fastStyle);
        try (var stream = JobStream.start(suite, mostlyFast, PACE)) {
            await().atMost(FaultySuite.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> ledger.count(
                    "select count(*) from gateway.job where state = 'RUNNING' and kind = 'STYLE_TRANSFER'") > 0);
            long stopped = suite.service("style-service").pid();
            suite.service("style-service").close();
            await().atMost(FaultySuite.PATIENCE).until(() -> suite.service("style-service").pid() != stopped
                    && suite.service("style-service").isAlive());
            suite.service("style-service").awaitReady(FaultySuite.PATIENCE);
            settle("SIGTERM the style worker mid-transfer (a rolling update)", stream, Instant.now());
        }
    }

    @Test
    @Order(3)
    void kafkaDownAndTheGatewayKilledWithCommandsInItsOutboxLosesNoJob() throws SQLException {
        try (var stream = JobStream.start(suite, List.of(generation, upscale, fastStyle), PACE)) {
            suite.infrastructure().kafka().stopServing();
            for (int i = 0; i < 3; i++) {
                stream.submit(generation);
            }
            assertThat(ledger.count("select count(*) from gateway.outbox"))
                    .as("commands accepted while Kafka is down wait in the outbox").isGreaterThanOrEqualTo(3);
            suite.service("gateway-service").kill();
            suite.infrastructure().kafka().serveAgain();
            await().atMost(FaultySuite.PATIENCE).until(() -> suite.service("gateway-service").isAlive());
            suite.service("gateway-service").awaitReady(FaultySuite.PATIENCE);
            settle("Kafka down, then the gateway killed with commands in its outbox", stream, Instant.now());
        }
    }

    @Test
    @Order(4)
    void postgresFrozenForThirtySecondsLosesNoJob() throws InterruptedException {
        var postgres = suite.infrastructure().postgres();
        throughAnOutage("PostgreSQL frozen (SIGSTOP) for " + OUTAGE.toSeconds() + " s", postgres::freeze,
                postgres::thaw);
    }

    @Test
    @Order(5)
    void s3UnavailableForThirtySecondsLosesNoJob() throws InterruptedException {
        var s3 = suite.infrastructure().s3();
        throughAnOutage("S3 unavailable for " + OUTAGE.toSeconds() + " s", s3::stopServing, s3::serveAgain);
    }

    @Test
    @Order(6)
    void aPoisonRecordOnEveryCommandTopicIsDeadLetteredAndStopsNothing() {
        Map<String, Long> pids = pids();
        Map<String, String> deadLetterTopics = Map.of(
                Topics.GENERATION_COMMANDS, Topics.GENERATION_COMMANDS_DEAD_LETTER,
                Topics.GENERATION_INTERACTIVE_COMMANDS, Topics.GENERATION_COMMANDS_DEAD_LETTER,
                Topics.UPSCALE_COMMANDS, Topics.UPSCALE_COMMANDS_DEAD_LETTER,
                Topics.INTERPOLATION_COMMANDS, Topics.INTERPOLATION_COMMANDS_DEAD_LETTER,
                Topics.STYLE_COMMANDS, Topics.STYLE_COMMANDS_DEAD_LETTER,
                Topics.STYLE_TRAINING_COMMANDS, Topics.STYLE_TRAINING_COMMANDS_DEAD_LETTER,
                Topics.JOB_EVENTS, Topics.JOB_EVENTS_DEAD_LETTER);
        String poison = "poison " + UUID.randomUUID();
        try (var producer = producer(); var stream = JobStream.start(suite, List.of(generation, upscale, fastStyle),
                PACE)) {
            deadLetterTopics.keySet().forEach(topic ->
                    producer.send(new ProducerRecord<>(topic, "poison", poison + " on " + topic)));
            producer.flush();
            for (var topic : deadLetterTopics.entrySet()) {
                await().atMost(FaultySuite.PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> suite.asAdmin()
                        .get("/api/v1/admin/dead-letters/" + topic.getValue()).then().statusCode(200).extract()
                        .jsonPath().getList("value", String.class).contains(poison + " on " + topic.getKey()));
            }
            settle("a poison record on every command topic and on job events", stream, Instant.now());
        }
        assertThat(pids()).as("no service restarted").isEqualTo(pids);
    }

    @Test
    @Order(7)
    void aBacklogOfSeveralHundredCommandsOnOneWorkerDrainsWithoutARestart() {
        Map<String, Long> pids = pids();
        var submitters = Executors.newFixedThreadPool(4);
        try (var client = JobStream.idle(suite)) {
            var submissions = IntStream.range(0, BACKLOG)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> client.submit(upscale), submitters)).toList();
            submissions.forEach(CompletableFuture::join);
            settle("a backlog of " + BACKLOG + " upscale commands on one worker (longer than the connector's old "
                    + "60 s limit on unacknowledged records)", client, Instant.now());
        } finally {
            submitters.shutdownNow();
        }
        assertThat(pids()).as("no service restarted").isEqualTo(pids);
    }

    @Test
    @Order(8)
    void twoOfEachServiceWithOneOfEachKilledLoseNoJobAndEveryLiveStreamSeesItsJobEnd() {
        ServiceProcess secondGateway = suite.startReplica("gateway-service");
        suite.startReplica("generation-service");
        suite.startReplica("style-service");
        try (var stream = JobStream.start(suite, List.of(generation, upscale, fastStyle), PACE)) {
            var followers = new ArrayList<CompletableFuture<String>>();
            for (JobStream.JobTemplate template : List.of(generation, upscale, fastStyle, generation, bigGeneration,
                    fastStyle)) {
                AcceptedJob job = stream.submit(template);
                followers.add(LiveFollower.follow(suite.service("gateway-service"), suite.adminKey(), job.id()));
                followers.add(LiveFollower.follow(secondGateway, suite.adminKey(), job.id()));
            }
            CompletableFuture.allOf(followers.toArray(CompletableFuture[]::new)).join();
            assertThat(followers).as("every live stream, on either gateway, sees its job succeed")
                    .allSatisfy(follower -> assertThat(follower.join()).contains("\"state\":\"SUCCEEDED\""));

            suite.service("generation-service").kill();
            suite.service("style-service-2").kill();
            suite.service("gateway-service-2").kill();
            for (String service : List.of("generation-service", "style-service-2", "gateway-service-2")) {
                await().atMost(FaultySuite.PATIENCE).until(() -> suite.service(service).isAlive());
                suite.service(service).awaitReady(FaultySuite.PATIENCE);
            }
            settle("two of each service, then one of each killed", stream, Instant.now());
        }
    }

    @Test
    @Order(9)
    void faultsMixedLoseNoJob() throws InterruptedException {
        try (var stream = JobStream.start(suite, List.of(generation, upscale, fastStyle), PACE)) {
            submitABurst(stream);
            suite.infrastructure().postgres().freeze();
            suite.service("generation-service").kill();
            Thread.sleep(Duration.ofSeconds(10).toMillis());
            suite.infrastructure().postgres().thaw();
            suite.infrastructure().s3().stopServing();
            suite.service("style-service").kill();
            suite.service("gateway-service").kill();
            Thread.sleep(Duration.ofSeconds(10).toMillis());
            suite.infrastructure().s3().serveAgain();
            for (String service : List.of("generation-service", "style-service", "gateway-service")) {
                await().atMost(FaultySuite.PATIENCE).until(() -> suite.service(service).isAlive());
                suite.service(service).awaitReady(FaultySuite.PATIENCE);
            }
            settle("mixed: PostgreSQL frozen 10 s with the generation worker killed, then S3 down 10 s with the "
                    + "style worker and the gateway killed", stream, Instant.now());
        }
    }

    @AfterAll
    static void everyArtworkHasItsJobAndTheProvenanceLogVerifies() throws SQLException, IOException {
        try {
            String table = ScenarioResult.HEADER + "\n" + String.join("\n",
                    RESULTS.stream().map(ScenarioResult::row).toList()) + "\n";
            System.out.println("reliability:\n" + table);
            Files.writeString(Path.of("target", "reliability-report.md"), table);
            if (suite == null) {
                return;
            }
            assertThat(ledger.count("""
                    select count(*) from catalog.artwork a
                    where not exists (select 1 from gateway.job j where j.id = a.job_id)"""))
                    .as("artworks without their job").isZero();
            assertThat(ledger.count("select count(*) from gateway.job where author_id is null"))
                    .as("job rows made from events alone").isZero();
            assertThat(ledger.count("select count(*) from gateway.outbox")).as("commands never relayed").isZero();
            suite.gallery().get("/api/v1/provenance-log/verification").then().statusCode(200)
                    .body("intact", org.hamcrest.Matchers.equalTo(true));
        } finally {
            if (suite != null) {
                suite.close();
            }
        }
    }

    private static void settle(String scenario, JobStream stream, Instant faultEnded) {
        Duration recovery = ledger.recoveryAfter(faultEnded, stream);
        stream.close();
        List<AcceptedJob> accepted = stream.accepted();
        ScenarioResult result = ledger.result(scenario, accepted, stream.retries(), recovery);
        RESULTS.add(result);
        System.out.println("reliability: " + result.row());
        assertThat(stream.defects()).as("answers other than 202 or 503 with Retry-After").isEmpty();
        Map<UUID, Ledger.Outcome> outcomes = ledger.settle(accepted);
        assertThat(outcomes).hasSize(accepted.size());
        for (AcceptedJob job : accepted) {
            Ledger.Outcome outcome = outcomes.get(job.id());
            assertThat(outcome.state()).as("job %s (%s), failed with %s", job.id(), job.kind(),
                    outcome.failureType()).isEqualTo("SUCCEEDED");
            assertThat(outcome.listedArtworks()).as("artworks listed on job %s", job.id())
                    .isEqualTo(job.expectedArtworks());
            assertThat(outcome.recordedArtworks()).as("artworks recorded for job %s", job.id())
                    .isEqualTo(job.expectedArtworks());
        }
    }

    /** Takes a dependency away for {@link #OUTAGE} while jobs run and arrive, then brings it back. */
    private static void throughAnOutage(String scenario, Runnable takeAway, Runnable bringBack)
            throws InterruptedException {
        try (var stream = JobStream.start(suite, List.of(generation, upscale, fastStyle), PACE)) {
            submitABurst(stream);
            takeAway.run();
            try {
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                bringBack.run();
            }
            settle(scenario, stream, Instant.now());
        }
    }

    /** Jobs enough to still be running, or queued, when the fault begins. */
    private static void submitABurst(JobStream stream) {
        for (int i = 0; i < 3; i++) {
            stream.submit(bigGeneration);
            stream.submit(upscale);
            stream.submit(fastStyle);
        }
    }

    private static boolean aGenerationIsRunning() throws SQLException {
        return ledger.count("select count(*) from gateway.job where state = 'RUNNING' and kind = 'GENERATION'") > 0;
    }

    private static Map<String, Long> pids() {
        return Map.of("gateway-service", suite.service("gateway-service").pid(),
                "generation-service", suite.service("generation-service").pid(),
                "style-service", suite.service("style-service").pid(),
                "gallery-service", suite.service("gallery-service").pid());
    }

    private static KafkaProducer<String, String> producer() {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                suite.connectionProperties().get("kafka.bootstrap.servers"));
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
