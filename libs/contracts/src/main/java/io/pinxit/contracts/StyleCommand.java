package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** Asks a style worker to render the content artwork in the style of the style artwork. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StyleCommand(int schemaVersion, UUID jobId, UUID contentArtworkId, UUID styleArtworkId, long seed,
                           Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static StyleCommand of(UUID jobId, UUID contentArtworkId, UUID styleArtworkId, long seed, Instant submittedAt) {
        return new StyleCommand(SCHEMA_VERSION, jobId, contentArtworkId, styleArtworkId, seed, submittedAt);
    }
}
