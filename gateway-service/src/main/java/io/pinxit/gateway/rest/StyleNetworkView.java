package io.pinxit.gateway.rest;

import io.pinxit.catalog.StyleNetwork;
import java.time.Instant;
import java.util.UUID;

/**
 * A fast style network as clients see it: whether it shipped with Pinxit or a training job made it, how long it was
 * trained, how close it came to the style and content (the training's losses at its end; lower is closer), and the
 * SHA-256 of its weights.
 */
public record StyleNetworkView(UUID id, UUID styleId, String origin, int steps, double styleLoss, double contentLoss,
                               String weightsSha256, Instant createdAt) {

    static final String SHIPPED = "shipped";
    static final String TRAINED = "trained";

    static StyleNetworkView of(StyleNetwork network) {
        var training = network.training();
        return new StyleNetworkView(network.id(), network.styleId(), network.isShipped() ? SHIPPED : TRAINED,
                training.steps(), training.styleLoss(), training.contentLoss(), network.weightsSha256(),
                network.createdAt());
    }
}
