package io.pinxit.inference.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.pinxit.inference.tfjs.TfjsImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Pictures as the [1, 3, height, width] arrays of 0–1 values the optimiser works on, and back; resizing. */
final class Pictures {

    private Pictures() {}

    /**
     * The picture as three contiguous channel planes. A transposed view of interleaved RGB would make PyTorch run
     * every layer channels-last, through the oneDNN kernels that sum wrongly for some shapes on some processors
     * (docs/numerics.md).
     */
    static NDArray array(BufferedImage picture, NDManager manager) {
        float[] rgb = TfjsImages.rgb(picture);
        int pixels = picture.getWidth() * picture.getHeight();
        float[] planes = new float[rgb.length];
        for (int pixel = 0; pixel < pixels; pixel++) {
            for (int channel = 0; channel < 3; channel++) {
                planes[channel * pixels + pixel] = rgb[3 * pixel + channel] / 255f;
            }
        }
        return manager.create(planes, new Shape(1, 3, picture.getHeight(), picture.getWidth()));
    }

    static BufferedImage picture(NDArray array) {
        Shape shape = array.getShape();
        float[] rgb = array.transpose(0, 2, 3, 1).mul(255f).toFloatArray();
        return TfjsImages.image(rgb, Math.toIntExact(shape.get(3)), Math.toIntExact(shape.get(2)));
    }

    /** The width and height that give a picture of this aspect ratio {@code longestSide} pixels on its longest side. */
    static int[] fitted(int width, int height, int longestSide) {
        double scale = (double) longestSide / Math.max(width, height);
        return new int[] {
            Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /**
     * The picture drawn at another size, RGB. Shrinking halves it step by step before the last bilinear step,
     * so that every source pixel counts, as one bilinear step over a large factor would skip most of them.
     */
    static BufferedImage resized(BufferedImage picture, int width, int height) {
        BufferedImage current = rgb(picture);
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            current = drawn(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        return drawn(current, width, height);
    }

    private static BufferedImage rgb(BufferedImage picture) {
        if (picture.getType() == BufferedImage.TYPE_INT_RGB) {
            return picture;
        }
        return drawn(picture, picture.getWidth(), picture.getHeight());
    }

    private static BufferedImage drawn(BufferedImage source, int width, int height) {
        var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }
}
