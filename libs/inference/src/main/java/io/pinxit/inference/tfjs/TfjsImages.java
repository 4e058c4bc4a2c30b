package io.pinxit.inference.tfjs;

import java.awt.image.BufferedImage;

/**
 * Pictures as the float tensors TF.js models are fed, and back: RGB channels-last, alpha dropped as
 * {@code tf.browser.fromPixels} drops it, resizing as {@code tf.image.resizeBilinear} does.
 */
public final class TfjsImages {

    private TfjsImages() {}

    /** The picture's pixels as [height, width, 3] values 0–255, row by row. */
    public static float[] rgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] rgb = new float[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (argb[i] >> 16) & 0xFF;
            rgb[3 * i + 1] = (argb[i] >> 8) & 0xFF;
            rgb[3 * i + 2] = argb[i] & 0xFF;
        }
        return rgb;
    }

    /** An RGB picture from [height, width, 3] values, clipped to 0–255 and rounded. */
    public static BufferedImage image(float[] rgb, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = channel(rgb[3 * i]) << 16 | channel(rgb[3 * i + 1]) << 8 | channel(rgb[3 * i + 2]);
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    /**
     * Resizes [height, width, channels] values bilinearly with corners aligned, computing in double and
     * storing float32 as TF.js's CPU kernel does.
     */
    public static float[] resizeBilinearAlignedCorners(
            float[] values, int height, int width, int channels, int newHeight, int newWidth) {
        double rowRatio = ratio(height, newHeight);
        double columnRatio = ratio(width, newWidth);
        float[] resized = new float[newHeight * newWidth * channels];
        int out = 0;
        for (int r = 0; r < newHeight; r++) {
            double sourceRow = rowRatio * r;
            int top = (int) Math.floor(sourceRow);
            int bottom = Math.min(height - 1, (int) Math.ceil(sourceRow));
            double rowFraction = sourceRow - top;
            for (int c = 0; c < newWidth; c++) {
                double sourceColumn = columnRatio * c;
                int left = (int) Math.floor(sourceColumn);
                int right = Math.min(width - 1, (int) Math.ceil(sourceColumn));
                double columnFraction = sourceColumn - left;
                for (int k = 0; k < channels; k++) {
                    double topLeft = values[(top * width + left) * channels + k];
                    double topRight = values[(top * width + right) * channels + k];
                    double bottomLeft = values[(bottom * width + left) * channels + k];
                    double bottomRight = values[(bottom * width + right) * channels + k];
                    double upper = topLeft + (topRight - topLeft) * columnFraction;
                    double lower = bottomLeft + (bottomRight - bottomLeft) * columnFraction;
                    resized[out++] = (float) (upper + (lower - upper) * rowFraction);
                }
            }
        }
        return resized;
    }

    private static double ratio(int size, int newSize) {
        return newSize > 1 ? (double) (size - 1) / (newSize - 1) : (double) size / newSize;
    }

    private static int channel(float value) {
        return Math.round(Math.max(0f, Math.min(255f, value)));
    }
}
