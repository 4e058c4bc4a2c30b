package io.pinxit.inference.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Feeds latent vectors to a GAN generator and turns its {@code (N, 3, H, W)} output in [-1, 1] into RGB images. */
public final class GanTranslator implements NoBatchifyTranslator<LatentBatch, List<BufferedImage>> {

    @Override
    public NDList processInput(TranslatorContext ctx, LatentBatch batch) {
        return new NDList(ctx.getNDManager().create(batch.values(), new Shape(batch.count(), batch.latentSize())));
    }

    @Override
    public List<BufferedImage> processOutput(TranslatorContext ctx, NDList list) {
        return toImages(list.singletonOrThrow());
    }

    /** Converts generator output in [-1, 1] to 8-bit RGB images, rounding each channel to nearest. */
    public static List<BufferedImage> toImages(NDArray output) {
        Shape shape = output.getShape();
        int count = Math.toIntExact(shape.get(0));
        int height = Math.toIntExact(shape.get(2));
        int width = Math.toIntExact(shape.get(3));
        int plane = height * width;
        float[] values = output.toFloatArray();
        List<BufferedImage> images = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int base = n * 3 * plane;
            for (int p = 0; p < plane; p++) {
                int red = toByte(values[base + p]);
                int green = toByte(values[base + plane + p]);
                int blue = toByte(values[base + 2 * plane + p]);
                image.setRGB(p % width, p / width, (red << 16) | (green << 8) | blue);
            }
            images.add(image);
        }
        return images;
    }

    /**
     * Converts generator output whose values lie in [{@code min}, {@code max}] to 8-bit RGB images, mapping the
     * range linearly onto 0..255 and rounding to nearest. For the shipped [-1, 1] generators use
     * {@link #toImages(NDArray)}, whose arithmetic their recorded pixels were made with.
     */
    public static List<BufferedImage> toImages(NDArray output, double min, double max) {
        Shape shape = output.getShape();
        int count = Math.toIntExact(shape.get(0));
        int height = Math.toIntExact(shape.get(2));
        int width = Math.toIntExact(shape.get(3));
        int plane = height * width;
        float[] values = output.toFloatArray();
        double scale = 255.0 / (max - min);
        List<BufferedImage> images = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int base = n * 3 * plane;
            for (int p = 0; p < plane; p++) {
                int red = toByte(values[base + p], min, scale);
                int green = toByte(values[base + plane + p], min, scale);
                int blue = toByte(values[base + 2 * plane + p], min, scale);
                image.setRGB(p % width, p / width, (red << 16) | (green << 8) | blue);
            }
            images.add(image);
        }
        return images;
    }

    private static int toByte(float value, double min, double scale) {
        long scaled = Math.round((value - min) * scale);
        return (int) Math.max(0, Math.min(255, scaled));
    }

    private static int toByte(float value) {
        int scaled = Math.round((value + 1f) * 127.5f);
        return Math.max(0, Math.min(255, scaled));
    }
}
