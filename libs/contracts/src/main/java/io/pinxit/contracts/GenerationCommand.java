package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Asks a generation worker to make {@code count} pictures with a model from one seed, of {@code label} when the
 * model is conditional (one of the labels its card lists; null otherwise), or of {@code prompt} when the model draws
 * from a few words (read by {@link io.pinxit.contracts.prompt.PromptVocabulary}; null otherwise). With {@code upscale} set (one
 * of {@link UpscaleCommand#FACTORS}), each picture also gets an upscaled child: the job's artworks are then the
 * {@code count} pictures in item order, followed by their upscales in the same order. With {@code reproductionOf}
 * set, the worker re-runs the job that made that artwork and reports whether the pixels come out the same, and
 * records nothing new. With {@code variationOf} set (an artwork the same model made), the pictures are variations of
 * that artwork: points near its place in the model's latent space, {@code strength} (0..1) saying how far from it the
 * seed's noise may move them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationCommand(int schemaVersion, UUID jobId, String model, int count, long seed,
                                Authorship authorship, UUID reproductionOf,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Integer upscale,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String label,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String prompt,
                                @JsonInclude(JsonInclude.Include.NON_NULL) UUID variationOf,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Double strength, Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static GenerationCommand of(UUID jobId, String model, int count, long seed, Authorship authorship,
                                       Instant submittedAt) {
        return new GenerationCommand(SCHEMA_VERSION, jobId, model, count, seed, authorship, null, null, null, null,
                null, null, submittedAt);
    }

    public static GenerationCommand reproducing(UUID artworkId, UUID jobId, String model, int count, long seed,
                                                Authorship authorship, Instant submittedAt) {
        return new GenerationCommand(SCHEMA_VERSION, jobId, model, count, seed, authorship, artworkId, null, null, null,
                null, null, submittedAt);
    }

    /** This command, asking also for each picture upscaled {@code factor} times. */
    public GenerationCommand withUpscale(int factor) {
        return new GenerationCommand(schemaVersion, jobId, model, count, seed, authorship, reproductionOf, factor,
                label, prompt, variationOf, strength, submittedAt);
    }

    /** This command, asking a conditional model for pictures of {@code newLabel} (null: no label). */
    public GenerationCommand withLabel(String newLabel) {
        return new GenerationCommand(schemaVersion, jobId, model, count, seed, authorship, reproductionOf, upscale,
                newLabel, prompt, variationOf, strength, submittedAt);
    }

    /** This command, asking a prompt model for pictures of what {@code newPrompt} says (null: no prompt). */
    public GenerationCommand withPrompt(String newPrompt) {
        return new GenerationCommand(schemaVersion, jobId, model, count, seed, authorship, reproductionOf, upscale,
                label, newPrompt, variationOf, strength, submittedAt);
    }

    /** This command, asking for variations of {@code artworkId} that stray from it by {@code newStrength} (0..1). */
    public GenerationCommand withVariationOf(UUID artworkId, double newStrength) {
        return new GenerationCommand(schemaVersion, jobId, model, count, seed, authorship, reproductionOf, upscale,
                label, prompt, artworkId, newStrength, submittedAt);
    }

    @JsonIgnore
    public boolean isReproduction() {
        return reproductionOf != null;
    }

    @JsonIgnore
    public boolean isVariation() {
        return variationOf != null;
    }

    /** How many artworks the job records: each picture, and its upscale when one is asked for. */
    @JsonIgnore
    public int artworkCount() {
        return upscale == null ? count : 2 * count;
    }
}
