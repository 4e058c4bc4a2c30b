package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.pinxit.gateway.service.CommandOutbox;
import io.pinxit.gateway.service.CommandOutbox.PendingCommand;
import io.pinxit.gateway.service.ServedModels;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * With Kafka unreachable the gateway still accepts jobs, and cancels them: their commands wait in the outbox, and a
 * cancellation takes the place of its job's command there.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.CommandsGoNowhere.class)
@WithTestResource(LocalInfrastructureTestResource.class)
class BrokerOutageTest {

    /** Points only the command channel at a port where no broker listens. */
    public static class CommandsGoNowhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.commands.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "pinxit.gateway.outbox.publish-timeout", "2s");
        }

        private static int closedPort() {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    ServedModels servedModels;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CommandOutbox outbox;

    @Test
    void aSubmissionIsAcceptedAndItsCommandWaitsInTheOutbox() throws SQLException {
        servedModels.accept(KafkaTestSupport.announcementOf(KafkaTestSupport.SERVED_MODEL));

        String jobId = TestAccounts.asAdmin().contentType(ContentType.JSON)
                .header("Idempotency-Key", "while-kafka-is-down")
                .body("{\"model\":\"emoji-dcgan\",\"count\":1}")
                .post("/api/v1/jobs/generations").then()
                .statusCode(202)
                .body("state", equalTo("QUEUED"))
                .extract().path("id");

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> outboxEntriesOf(jobId), equalTo(1L));
    }

    @Test
    void aJobCancelledBeforeItsCommandLeftIsNeverSentToAWorker() {
        servedModels.accept(KafkaTestSupport.announcementOf(KafkaTestSupport.SERVED_MODEL));
        UUID jobId = UUID.fromString(TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":1}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().path("id"));

        TestAccounts.asAdmin().delete("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("state", equalTo("CANCELLED"));

        List<PendingCommand> relayed = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            outbox.relay(100, relayed::addAll);
            return relayed.stream().anyMatch(entry -> entry.jobId().equals(jobId));
        });
        assertThat(relayed).filteredOn(entry -> entry.jobId().equals(jobId))
                .singleElement().satisfies(entry -> assertThat(entry.cancels()).isTrue());
    }

    private long outboxEntriesOf(String jobId) throws SQLException {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("select count(*) from gateway.outbox where job_id = ?")) {
            statement.setObject(1, UUID.fromString(jobId));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
