package io.pinxit.style.service;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.jobevents.CancelledJobs;
import io.pinxit.jobevents.JobEventPublisher;
import io.pinxit.jobevents.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one style job through {@link JobExecution} (retried, reported, drained, cancelled), telling the work how to
 * report its progress (with previews); the job succeeds with the artworks the work recorded.
 */
@ApplicationScoped
public class JobReporting {

    private final JobExecution execution;
    private final JobEventPublisher events;
    private final CancelledJobs cancelled;
    private final Clock clock;
    private final String workerId;

    JobReporting(JobExecution execution, JobEventPublisher events, CancelledJobs cancelled, Clock clock,
                 @ConfigProperty(name = "pinxit.worker.id") String workerId) {
        this.execution = execution;
        this.events = events;
        this.cancelled = cancelled;
        this.clock = clock;
        this.workerId = workerId;
    }

    /** The work of a job, told how to report its progress: the artworks it recorded. */
    @FunctionalInterface
    interface Work {
        List<UUID> run(StyleProgress progress);
    }

    void run(UUID jobId, JobKind kind, Work work, Function<RuntimeException, JobFailure> failureOf) {
        var progress = new JobProgressReport(jobId, kind, events, cancelled, workerId, clock);
        execution.run(jobId, kind,
                () -> JobEvent.succeeded(jobId, kind, work.run(progress), workerId, clock.instant()), failureOf);
    }
}
