package io.pinxit.style.service;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.jobevents.JobEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs one job and reports it to the gateway: RUNNING, progress (with previews) while it works, then SUCCEEDED with
 * the artworks it made, or FAILED with the reason, and the exception is rethrown so that the command is dead-lettered.
 */
@ApplicationScoped
public class JobReporting {

    private static final Logger LOG = Logger.getLogger(JobReporting.class);

    private final JobEventPublisher events;
    private final Clock clock;
    private final String workerId;

    JobReporting(JobEventPublisher events, Clock clock, @ConfigProperty(name = "pinxit.worker.id") String workerId) {
        this.events = events;
        this.clock = clock;
        this.workerId = workerId;
    }

    /** The work of a job, told how to report its progress: the artworks it recorded. */
    @FunctionalInterface
    interface Work {
        List<UUID> run(StyleProgress progress);
    }

    void run(UUID jobId, JobKind kind, Work work, Function<RuntimeException, JobFailure> failureOf) {
        events.publish(JobEvent.running(jobId, kind, workerId, clock.instant()));
        List<UUID> made;
        try {
            made = work.run(new JobProgressReport(jobId, kind, events, workerId, clock));
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s job %s failed", kind, jobId);
            events.publish(JobEvent.failed(jobId, kind, failureOf.apply(e), workerId, clock.instant()));
            throw e;
        }
        events.publish(JobEvent.succeeded(jobId, kind, made, workerId, clock.instant()));
    }
}
