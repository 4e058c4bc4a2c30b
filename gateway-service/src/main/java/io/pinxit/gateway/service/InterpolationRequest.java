package io.pinxit.gateway.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.pinxit.contracts.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A client's request to walk a model's latent space (only a VAE has one to walk) from one end to another in
 * {@code frames} steps, both ends included, and to animate the frames, each shown for {@code frameMillis}. A missing
 * licence means all rights reserved, a missing visibility public; when an end is an artwork they default to its own.
 */
public record InterpolationRequest(
        @NotBlank String model,
        @NotNull @Valid End from,
        @NotNull @Valid End to,
        @Min(MIN_FRAMES) @Max(MAX_FRAMES) Integer frames,
        @Min(20) @Max(5000) Integer frameMillis,
        @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @Licence String licence,
        Visibility visibility,
        @Size(max = GenerationRequest.WEBHOOK_MAX_LENGTH) String webhook) {

    public static final int MIN_FRAMES = 2;
    public static final int MAX_FRAMES = 32;
    public static final int DEFAULT_FRAMES = 8;
    public static final int DEFAULT_FRAME_MILLIS = 125;

    /**
     * One end: an artwork the model made ({@code artworkId}), or the first picture of a seed ({@code seed}, with a
     * {@code label} when the model needs one).
     */
    public record End(UUID artworkId, @Min(0) @Max(GenerationRequest.MAX_SEED) Long seed, @Size(max = 100) String label) {

        @AssertTrue(message = "must give either artworkId, or seed (with a label when the model needs one), not both")
        @JsonIgnore
        public boolean isArtworkOrSeed() {
            return (artworkId == null) != (seed == null) && (artworkId == null || label == null);
        }
    }

    int framesOrDefault() {
        return frames == null ? DEFAULT_FRAMES : frames;
    }

    int frameMillisOrDefault() {
        return frameMillis == null ? DEFAULT_FRAME_MILLIS : frameMillis;
    }
}
