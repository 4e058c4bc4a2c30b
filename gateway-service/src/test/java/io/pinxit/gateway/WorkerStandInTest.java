package io.pinxit.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A gateway test that stands in for the workers on the test's real Kafka broker: through {@link #kafka} it reads the
 * commands the gateway publishes and reports job events and announcements as workers do (see
 * {@link KafkaTestSupport}).
 */
abstract class WorkerStandInTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    KafkaCompanion kafka;

    @BeforeEach
    void connectToKafka() {
        kafka = KafkaTestSupport.companion(bootstrapServers);
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }
}
