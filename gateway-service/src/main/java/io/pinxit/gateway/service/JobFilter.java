package io.pinxit.gateway.service;

import io.pinxit.contracts.JobKind;
import io.pinxit.contracts.JobState;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which jobs a listing shows: those of {@code authorId} (of every author when empty, which only an administrator may
 * ask for), in one of {@code states} and of one of {@code kinds} (any when empty), made with {@code model}, submitted
 * at or after {@code from} and before {@code until}.
 */
public record JobFilter(Optional<UUID> authorId, Set<JobState> states, Set<JobKind> kinds, Optional<String> model,
                        Optional<Instant> from, Optional<Instant> until) {

    public JobFilter {
        states = Set.copyOf(states);
        kinds = Set.copyOf(kinds);
    }
}
