package io.pinxit.jobevents;

import io.pinxit.contracts.JobEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * How a worker reports job progress (on its {@code job-events} channel, keyed by job id); returns once Kafka holds the
 * event, so a command is acknowledged only after its outcome is.
 */
@ApplicationScoped
public class JobEventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<JobEvent> jobEvents;

    JobEventPublisher(@Channel("job-events") MutinyEmitter<JobEvent> jobEvents) {
        this.jobEvents = jobEvents;
    }

    public void publish(JobEvent event) {
        var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.jobId().toString()).build();
        jobEvents.sendMessage(Message.of(event).addMetadata(key)).await().atMost(ACK_TIMEOUT);
    }
}
