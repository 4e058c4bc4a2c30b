package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Asks a worker to enlarge an existing artwork {@code factor} times with a super-resolution model and record the
 * result as a new artwork, a child of the original, authored as {@code authorship} says.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpscaleCommand(int schemaVersion, UUID jobId, UUID artworkId, int factor, Authorship authorship,
                             Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** The factors (per side) the suite's upscalers offer; the gateway accepts these and no others. */
    public static final List<Integer> FACTORS = List.of(2, 4);

    public static UpscaleCommand of(UUID jobId, UUID artworkId, int factor, Authorship authorship,
                                    Instant submittedAt) {
        return new UpscaleCommand(SCHEMA_VERSION, jobId, artworkId, factor, authorship, submittedAt);
    }
}
