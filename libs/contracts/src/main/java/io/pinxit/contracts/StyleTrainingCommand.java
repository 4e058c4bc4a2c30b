package io.pinxit.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Asks a style worker to learn the saved style {@code styleId}, whose picture is {@code picture}, into a fast style
 * network (Johnson et al.): {@code steps} optimiser steps over the shipped training photos, drawn by {@code seed}.
 * The network is kept beside the style; later style transfers with that style may use it.
 */
public record StyleTrainingCommand(int schemaVersion, UUID jobId, UUID styleId, UploadedImage picture, int steps,
                                   long seed, UUID requestedBy, Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final int DEFAULT_STEPS = 2000;
    public static final int MAX_STEPS = 20_000;

    public static StyleTrainingCommand of(UUID jobId, UUID styleId, UploadedImage picture, int steps, long seed,
                                          UUID requestedBy, Instant submittedAt) {
        return new StyleTrainingCommand(SCHEMA_VERSION, jobId, styleId, picture, steps, seed, requestedBy, submittedAt);
    }
}
