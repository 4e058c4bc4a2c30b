package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The gateway's word that a job is cancelled: a worker that holds its command drops it, one that runs it stops at its
 * next item or step, and nothing more is recorded for it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobCancellation(int schemaVersion, UUID jobId, JobKind kind, Instant cancelledAt) {

    public static final int SCHEMA_VERSION = 1;

    public static JobCancellation of(UUID jobId, JobKind kind, Instant at) {
        return new JobCancellation(SCHEMA_VERSION, jobId, kind, at);
    }
}
