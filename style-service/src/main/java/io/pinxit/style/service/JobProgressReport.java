package io.pinxit.style.service;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobProgress;
import io.pinxit.inference.style.StyleProgress;
import io.pinxit.jobevents.CancelledJobs;
import io.pinxit.jobevents.JobEventPublisher;
import io.pinxit.jobevents.ProgressPreview;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.UUID;

/**
 * Tells the gateway how a style job advances: every {@value #EVERY} iterations (or training steps) their count, and
 * with each preview the work offers, a small picture of the result as it forms. After every step it stops a job that
 * was cancelled meanwhile (the exception ends the optimisation or training).
 */
final class JobProgressReport implements StyleProgress {

    static final int EVERY = 5;

    private final UUID jobId;
    private final JobKind kind;
    private final JobEventPublisher events;
    private final CancelledJobs cancelled;
    private final String workerId;
    private final Clock clock;

    JobProgressReport(UUID jobId, JobKind kind, JobEventPublisher events, CancelledJobs cancelled, String workerId,
                      Clock clock) {
        this.jobId = jobId;
        this.kind = kind;
        this.events = events;
        this.cancelled = cancelled;
        this.workerId = workerId;
        this.clock = clock;
    }

    @Override
    public void iterated(int iteration, int total) {
        cancelled.checkpoint(jobId);
        if (iteration % EVERY == 0) {
            publish(JobProgress.of(iteration, total));
        }
    }

    @Override
    public void previewed(BufferedImage preview, int iteration, int total) {
        publish(JobProgress.of(iteration, total).withPreview(ProgressPreview.of(preview)));
    }

    private void publish(JobProgress progress) {
        events.publishProgress(jobId, kind, progress, workerId, clock.instant());
    }
}
