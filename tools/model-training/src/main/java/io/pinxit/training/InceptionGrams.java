package io.pinxit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.pinxit.inference.tfjs.TfjsImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A style distance measured by a network that the style transfer does not optimise: the Gram matrices of the
 * shipped Inception v3 (Gatys et al.'s style representation) at five depths, from its third convolution to
 * mixed4, compared as ||G(picture) − G(style)||² / ||G(style)||² and averaged over the layers. Pictures are
 * fed at their own size (RGB / 255), so that textures are compared at the scale they are seen at.
 */
final class InceptionGrams implements AutoCloseable {

    static final String MODEL_ID = "nsfwjs-inception-v3";
    static final List<String> LAYERS = List.of("activation_3", "activation_5", "mixed0", "mixed2", "mixed4");

    private final ShippedEmbedder inception;

    private InceptionGrams(ShippedEmbedder inception) {
        this.inception = inception;
    }

    /** Loads the Inception v3 that the models jar ships (see {@link ShippedEmbedder}), copying it under {@code scratch}. */
    static InceptionGrams load(Path scratch) throws IOException {
        return new InceptionGrams(ShippedEmbedder.load(MODEL_ID, scratch));
    }

    /** The style distance of {@code picture} from {@code style}: 0 for the style itself, larger is further. */
    double distance(BufferedImage picture, BufferedImage style) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> mine = inception.network().layerOutputs(pixels(picture, manager), LAYERS);
            Map<String, NDArray> theirs = inception.network().layerOutputs(pixels(style, manager), LAYERS);
            double sum = 0;
            for (String layer : LAYERS) {
                NDArray target = gram(theirs.get(layer));
                sum += gram(mine.get(layer)).sub(target).square().sum().getFloat() / target.square().sum().getFloat();
            }
            return sum / LAYERS.size();
        }
    }

    String description() {
        return String.format(Locale.ROOT, "%s %s (sha256 %s), Gram matrices of %s", inception.card().id(), inception.card().version(),
                inception.card().weightsSha256().substring(0, 12), String.join(", ", LAYERS));
    }

    private static NDArray gram(NDArray activations) {
        long channels = activations.getShape().get(3);
        NDArray positions = activations.reshape(-1, channels);
        return positions.transpose().matMul(positions).div(positions.getShape().get(0));
    }

    private static NDArray pixels(BufferedImage picture, NDManager manager) {
        float[] rgb = TfjsImages.rgb(picture);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] /= 255f;
        }
        return manager.create(rgb, new Shape(1, picture.getHeight(), picture.getWidth(), 3));
    }

    @Override
    public void close() {
        inception.close();
    }
}
