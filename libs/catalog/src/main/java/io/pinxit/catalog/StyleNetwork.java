package io.pinxit.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved style learned into a fast style network: shipped with Pinxit's models ({@code modelId}) or trained by a
 * job ({@code jobId}), exactly one of the two. Its weights are stored at {@code weightsKey}.
 *
 * @param styleLoss the training's style term at its end (0 would be the style exactly)
 * @param contentLoss the training's content term at its end
 * @param trainedBy the worker that trained it, or the training command of a shipped one
 */
public record StyleNetwork(UUID id, UUID styleId, String modelId, UUID jobId, String weightsKey, String weightsSha256,
                           Training training, String trainedBy, Instant createdAt) {

    /** How the network was trained: optimiser steps over batches of square crops of photos, drawn by a seed. */
    public record Training(int steps, int batchSize, int cropSize, long seed, double styleLoss, double contentLoss) {
    }

    public StyleNetwork {
        if ((modelId == null) == (jobId == null)) {
            throw new IllegalArgumentException("A style network is either shipped (model id) or trained (job id)");
        }
    }

    public boolean isShipped() {
        return modelId != null;
    }
}
