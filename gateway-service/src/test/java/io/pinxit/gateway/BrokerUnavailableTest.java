package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Kafka unreachable the gateway refuses jobs with 503 and Retry-After, and records nothing. */
@QuarkusTest
@TestProfile(BrokerUnavailableTest.CommandsGoNowhere.class)
@WithTestResource(LocalInfrastructureTestResource.class)
class BrokerUnavailableTest {

    /** Points only the command channel at a port where no broker listens. */
    public static class CommandsGoNowhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.generation-commands.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "pinxit.gateway.publish-timeout", "6s");
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

    @Test
    void aSubmissionIsRefusedWith503AndRetryAfterAndRecordsNothing() throws SQLException {
        servedModels.accept(KafkaTestSupport.announcementOf(KafkaTestSupport.SERVED_MODEL));
        long jobsBefore = jobCount();

        TestAccounts.asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", "while-kafka-is-down")
                .body("{\"model\":\"emoji-dcgan\",\"count\":1}")
                .post("/api/v1/jobs/generations").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:pinxit:problem:broker-unavailable"));

        assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    private long jobCount() throws SQLException {
        try (var connection = dataSource.getConnection();
             var rows = connection.createStatement().executeQuery("select count(*) from gateway.job")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
