package io.pinxit.inference.style;

import java.util.List;

/**
 * The tuned choices of the optimisation, kept apart from what users choose ({@link StyleOptions}); see
 * docs/style/README.md for the experiments behind them.
 *
 * @param styleLayers the feature network's layers whose Gram matrices make the style, weighing alike
 * @param contentLayer the layer whose activations the content must keep
 * @param temperature the softmax temperature of the activation smoothing before the Gram matrices
 * @param contentWeight the content loss's weight at strength 0.5 (the style loss's weight is 1)
 * @param learningRate Adam's step on the pyramid levels, in 0–1 pixel units
 * @param pyramidDepth the number of Laplacian pyramid levels the picture is held as
 * @param lumaOnlyLevels how many of the finest pyramid levels change luminance only, so that no colour noise
 *     finer than the coarser levels can arise
 * @param jitter the picture is shifted by up to this many pixels each way at each step, its edges mirrored
 * @param coarsestSide the longest side of the first scale; each later scale doubles it up to the result's
 */
record StyleRecipe(
        List<String> styleLayers,
        String contentLayer,
        double temperature,
        double contentWeight,
        double learningRate,
        int pyramidDepth,
        int lumaOnlyLevels,
        int jitter,
        int coarsestSide) {

    static final StyleRecipe TUNED = new StyleRecipe(
            List.of("block_3_expand_relu", "block_6_expand_relu", "block_10_expand_relu", "block_13_expand_relu"),
            "block_6_expand_relu",
            3.0,
            0.3,
            0.005,
            4,
            2,
            2,
            128);
}
