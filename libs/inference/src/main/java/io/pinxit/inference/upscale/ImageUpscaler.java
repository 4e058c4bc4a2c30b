package io.pinxit.inference.upscale;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.pinxit.inference.tfjs.LayersModel;
import io.pinxit.inference.tfjs.TfjsImages;
import java.awt.image.BufferedImage;

/**
 * A super-resolution network that takes RGB 0–255 of any size and returns it {@code scale} times larger,
 * as UpscalerJS's ESRGAN models do. Loaded (hash-checked) by {@code ModelLoader.loadUpscaler}; safe to
 * call from several threads.
 */
public final class ImageUpscaler implements AutoCloseable {

    private final LayersModel network;
    private final int scale;

    public ImageUpscaler(LayersModel network, int scale) {
        if (scale < 2) {
            throw new IllegalArgumentException("An upscaler enlarges at least twofold, not " + scale);
        }
        this.network = network;
        this.scale = scale;
    }

    public int scale() {
        return scale;
    }

    /** The picture {@link #scale()} times wider and higher; any alpha channel is dropped. */
    public BufferedImage upscale(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        try (NDManager manager = NDManager.newBaseManager(network.device())) {
            NDArray input = manager.create(TfjsImages.rgb(image), new Shape(1, height, width, 3));
            NDArray output = network.predict(input);
            Shape expected = new Shape(1, (long) height * scale, (long) width * scale, 3);
            if (!output.getShape().equals(expected)) {
                throw new IllegalStateException("The network made %s from %s, not %s"
                        .formatted(output.getShape(), input.getShape(), expected));
            }
            return TfjsImages.image(output.toFloatArray(), width * scale, height * scale);
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
