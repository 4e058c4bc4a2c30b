package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Asks a worker to walk a model's latent space from one point to another in {@code frames} steps (both ends
 * included), recording each step as an artwork and then all of them, in order, as one animated PNG that shows each
 * frame for {@code frameMillis}. The job's artworks are the frames in order, followed by the animation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InterpolationCommand(int schemaVersion, UUID jobId, String model, Endpoint from, Endpoint to,
                                   int frames, int frameMillis, Authorship authorship, Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One end of an interpolation: an artwork the model made (its place in the latent space), or a seed's first
     * point, of {@code label} when the model is conditional.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Endpoint(UUID artworkId, Long seed, String label) {

        public static Endpoint ofArtwork(UUID artworkId) {
            return new Endpoint(artworkId, null, null);
        }

        public static Endpoint ofSeed(long seed, String label) {
            return new Endpoint(null, seed, label);
        }

        @JsonIgnore
        public boolean isArtwork() {
            return artworkId != null;
        }
    }

    public static InterpolationCommand of(UUID jobId, String model, Endpoint from, Endpoint to, int frames,
                                          int frameMillis, Authorship authorship, Instant submittedAt) {
        return new InterpolationCommand(SCHEMA_VERSION, jobId, model, from, to, frames, frameMillis, authorship,
                submittedAt);
    }

    /** How many artworks the job records: each frame and the animation. */
    @JsonIgnore
    public int artworkCount() {
        return frames + 1;
    }
}
