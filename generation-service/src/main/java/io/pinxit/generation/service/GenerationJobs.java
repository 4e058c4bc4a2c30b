package io.pinxit.generation.service;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.UpscaleCommand;
import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.jobevents.JobEventPublisher;
import io.pinxit.recording.ArtworkNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Runs one job and reports its progress; a failure is reported, then rethrown for dead-lettering. */
@ApplicationScoped
public class GenerationJobs {

    private static final Logger LOG = Logger.getLogger(GenerationJobs.class);
    static final String UNKNOWN_MODEL = "urn:pinxit:problem:unknown-model";
    static final String ARTWORK_NOT_FOUND = "urn:pinxit:problem:artwork-not-found";
    static final String GENERATION_FAILED = "urn:pinxit:problem:generation-failed";
    static final String UPSCALE_FAILED = "urn:pinxit:problem:upscale-failed";
    static final String INTERPOLATION_FAILED = "urn:pinxit:problem:interpolation-failed";

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
        run(command.jobId(), JobKind.GENERATION, () -> command.isReproduction()
                ? JobEvent.reproduced(command.jobId(), reproductions.check(command), worker.id(), clock.instant())
                : JobEvent.succeeded(command.jobId(), JobKind.GENERATION, production.produce(command), worker.id(),
                clock.instant()));
    }

    public void run(UpscaleCommand command) {
        run(command.jobId(), JobKind.UPSCALE, () -> JobEvent.succeeded(command.jobId(), JobKind.UPSCALE,
                production.produce(command), worker.id(), clock.instant()));
    }

    public void run(InterpolationCommand command) {
        run(command.jobId(), JobKind.INTERPOLATION, () -> JobEvent.succeeded(command.jobId(), JobKind.INTERPOLATION,
                production.produce(command), worker.id(), clock.instant()));
    }

    private void run(UUID jobId, JobKind kind, Supplier<JobEvent> job) {
        events.publish(JobEvent.running(jobId, kind, worker.id(), clock.instant()));
        JobEvent outcome;
        try {
            outcome = job.get();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s failed", jobId);
            events.publish(JobEvent.failed(jobId, kind, failureOf(kind, e), worker.id(), clock.instant()));
            throw e;
        }
        events.publish(outcome);
    }

    private static JobFailure failureOf(JobKind kind, RuntimeException e) {
        if (e instanceof UnknownModelException) {
            return new JobFailure(UNKNOWN_MODEL, "The model is not served", e.getMessage());
        }
        if (e instanceof ArtworkNotFoundException) {
            return new JobFailure(ARTWORK_NOT_FOUND, "No such artwork", e.getMessage());
        }
        return switch (kind) {
            case UPSCALE -> new JobFailure(UPSCALE_FAILED, "The picture could not be upscaled", e.getMessage());
            case INTERPOLATION -> new JobFailure(INTERPOLATION_FAILED, "The interpolation could not be made",
                    e.getMessage());
            default -> new JobFailure(GENERATION_FAILED, "The pictures could not be made",
                    e.getMessage());
        };
    }
}
