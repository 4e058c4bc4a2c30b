package io.pinxit.inference.style;

/**
 * A fast style network as training left it.
 *
 * @param weights the network's parameters, as {@link FastStyle#read} takes them
 * @param sha256 the weights' SHA-256, lower-case hex
 * @param styleLoss the style term, averaged over the last steps (0 is the style exactly)
 * @param contentLoss the content term, averaged over the last steps
 */
public record TrainedFastStyle(byte[] weights, String sha256, FastStyleSchedule schedule, double styleLoss,
                               double contentLoss) {
}
