package io.pinxit.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobLane;
import io.pinxit.contracts.JobProgress;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Reproduction;
import io.pinxit.gateway.service.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job as clients see it; {@code progress} is the latest its worker reported (iterations, a small preview),
 * {@code styleNetwork}, only on a style training that succeeded, the network it made, {@code attempts} how many times
 * its command was issued, {@code overdueSince}, only on a job that waited past the queue deadline, since when, and
 * {@code lane} the queue it waits in.
 */
public record JobView(UUID id, JobKind kind, JobState state, Map<String, Object> request, List<UUID> artworkIds,
                      Reproduction reproduction, JobFailure failure, JobProgress progress,
                      @JsonInclude(JsonInclude.Include.NON_NULL) StyleNetworkView styleNetwork, int attempts,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Instant overdueSince, Instant createdAt,
                      Instant updatedAt, JobLane lane, Map<String, String> links) {

    static JobView of(Job job, StyleNetworkView styleNetwork) {
        String self = JobResource.PATH + "/" + job.id();
        return new JobView(job.id(), job.kind(), job.state(), job.request(), job.artworkIds(), job.reproduction(),
                job.failure(), job.progress(), styleNetwork, job.attempts(), job.overdueSince(), job.createdAt(),
                job.updatedAt(), job.lane(), Map.of("self", self, "events", self + "/events"));
    }
}
