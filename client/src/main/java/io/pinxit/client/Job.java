package io.pinxit.client;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A job as the gateway shows it (operation {@code getJob}); only what a client acts on. {@code progress} is the latest
 * its worker reported, {@code failure} why it failed, {@code reproduction} (on a reproduction) how close it came.
 */
public record Job(UUID id, String kind, String state, List<UUID> artworkIds,
                  Progress progress, Failure failure, Reproduction reproduction, Instant createdAt) {

    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    public Job {
        artworkIds = artworkIds == null ? List.of() : List.copyOf(artworkIds);
    }

    public boolean isFinished() {
        return FINISHED.contains(state);
    }

    public boolean succeeded() {
        return "SUCCEEDED".equals(state);
    }

    /** How far a worker got: {@code iteration} of {@code total}, with a small base64 PNG of the picture forming. */
    public record Progress(long iteration, long total, String preview) {
    }

    /** How close a reproduction came: {@code closeness} is IDENTICAL, ROUNDING or DIFFERENT. */
    public record Reproduction(String closeness, int maxPixelDifference) {
    }

    /** Why a job failed, as a problem. */
    public record Failure(String type, String title, String detail) {
    }
}
