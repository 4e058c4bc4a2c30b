package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker's report of a job's progress; the gateway, which owns job state, applies it. A finished reproduction
 * job carries its {@code reproduction} outcome instead of new artworks.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobEvent(int schemaVersion, UUID jobId, JobKind kind, JobState state, List<UUID> artworkIds,
                       Reproduction reproduction, JobFailure failure, String worker, Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    public JobEvent {
        artworkIds = artworkIds == null ? List.of() : List.copyOf(artworkIds);
    }

    public static JobEvent running(UUID jobId, JobKind kind, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, kind, JobState.RUNNING, List.of(), null, null, worker, at);
    }

    public static JobEvent succeeded(UUID jobId, JobKind kind, List<UUID> artworkIds, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, kind, JobState.SUCCEEDED, artworkIds, null, null, worker, at);
    }

    public static JobEvent reproduced(UUID jobId, Reproduction reproduction, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, JobKind.GENERATION, JobState.SUCCEEDED, List.of(), reproduction,
                null, worker, at);
    }

    public static JobEvent failed(UUID jobId, JobKind kind, JobFailure failure, String worker, Instant at) {
        return new JobEvent(SCHEMA_VERSION, jobId, kind, JobState.FAILED, List.of(), null, failure, worker, at);
    }
}
