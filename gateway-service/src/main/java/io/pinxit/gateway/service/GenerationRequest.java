package io.pinxit.gateway.service;

import io.pinxit.contracts.Visibility;
import io.pinxit.contracts.prompt.PromptWords;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A client's request to generate pictures, with the authorship of what it makes. A missing seed is chosen by the
 * gateway and recorded; a missing licence means all rights reserved; a missing visibility means public. A
 * conditional model needs a {@code label} from its card, a prompt model a {@code prompt} of words its card's
 * vocabulary lists (others take neither). With {@code upscale} each picture also
 * gets a child upscaled that many times. With {@code variationOf} (an artwork the same model made; only a VAE
 * can) the pictures are variations of that artwork, of its label, straying from it by {@code strength} (0..1,
 * {@value #DEFAULT_STRENGTH} when missing); their licence and visibility then default to the artwork's. With
 * {@code webhook} (on every kind of job that makes pictures) the job's changes of state go to that URL instead of
 * the account's default webhook.
 */
public record GenerationRequest(
        @NotBlank String model,
        @Size(max = 100) String label,
        @Size(max = PromptWords.MAX_CHARACTERS) String prompt,
        @NotNull @Min(1) @Max(16) Integer count,
        @Min(0) @Max(MAX_SEED) Long seed,
        @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @Licence String licence,
        Visibility visibility,
        @UpscaleFactor Integer upscale,
        UUID variationOf,
        @DecimalMin("0.0") @DecimalMax("1.0") Double strength,
        @Size(max = WEBHOOK_MAX_LENGTH) String webhook) {

    /** The largest integer a JSON client (JavaScript included) can hold exactly. */
    public static final long MAX_SEED = 9_007_199_254_740_991L;
    public static final int WEBHOOK_MAX_LENGTH = 2000;

    public static final double DEFAULT_STRENGTH = 0.5;
}
