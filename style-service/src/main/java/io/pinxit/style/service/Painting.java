package io.pinxit.style.service;

import io.pinxit.inference.ModelCard;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * A styled picture and what made it: the {@code model} its provenance names, the {@code method} in words, and the
 * {@code settings} only that method has (a neural transfer's iterations and seed, a fast one's network).
 */
record Painting(BufferedImage picture, ModelCard model, String method, Map<String, Object> settings) {
}
