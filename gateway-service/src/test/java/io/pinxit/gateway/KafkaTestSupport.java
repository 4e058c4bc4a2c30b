package io.pinxit.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.ModelAnnouncement;
import io.pinxit.contracts.ServedModel;
import io.pinxit.contracts.Topics;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Talks to the test's real Kafka broker the way the workers do. */
final class KafkaTestSupport {

    static final String SERVED_MODEL = "emoji-dcgan";

    private KafkaTestSupport() {
    }

    static KafkaCompanion companion(String bootstrapServers) {
        var companion = new KafkaCompanion(bootstrapServers);
        companion.registerSerde(JobEvent.class, new ObjectMapperSerde<>(JobEvent.class));
        companion.registerSerde(ModelAnnouncement.class, new ObjectMapperSerde<>(ModelAnnouncement.class));
        return companion;
    }

    static ModelAnnouncement announcementOf(String modelId) {
        return ModelAnnouncement.of("test-worker-" + modelId, JobKind.GENERATION,
                List.of(new ServedModel(modelId, "1", "gan", null)), Instant.now(), Duration.ofMinutes(10));
    }

    /** A conditional generator whose card lists {@code labels}. */
    static ModelAnnouncement announcementOf(String modelId, List<String> labels) {
        ObjectNode card = JsonNodeFactory.instance.objectNode().put("id", modelId);
        labels.forEach(card.putArray("labels")::add);
        return ModelAnnouncement.of("test-worker-" + modelId, JobKind.GENERATION,
                List.of(new ServedModel(modelId, "1", "gan", card)), Instant.now(), Duration.ofMinutes(10));
    }

    static void announce(KafkaCompanion companion, ModelAnnouncement announcement) {
        companion.produce(ModelAnnouncement.class)
                .fromRecords(new ProducerRecord<>(Topics.WORKER_MODELS, announcement.workerId(), announcement))
                .awaitCompletion();
    }

    static void report(KafkaCompanion companion, JobEvent event) {
        companion.produce(JobEvent.class)
                .fromRecords(new ProducerRecord<>(Topics.JOB_EVENTS, event.jobId().toString(), event))
                .awaitCompletion();
    }
}
