package io.pinxit.generation;

import static org.awaitility.Awaitility.await;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.contracts.JobCancellation;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.ModelAnnouncement;
import io.pinxit.contracts.Topics;
import io.pinxit.contracts.UpscaleCommand;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The worker's topics on the real broker, as its tests use them: commands and cancellations in, job events out. */
final class WorkerTopics implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaCompanion kafka;
    private final ConsumerTask<String, JobEvent> events;

    WorkerTopics(String bootstrapServers) {
        kafka = new KafkaCompanion(bootstrapServers);
        kafka.registerSerde(GenerationCommand.class, new ObjectMapperSerde<>(GenerationCommand.class));
        kafka.registerSerde(UpscaleCommand.class, new ObjectMapperSerde<>(UpscaleCommand.class));
        kafka.registerSerde(InterpolationCommand.class, new ObjectMapperSerde<>(InterpolationCommand.class));
        kafka.registerSerde(JobEvent.class, new ObjectMapperSerde<>(JobEvent.class));
        kafka.registerSerde(JobCancellation.class, new ObjectMapperSerde<>(JobCancellation.class));
        kafka.registerSerde(ModelAnnouncement.class, new ObjectMapperSerde<>(ModelAnnouncement.class));
        events = kafka.consume(JobEvent.class).fromTopics(Topics.JOB_EVENTS);
    }

    /** For what the helpers below do not cover: dead letters, announcements. */
    KafkaCompanion companion() {
        return kafka;
    }

    void send(GenerationCommand command) {
        sendAfter(command, command);
    }

    void sendInteractive(GenerationCommand command) {
        kafka.produce(GenerationCommand.class).fromRecords(new ProducerRecord<>(Topics.GENERATION_INTERACTIVE_COMMANDS,
                command.jobId().toString(), command)).awaitCompletion();
    }

    /** Sends {@code command} on the partition of {@code earlier}, so that the worker takes it after that one. */
    void sendAfter(GenerationCommand command, GenerationCommand earlier) {
        kafka.produce(GenerationCommand.class)
                .fromRecords(new ProducerRecord<>(Topics.GENERATION_COMMANDS, earlier.jobId().toString(), command))
                .awaitCompletion();
    }

    void send(UpscaleCommand command) {
        kafka.produce(UpscaleCommand.class)
                .fromRecords(new ProducerRecord<>(Topics.UPSCALE_COMMANDS, command.jobId().toString(), command))
                .awaitCompletion();
    }

    void send(InterpolationCommand command) {
        kafka.produce(InterpolationCommand.class)
                .fromRecords(new ProducerRecord<>(Topics.INTERPOLATION_COMMANDS, command.jobId().toString(), command))
                .awaitCompletion();
    }

    /** Cancels a job as the gateway does. */
    void cancel(UUID jobId, JobKind kind) {
        kafka.produce(JobCancellation.class).fromRecords(new ProducerRecord<>(Topics.JOB_CANCELLATIONS,
                jobId.toString(), JobCancellation.of(jobId, kind, Instant.now()))).awaitCompletion();
    }

    JobEvent awaitEvent(UUID jobId, JobState state) {
        await().atMost(PATIENCE).until(() -> eventsOf(jobId).stream().anyMatch(event -> event.state() == state));
        return eventsOf(jobId).stream().filter(event -> event.state() == state).findFirst().orElseThrow();
    }

    List<JobEvent> eventsOf(UUID jobId) {
        return events.getRecords().stream().map(ConsumerRecord::value)
                .filter(event -> event.jobId().equals(jobId)).toList();
    }

    @Override
    public void close() {
        events.close();
        kafka.close();
    }
}
