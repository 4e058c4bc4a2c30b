package io.pinxit.generation.service;

import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.InterpolationCommand;
import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.UpscaleCommand;
import io.pinxit.generation.config.WorkerConfig;
import io.pinxit.jobevents.JobExecution;
import io.pinxit.recording.ArtworkNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** Runs the generation worker's jobs through {@link JobExecution}, which retries, reports and drains them. */
@ApplicationScoped
public class GenerationJobs {

    static final String UNKNOWN_MODEL = "urn:pinxit:problem:unknown-model";
    static final String ARTWORK_NOT_FOUND = "urn:pinxit:problem:artwork-not-found";
    static final String GENERATION_FAILED = "urn:pinxit:problem:generation-failed";
    static final String UPSCALE_FAILED = "urn:pinxit:problem:upscale-failed";
    static final String INTERPOLATION_FAILED = "urn:pinxit:problem:interpolation-failed";

    private final ArtworkProduction production;
    private final ReproductionCheck reproductions;
    private final JobExecution execution;
    private final WorkerConfig worker;
    private final Clock clock;

    GenerationJobs(ArtworkProduction production, ReproductionCheck reproductions, JobExecution execution,
                   WorkerConfig worker, Clock clock) {
        this.production = production;
        this.reproductions = reproductions;
        this.execution = execution;
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
        execution.run(jobId, kind, job, e -> failureOf(kind, e));
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
