package io.pinxit.generation.service;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.generation.messaging.JobEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Runs one generation job and reports its progress; a failure is reported, then rethrown for dead-lettering. */
@ApplicationScoped
public class GenerationJobs {

    private static final Logger LOG = Logger.getLogger(GenerationJobs.class);
    static final String UNKNOWN_MODEL = "urn:pinxit:problem:unknown-model";
    static final String GENERATION_FAILED = "urn:pinxit:problem:generation-failed";

    private final ArtworkProduction production;
    private final ReproductionCheck reproductions;
    private final JobEventPublisher events;
    private final WorkerConfig worker;
    private final Clock clock;

    GenerationJobs(ArtworkProduction production, ReproductionCheck reproductions, JobEventPublisher events,
                   WorkerConfig worker, Clock clock) {
        this.production = production;
        this.reproductions = reproductions;
        this.events = events;
        this.worker = worker;
        this.clock = clock;
    }

    public void run(GenerationCommand command) {
        events.publish(JobEvent.running(command.jobId(), JobKind.GENERATION, worker.id(), clock.instant()));
        JobEvent outcome;
        try {
            outcome = command.isReproduction()
                    ? JobEvent.reproduced(command.jobId(), reproductions.check(command), worker.id(), clock.instant())
                    : JobEvent.succeeded(command.jobId(), JobKind.GENERATION, production.produce(command),
                    worker.id(), clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s failed", command.jobId());
            events.publish(JobEvent.failed(command.jobId(), JobKind.GENERATION, failureOf(e), worker.id(),
                    clock.instant()));
            throw e;
        }
        events.publish(outcome);
    }

    private static JobFailure failureOf(RuntimeException e) {
        if (e instanceof UnknownModelException) {
            return new JobFailure(UNKNOWN_MODEL, "The model is not served", e.getMessage());
        }
        return new JobFailure(GENERATION_FAILED, "The pictures could not be made", e.getMessage());
    }
}
