package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The outcome of re-running the job that made an artwork: are the new pixels the stored ones, and if not, how far
 * apart are they and did the platform change? {@code originalPlatform} is null for artworks recorded before platforms
 * were; {@code psnr} is null when the pixels are identical (infinite). Outcomes from before these fields read with
 * their defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reproduction(UUID artworkId, boolean identical, String storedPixelsSha256, String newPixelsSha256,
                           Closeness closeness, int maxPixelDifference, Double psnr,
                           ComputePlatform originalPlatform, ComputePlatform platform) {

    /**
     * How near the new pixels are: {@code IDENTICAL} to the bit; {@code ROUNDING}, no channel of any pixel more
     * than {@link #ROUNDING_LEVELS} levels away, which is what float rounding on other numerics does; {@code DIFFERENT}
     * otherwise (another model, other weights or a bug).
     */
    public enum Closeness { IDENTICAL, ROUNDING, DIFFERENT }

    /** The largest per-channel difference (of 255) that float rounding in other kernels has been measured to make, with margin. */
    public static final int ROUNDING_LEVELS = 2;

    /** Whether the numerics changed between the original and this run (an unknown original counts as changed). */
    @JsonProperty("platformDiffers")
    public boolean platformDiffers() {
        return platform == null || !platform.sameNumericsAs(originalPlatform);
    }

    public static Closeness closenessOf(int maxPixelDifference) {
        if (maxPixelDifference == 0) {
            return Closeness.IDENTICAL;
        }
        return maxPixelDifference <= ROUNDING_LEVELS ? Closeness.ROUNDING : Closeness.DIFFERENT;
    }
}
