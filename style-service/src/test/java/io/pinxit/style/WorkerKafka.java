package io.pinxit.style;

import static org.awaitility.Awaitility.await;

import io.pinxit.contracts.JobCancellation;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.StyleTrainingCommand;
import io.pinxit.contracts.Topics;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The broker as a test of the style worker sees it: commands go in, job events come back. */
final class WorkerKafka implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(120);

    private final KafkaCompanion kafka;
    private final ConsumerTask<String, JobEvent> events;

    WorkerKafka(String bootstrapServers) {
        kafka = new KafkaCompanion(bootstrapServers);
        kafka.registerSerde(StyleCommand.class, new ObjectMapperSerde<>(StyleCommand.class));
        kafka.registerSerde(StyleTrainingCommand.class, new ObjectMapperSerde<>(StyleTrainingCommand.class));
        kafka.registerSerde(JobEvent.class, new ObjectMapperSerde<>(JobEvent.class));
        kafka.registerSerde(JobCancellation.class, new ObjectMapperSerde<>(JobCancellation.class));
        events = kafka.consume(JobEvent.class).fromTopics(Topics.JOB_EVENTS);
    }

    void send(StyleCommand command) {
        kafka.produce(StyleCommand.class)
                .fromRecords(new ProducerRecord<>(Topics.STYLE_COMMANDS, command.jobId().toString(), command))
                .awaitCompletion();
    }

    void send(StyleTrainingCommand command) {
        kafka.produce(StyleTrainingCommand.class)
                .fromRecords(new ProducerRecord<>(Topics.STYLE_TRAINING_COMMANDS, command.jobId().toString(), command))
                .awaitCompletion();
    }

    /** Cancels a job as the gateway does. */
    void cancel(UUID jobId, JobKind kind) {
        kafka.produce(JobCancellation.class).fromRecords(new ProducerRecord<>(Topics.JOB_CANCELLATIONS,
                jobId.toString(), JobCancellation.of(jobId, kind, Instant.now()))).awaitCompletion();
    }

    /** The first event of the job in that state, once there is one. */
    JobEvent awaitEvent(UUID jobId, JobState state) {
        awaitEvents(jobId, state, 1);
        return eventsOf(jobId).stream().filter(event -> event.state() == state).findFirst().orElseThrow();
    }

    void awaitEvents(UUID jobId, JobState state, int count) {
        await().atMost(PATIENCE).until(() -> eventsOf(jobId).stream()
                .filter(event -> event.state() == state).count() >= count);
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
