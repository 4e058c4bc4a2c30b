package io.pinxit.catalog;

import java.util.Map;

/**
 * What the content screen saw in a picture and what the deployment's policy made of it, as its provenance records it:
 * the classifier ({@code model} at {@code modelVersion}), each class's probability, the policy's thresholds and its
 * {@code decision} (shown, blurred or hidden).
 */
public record ContentCheck(String model, String modelVersion, Map<String, Float> scores, double blurAt,
                           double refuseAt, Moderation decision) {

    public ContentCheck {
        scores = Map.copyOf(scores);
    }
}
