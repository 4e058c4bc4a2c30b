package io.pinxit.jobevents;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobProgress;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * How a worker reports job progress (on its {@code job-events} channel, keyed by job id); {@link #publish} returns
 * once Kafka holds the event, so a command is acknowledged only after its outcome is.
 */
@ApplicationScoped
public class JobEventPublisher {

    private static final Logger LOG = Logger.getLogger(JobEventPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<JobEvent> jobEvents;

    JobEventPublisher(@Channel("job-events") MutinyEmitter<JobEvent> jobEvents) {
        this.jobEvents = jobEvents;
    }

    public void publish(JobEvent event) {
        jobEvents.sendMessage(keyed(event)).await().atMost(ACK_TIMEOUT);
    }

    /**
     * Tells the gateway that a job is still running, which renews its lease. Best effort, like progress: a lost
     * heartbeat is covered by the next one.
     */
    public void publishHeartbeat(JobEvent running) {
        publishBestEffort(running, "Heartbeat");
    }

    /**
     * Reports how far a running job is, with a small preview of the picture as it forms (see
     * {@link ProgressPreview#of}). Best effort: it does not wait for Kafka and never fails the job, since a lost
     * progress report only means that followers see the next one. Reports of one job keep their order, and an
     * outcome published after them is never overtaken (one producer, one partition per job).
     */
    public void publishProgress(UUID jobId, JobKind kind, JobProgress progress, String worker, Instant at) {
        publishBestEffort(JobEvent.progressed(jobId, kind, progress, worker, at),
                "Progress (iteration " + progress.iteration() + ")");
    }

    private void publishBestEffort(JobEvent event, String what) {
        jobEvents.sendMessage(keyed(event)).subscribe().with(
                sent -> { },
                failure -> LOG.warnf("%s of job %s did not reach Kafka: %s", what, event.jobId(),
                        failure.getMessage()));
    }

    private static Message<JobEvent> keyed(JobEvent event) {
        var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.jobId().toString()).build();
        return Message.of(event).addMetadata(key);
    }
}
