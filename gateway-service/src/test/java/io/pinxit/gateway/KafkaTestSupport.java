package io.pinxit.gateway;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        return announcementOf(modelId, "gan", labels);
    }

    /** A conditional generator of a family ({@code gan}, {@code vae}) whose card lists {@code labels}. */
    static ModelAnnouncement announcementOf(String modelId, String family, List<String> labels) {
        ObjectNode card = JsonNodeFactory.instance.objectNode().put("id", modelId).put("family", family);
        labels.forEach(card.putArray("labels")::add);
        return ModelAnnouncement.of("test-worker-" + modelId, JobKind.GENERATION,
                List.of(new ServedModel(modelId, "1", family, card)), Instant.now(), Duration.ofMinutes(10));
    }

    /** A prompt generator whose card lists the {@code vocabulary} its prompts may use. */
    static ModelAnnouncement announcementOfPromptModel(String modelId, List<String> vocabulary) {
        ObjectNode card = JsonNodeFactory.instance.objectNode().put("id", modelId).put("family", "gan");
        vocabulary.forEach(card.putArray("vocabulary")::add);
        return ModelAnnouncement.of("test-worker-" + modelId, JobKind.GENERATION,
                List.of(new ServedModel(modelId, "1", "gan", card)), Instant.now(), Duration.ofMinutes(10));
    }

    static void announce(KafkaCompanion companion, ModelAnnouncement announcement) {
        companion.produce(ModelAnnouncement.class)
                .fromRecords(new ProducerRecord<>(Topics.WORKER_MODELS, announcement.workerId(), announcement))
                .awaitCompletion();
    }

    /** Announces {@link #SERVED_MODEL} as a worker would, and waits until the gateway serves it. */
    static void serveTheModel(KafkaCompanion companion) {
        announce(companion, announcementOf(SERVED_MODEL));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestAccounts.asAdmin().get("/api/v1/models").then()
                .statusCode(200).body("id", hasItem(SERVED_MODEL)));
    }

    static void report(KafkaCompanion companion, JobEvent event) {
        companion.produce(JobEvent.class)
                .fromRecords(new ProducerRecord<>(Topics.JOB_EVENTS, event.jobId().toString(), event))
                .awaitCompletion();
    }

    /** The command for a job on a command topic, waiting for it as long as {@code patience}. */
    static ConsumerRecord<String, String> awaitCommand(KafkaCompanion companion, String topic, UUID jobId,
                                                       Duration patience) {
        var commands = companion.consumeStrings().fromTopics(topic);
        try {
            await().atMost(patience).until(() -> commands.getRecords().stream()
                    .anyMatch(record -> jobId.toString().equals(record.key())));
            return commands.getRecords().stream().filter(record -> jobId.toString().equals(record.key()))
                    .findFirst().orElseThrow();
        } finally {
            commands.close();
        }
    }
}
