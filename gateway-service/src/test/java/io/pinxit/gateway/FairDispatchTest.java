package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.Topics;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One account's backlog does not hold up another account's next job: with a window of two commands per topic, Bob's
 * one job reaches the workers' topic as soon as a worker takes one of the two commands of Alice's backlog of ten that
 * were there before it, not after all ten; and every one of Alice's commands still arrives, never more than two at a
 * time waiting. This test stands in for the worker: it takes a command by reporting its job running and done.
 */
@QuarkusTest
@TestProfile(FairDispatchTest.WindowOfTwo.class)
@WithTestResource(LocalInfrastructureTestResource.class)
class FairDispatchTest extends WorkerStandInTest {

    static final int WINDOW = 2;
    private static final int BACKLOG = 10;
    private static final String BULK_JOB = "{\"model\":\"" + KafkaTestSupport.SERVED_MODEL + "\",\"count\":5}";

    public static class WindowOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinxit.gateway.outbox.window", String.valueOf(WINDOW));
        }
    }

    @BeforeEach
    void noOtherJobWaitsInTheTopic() {
        List<String> queued;
        do {
            queued = TestAccounts.asAdmin().queryParam("author", "all").queryParam("state", "QUEUED")
                    .queryParam("limit", 100).get("/api/v1/jobs").then().statusCode(200).extract().path("items.id");
            queued.forEach(id -> TestAccounts.asAdmin().delete("/api/v1/jobs/" + id).then().statusCode(200));
        } while (!queued.isEmpty());
    }

    @Test
    void anotherAccountsJobGoesNextNotBehindTheBacklog() {
        KafkaTestSupport.serveTheModel(kafka);
        String alice = TestAccounts.newUserKey();
        String bob = TestAccounts.newUserKey();
        List<UUID> backlog = new ArrayList<>();
        for (int job = 0; job < BACKLOG; job++) {
            backlog.add(submit(alice));
        }
        var commands = kafka.consumeStrings().fromTopics(Topics.GENERATION_COMMANDS);
        try {
            Set<UUID> ours = new HashSet<>(backlog);
            await().atMost(Duration.ofSeconds(30)).until(() -> published(commands.getRecords(), ours).size() == WINDOW);
            UUID bobs = submit(bob);
            ours.add(bobs);

            Set<UUID> taken = new HashSet<>();
            take(published(commands.getRecords(), ours).get(0), taken);
            await().atMost(Duration.ofSeconds(30)).until(() -> published(commands.getRecords(), ours).contains(bobs));
            assertThat(taken).as("Bob's job waited for one of the two commands ahead of it").hasSize(1);

            while (taken.size() < ours.size()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> waiting(commands.getRecords(), ours, taken) > 0);
                assertThat(waiting(commands.getRecords(), ours, taken)).as("commands waiting in the topic")
                        .isLessThanOrEqualTo(WINDOW);
                take(published(commands.getRecords(), ours).stream().filter(id -> !taken.contains(id)).findFirst()
                        .orElseThrow(), taken);
            }
            assertThat(taken).containsAll(backlog);
        } finally {
            commands.close();
        }
    }

    private static UUID submit(String key) {
        return UUID.fromString(TestAccounts.as(key).contentType(ContentType.JSON).body(BULK_JOB)
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id"));
    }

    /** Takes the command of a job as a worker does: it runs the job and reports it done. */
    private void take(UUID job, Set<UUID> taken) {
        KafkaTestSupport.report(kafka, JobEvent.running(job, JobKind.GENERATION, "stand-in", Instant.now()));
        KafkaTestSupport.report(kafka, JobEvent.succeeded(job, JobKind.GENERATION, List.of(UUID.randomUUID()),
                "stand-in", Instant.now()));
        taken.add(job);
    }

    /** The jobs among {@code ours} whose commands are in the topic, in the order they arrived. */
    private static List<UUID> published(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records,
                                        Set<UUID> ours) {
        return records.stream().map(record -> UUID.fromString(record.key())).filter(ours::contains).distinct()
                .collect(Collectors.toList());
    }

    private static long waiting(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records,
                                Set<UUID> ours, Set<UUID> taken) {
        return published(records, ours).stream().filter(id -> !taken.contains(id)).count();
    }
}
