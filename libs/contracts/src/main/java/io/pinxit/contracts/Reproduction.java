package io.pinxit.contracts;

import java.util.UUID;

/** The outcome of re-running the job that made an artwork: are the new pixels the stored ones? */
public record Reproduction(UUID artworkId, boolean identical, String storedPixelsSha256, String newPixelsSha256) {
}
