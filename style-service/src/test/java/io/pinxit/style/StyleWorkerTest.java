package io.pinxit.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.Topics;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class StyleWorkerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aStyleCommandEndsItsJobWithAReasonInsteadOfWaitingForever() {
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofArtwork(UUID.randomUUID()),
                StyleCommand.Input.ofArtwork(UUID.randomUUID()), StyleCommand.DEFAULT_STRENGTH, false,
                StyleCommand.DEFAULT_SIZE, 1L, null, Instant.now());
        try (var kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.registerSerde(StyleCommand.class, new ObjectMapperSerde<>(StyleCommand.class));
            kafka.registerSerde(JobEvent.class, new ObjectMapperSerde<>(JobEvent.class));
            var events = kafka.consume(JobEvent.class).fromTopics(Topics.JOB_EVENTS);

            kafka.produce(StyleCommand.class)
                    .fromRecords(new ProducerRecord<>(Topics.STYLE_COMMANDS, command.jobId().toString(), command))
                    .awaitCompletion();

            await().atMost(Duration.ofSeconds(60)).until(() -> events.getRecords().stream()
                    .anyMatch(record -> record.value().jobId().equals(command.jobId())));
            JobEvent event = events.getRecords().stream().map(ConsumerRecord::value)
                    .filter(candidate -> candidate.jobId().equals(command.jobId())).findFirst().orElseThrow();
            assertThat(event.state()).isEqualTo(JobState.FAILED);
            assertThat(event.kind()).isEqualTo(JobKind.STYLE_TRANSFER);
            assertThat(event.failure().type()).isEqualTo("urn:pinxit:problem:style-transfer-unavailable");
            events.close();
        }
    }
}
