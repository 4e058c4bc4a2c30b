package io.pinxit.gateway.service;

import io.pinxit.contracts.JobFailure;
import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobLane;
import io.pinxit.contracts.JobProgress;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.Reproduction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the gateway knows it. {@code request} is what the client asked for, after defaults were applied;
 * {@code authorId} is the account that submitted it (absent only on rows that gateways before the outbox made from events alone);
 * {@code progress} is the latest its worker reported, if it reports any; {@code attempts} is how many times its command
 * was issued (more than once when a worker stopped answering, or an operator replayed it); {@code overdueSince} is
 * when it was found queued for longer than the queue deadline, if it was; {@code lane} is the queue it waits in.
 */
public record Job(UUID id, JobKind kind, JobState state, UUID authorId, Map<String, Object> request,
                  List<UUID> artworkIds, Reproduction reproduction, JobFailure failure, JobProgress progress,
                  int attempts, Instant overdueSince, Instant createdAt, Instant updatedAt, JobLane lane) {

    public Job {
        request = Map.copyOf(request);
        artworkIds = List.copyOf(artworkIds);
    }
}
