package io.pinxit.inference.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.pinxit.inference.features.ImageEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a picture is from the style (Gram matrices of smoothed activations, Gatys et al.) and from the
 * content (activations of one layer), as the feature network sees them, at one scale. Each term is
 * relative to its target's own magnitude, so that the layers weigh alike whatever their size.
 */
final class PerceptualLoss {

    private final ImageEmbedder network;
    private final StyleRecipe recipe;
    private final NDArray content;
    private final NDManager manager;
    private final List<String> layers;
    private final Map<String, NDArray> styleGrams = new HashMap<>();
    private final Map<Integer, NDArray> contentTargets = new HashMap<>();

    /** The terms of one evaluation, each a scalar. */
    record Terms(NDArray style, NDArray content) {}

    /**
     * @param content the content at this scale, [1, 3, H, W]
     * @param style the style at this scale (any size), [1, 3, h, w]
     * @param manager owns the targets; close it when the scale is done
     */
    PerceptualLoss(ImageEmbedder network, StyleRecipe recipe, NDArray content, NDArray style, NDManager manager) {
        this.network = network;
        this.recipe = recipe;
        this.content = content;
        this.manager = manager;
        List<String> all = new ArrayList<>(recipe.styleLayers());
        if (!all.contains(recipe.contentLayer())) {
            all.add(recipe.contentLayer());
        }
        this.layers = List.copyOf(all);
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(style);
            Map<String, NDArray> features = features(style, scope);
            for (String layer : recipe.styleLayers()) {
                NDArray gram = gram(features.get(layer), recipe.temperature());
                gram.attach(manager);
                styleGrams.put(layer, gram);
            }
        }
    }

    /** The terms for {@code picture} ([1, 3, H, W], the content's size) seen through a window shifted by (dy, dx). */
    Terms evaluate(NDArray picture, int dy, int dx) {
        NDArray window = shifted(picture, dy, dx);
        Map<String, NDArray> features = features(window, window.getManager());
        NDArray style = null;
        for (String layer : recipe.styleLayers()) {
            NDArray term = relativeDistance(gram(features.get(layer), recipe.temperature()), styleGrams.get(layer));
            style = style == null ? term : style.add(term);
        }
        NDArray contentTerm = relativeDistance(features.get(recipe.contentLayer()), contentTarget(dy, dx));
        return new Terms(style, contentTerm);
    }

    /** The content's activations under the same window; at most (2 · jitter + 1)² of them are kept per scale. */
    private NDArray contentTarget(int dy, int dx) {
        return contentTargets.computeIfAbsent(dy * (2 * recipe.jitter() + 1) + dx, key -> {
            try (NDManager scope = manager.newSubManager()) {
                scope.tempAttachAll(content);
                NDArray target = features(shifted(content, dy, dx), scope).get(recipe.contentLayer());
                target.attach(manager);
                return target;
            }
        });
    }

    /**
     * The picture mirrored outwards by {@code jitter} pixels on every side and seen through a window of its own size
     * at (dy, dx), each in [0, 2 · jitter]: the network sees it shifted, and its edges away from the network's own
     * zero padding, which would otherwise draw stripes along them.
     */
    private NDArray shifted(NDArray picture, int dy, int dx) {
        int margin = recipe.jitter();
        if (margin == 0) {
            return picture;
        }
        long height = picture.getShape().get(2);
        long width = picture.getShape().get(3);
        return Mirroring.padded(picture, margin).get(new NDIndex(":, :, {}:{}, {}:{}", dy, dy + height, dx, dx + width));
    }

    /** The layers' activations, owned by {@code owner}; the network sees the picture clipped to 0–1. */
    private Map<String, NDArray> features(NDArray picture, NDManager owner) {
        return features(network, picture, layers, owner);
    }

    /** The layers' activations ([N, h, w, C]), owned by {@code owner}; the network sees the pictures clipped to 0–1. */
    static Map<String, NDArray> features(ImageEmbedder network, NDArray pictures, List<String> layers, NDManager owner) {
        NDArray input = pictures.clip(0f, 1f).transpose(0, 2, 3, 1);
        input.attach(owner);
        return network.layerOutputs(input, layers);
    }

    /**
     * Wang et al.'s activation smoothing (SWAG, CVPR 2021): a softmax, at {@code temperature}, over all of a picture's
     * activations in a layer ([N, h, w, C]). They found that the peaky activations of networks with residual
     * connections spoil Gram-based style transfer and that this restores it. Times the activations' count, so that it
     * does not depend on the picture's size.
     */
    private static NDArray smoothed(NDArray activations, double temperature) {
        long pictures = activations.getShape().get(0);
        NDArray logits = times(activations.reshape(pictures, -1), 1 / temperature).logSoftmax(1);
        return logits.add(scalar(logits, Math.log((double) activations.size() / pictures))).exp()
                .reshape(activations.getShape());
    }

    /** Each picture's channels' mean products over positions of its smoothed activations: [N, C, C] from [N, h, w, C]. */
    static NDArray gram(NDArray activations, double temperature) {
        long pictures = activations.getShape().get(0);
        long channels = activations.getShape().get(3);
        NDArray positions = smoothed(activations, temperature).reshape(pictures, -1, channels);
        return times(positions.transpose(0, 2, 1).matMul(positions), 1.0 / positions.getShape().get(1));
    }

    /** The mean squared difference relative to the target's mean square; {@code target} may broadcast. */
    static NDArray relativeDistance(NDArray value, NDArray target) {
        NDArray scale = target.square().mean();
        return value.sub(target).square().mean().div(scale.add(scalar(scale, 1e-8)));
    }

    /**
     * {@code x} times a constant held by {@code x}'s manager. DJL's {@code mul(Number)} closes the scalar array it
     * makes at once, while PyTorch keeps reading that memory (which DJL does not copy) in the backward pass:
     * gradients become garbage whenever the garbage collector has reclaimed it in between.
     */
    static NDArray times(NDArray x, double factor) {
        return x.mul(scalar(x, factor));
    }

    static NDArray scalar(NDArray like, double value) {
        return like.getManager().create((float) value);
    }
}
