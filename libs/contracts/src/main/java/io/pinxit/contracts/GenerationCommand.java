package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Asks a generation worker to make {@code count} pictures with a model from one seed, of {@code label} when the
 * model is conditional (one of the labels its card lists; null otherwise). With {@code upscale} set (one
 * of {@link UpscaleCommand#FACTORS}), each picture also gets an upscaled child: the job's artworks are then the
 * {@code count} pictures in item order, followed by their upscales in the same order. With {@code reproductionOf}
 * set, the worker re-runs the job that made that artwork and reports whether the pixels come out the same, and
 * records nothing new.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationCommand(int schemaVersion, UUID jobId, String model, int count, long seed,
                                Authorship authorship, UUID reproductionOf,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Integer upscale,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String label, Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static GenerationCommand of(UUID jobId, String model, int count, long seed, Authorship authorship,
                                       Instant submittedAt) {
        return new GenerationCommand(SCHEMA_VERSION, jobId, model, count, seed, authorship, null, null, null,
                submittedAt);
    }

    public static GenerationCommand reproducing(UUID artworkId, UUID jobId, String model, int count, long seed,
                                                Authorship authorship, Instant submittedAt) {
        return new GenerationCommand(SCHEMA_VERSION, jobId, model, count, seed, authorship, artworkId, null, null,
                submittedAt);
    }

    /** This command, asking also for each picture upscaled {@code factor} times. */
    public GenerationCommand withUpscale(int factor) {
        return new GenerationCommand(schemaVersion, jobId, model, count, seed, authorship, reproductionOf, factor,
                label, submittedAt);
    }

    /** This command, asking a conditional model for pictures of {@code newLabel} (null: no label). */
    public GenerationCommand withLabel(String newLabel) {
        return new GenerationCommand(schemaVersion, jobId, model, count, seed, authorship, reproductionOf, upscale,
                newLabel, submittedAt);
    }

    @JsonIgnore
    public boolean isReproduction() {
        return reproductionOf != null;
    }

    /** How many artworks the job records: each picture, and its upscale when one is asked for. */
    @JsonIgnore
    public int artworkCount() {
        return upscale == null ? count : 2 * count;
    }
}
