package io.pinxit.gateway.service;

import io.pinxit.contracts.JobState;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Cancels queued and running jobs. The job's state and the outbox entry that tells the workers commit together, so a
 * cancelled job's command is either never sent or followed by its cancellation. Cancelling a cancelled job again
 * changes nothing; a job that has ended otherwise cannot be cancelled.
 */
@ApplicationScoped
public class JobCancellations {

    private final JobStore jobs;
    private final CommandOutbox outbox;
    private final JobOutcomes outcomes;
    private final Clock clock;

    JobCancellations(JobStore jobs, CommandOutbox outbox, JobOutcomes outcomes, Clock clock) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** The job, cancelled. */
    @Transactional
    public Job cancel(Job job) {
        Instant now = clock.instant();
        return jobs.cancel(job.id(), now).map(cancelled -> {
            outbox.cancel(job.id(), now);
            outcomes.ended(cancelled);
            return cancelled;
        }).orElseGet(() -> alreadyEnded(job));
    }

    private Job alreadyEnded(Job job) {
        Job now = jobs.find(job.id()).orElseThrow();
        if (now.state() == JobState.CANCELLED) {
            return now;
        }
        throw new ProblemException(Problem.of(GatewayProblems.JOB_ENDED,
                "Job " + job.id() + " has " + now.state().name().toLowerCase(Locale.ROOT)
                        + " already; only a queued or running job can be cancelled"));
    }
}
