package io.pinxit.contracts;

import java.time.Instant;
import java.util.UUID;

/** Asks a generation worker to make {@code count} pictures with a model from one seed. */
public record GenerationCommand(int schemaVersion, UUID jobId, String model, int count, long seed,
                                Authorship authorship, Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static GenerationCommand of(UUID jobId, String model, int count, long seed, Authorship authorship,
                                       Instant submittedAt) {
        return new GenerationCommand(SCHEMA_VERSION, jobId, model, count, seed, authorship, submittedAt);
    }
}
