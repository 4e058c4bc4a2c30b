package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Asks a generation worker to make {@code count} pictures with a model from one seed. With {@code reproductionOf}
 * set, the worker re-runs the job that made that artwork and reports whether the pixels come out the same, and
 * records nothing new.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationCommand(int schemaVersion, UUID jobId, String model, int count, long seed,
                                Authorship authorship, UUID reproductionOf, Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static GenerationCommand of(UUID jobId, String model, int count, long seed, Authorship authorship,
                                       Instant submittedAt) {
        return new GenerationCommand(SCHEMA_VERSION, jobId, model, count, seed, authorship, null, submittedAt);
    }

    public static GenerationCommand reproducing(UUID artworkId, UUID jobId, String model, int count, long seed,
                                                Authorship authorship, Instant submittedAt) {
        return new GenerationCommand(SCHEMA_VERSION, jobId, model, count, seed, authorship, artworkId, submittedAt);
    }

    @JsonIgnore
    public boolean isReproduction() {
        return reproductionOf != null;
    }
}
