package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker's report of a job's progress; the gateway, which owns job state, applies it. A finished reproduction
 * job carries its {@code reproduction} outcome instead of new artworks. A RUNNING event may carry {@code progress}
 * (iterations done, a small preview); an event without it, as every event before the field existed, reads the same.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobEvent(int schemaVersion, UUID jobId, JobKind kind, JobState state, List<UUID> artworkIds,
                       Reproduction reproduction, JobFailure failure, String worker, Instant occurredAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) JobProgress progress) {

    /** Still 1: {@code progress} is optional and new, so readers of either age read both. */
    public static final int SCHEMA_VERSION = 1;

    public JobEvent {
        artworkIds = artworkIds == null ? List.of() : List.copyOf(artworkIds);
    }

    public static JobEvent running(UUID jobId, JobKind kind, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, kind, JobState.RUNNING, List.of(), null, null, worker, at, null);
    }

    public static JobEvent succeeded(UUID jobId, JobKind kind, List<UUID> artworkIds, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, kind, JobState.SUCCEEDED, artworkIds, null, null, worker, at,
                null);
    }

    public static JobEvent reproduced(UUID jobId, Reproduction reproduction, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, JobKind.GENERATION, JobState.SUCCEEDED, List.of(), reproduction,
                null, worker, at, null);
    }

    public static JobEvent failed(UUID jobId, JobKind kind, JobFailure failure, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, kind, JobState.FAILED, List.of(), null, failure, worker, at, null);
    }

    /** A RUNNING event that says how far the job is; the gateway keeps the latest such progress on the job. */
    public static JobEvent progressed(UUID jobId, JobKind kind, JobProgress progress, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, kind, JobState.RUNNING, List.of(), null, null, worker, at,
                progress);
    }
}
