package io.pinxit.gateway.service;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobState;
import io.pinxit.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Optional;

/**
 * Applies a worker's event to the job table and, when that ends the job, counts the ending ({@link JobOutcomes});
 * when it moves the job out of its queue, the relay may release the next command ({@link CommandTaken}).
 * Several consumers apply the same event (the shared group, and every gateway's live feed); only the one whose update
 * moves the job counts it, so each ending counts once.
 */
@ApplicationScoped
public class WorkerEvents {

    private final JobStore jobs;
    private final JobOutcomes outcomes;
    private final Event<CommandTaken> taken;
    private final GatewayConfig config;

    WorkerEvents(JobStore jobs, JobOutcomes outcomes, Event<CommandTaken> taken, GatewayConfig config) {
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.taken = taken;
        this.config = config;
    }

    /** The job as the event left it, if the event changed it. */
    public Optional<Job> apply(JobEvent event) {
        Optional<Job> applied = jobs.apply(event, config.leases().duration());
        applied.filter(job -> job.state().isTerminal()).ifPresent(outcomes::ended);
        applied.filter(job -> job.state() != JobState.QUEUED).ifPresent(job -> taken.fire(new CommandTaken(job.id())));
        return applied;
    }
}
