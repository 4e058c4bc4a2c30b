package io.pinxit.inference.style;

import io.pinxit.inference.ModelCard;

/**
 * A fast style that ships with Pinxit: its card (with the style's credit in {@link ModelCard#style()}), the network's
 * weights as {@link FastStyle#read} takes them, and the style picture it was trained on; both hash-checked.
 */
public record ShippedFastStyle(ModelCard card, byte[] weights, byte[] picture) {
}
