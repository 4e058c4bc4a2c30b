package io.pinxit.registry;

import io.pinxit.inference.ModelCard;
import java.time.Instant;

/**
 * A model in the registry: its card, where its weights lie in the models bucket, how big they are, and who
 * registered it when.
 */
public record RegisteredModel(ModelCard card, String weightsKey, long weightsSize, Instant registeredAt,
                              String registeredBy) {

    public String id() {
        return card.id();
    }
}
