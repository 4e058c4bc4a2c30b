package io.pinxit.inference.style;

import java.awt.image.BufferedImage;

/**
 * Moves colours between the pictures of a style transfer (Gatys et al., "Preserving Color in Neural Artistic
 * Style Transfer", 2016). Without colour preservation the content is recoloured to the style's palette before
 * the optimisation, which then only has to add texture; with it, the style is recoloured to the content's,
 * so that the texture it lends fits the content's tones, and the result takes its chroma from the content.
 */
final class ColourTransfer {

    private ColourTransfer() {}

    /**
     * The picture with its RGB mean and covariance moved onto those of {@code palette}:
     * x' = μp + Σp^½ Σx^-½ (x − μx), with symmetric matrix square roots, which keep the picture's colour
     * relations where Cholesky factors would rotate them.
     */
    static BufferedImage recoloured(BufferedImage picture, BufferedImage palette) {
        double[][] from = statistics(picture);
        double[][] to = statistics(palette);
        double[][] transform = multiply(
                SymmetricMatrix3.power(covariance(to), 0.5), SymmetricMatrix3.power(covariance(from), -0.5));
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] pixels = picture.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            int[] rgb = channels(pixels[i]);
            int[] out = new int[3];
            for (int r = 0; r < 3; r++) {
                double value = to[0][r];
                for (int c = 0; c < 3; c++) {
                    value += transform[r][c] * (rgb[c] - from[0][c]);
                }
                out[r] = clamp(value);
            }
            pixels[i] = out[0] << 16 | out[1] << 8 | out[2];
        }
        var result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, pixels, 0, width);
        return result;
    }

    /** The result's luminance with the content's chroma (YCbCr, BT.601); both pictures have the same size. */
    static BufferedImage withChromaOf(BufferedImage result, BufferedImage content) {
        int width = result.getWidth();
        int height = result.getHeight();
        int[] luminanceFrom = result.getRGB(0, 0, width, height, null, 0, width);
        int[] chromaFrom = content.getRGB(0, 0, width, height, null, 0, width);
        int[] pixels = new int[luminanceFrom.length];
        for (int i = 0; i < pixels.length; i++) {
            int[] a = channels(luminanceFrom[i]);
            int[] b = channels(chromaFrom[i]);
            double y = 0.299 * a[0] + 0.587 * a[1] + 0.114 * a[2];
            double cb = -0.168736 * b[0] - 0.331264 * b[1] + 0.5 * b[2];
            double cr = 0.5 * b[0] - 0.418688 * b[1] - 0.081312 * b[2];
            pixels[i] = clamp(y + 1.402 * cr) << 16 | clamp(y - 0.344136 * cb - 0.714136 * cr) << 8
                    | clamp(y + 1.772 * cb);
        }
        var merged = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        merged.setRGB(0, 0, width, height, pixels, 0, width);
        return merged;
    }

    /** Row 0: the mean of R, G, B; rows 1–3: their covariance. */
    private static double[][] statistics(BufferedImage picture) {
        int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
        double[] sum = new double[3];
        double[][] products = new double[3][3];
        for (int pixel : pixels) {
            int[] rgb = channels(pixel);
            for (int r = 0; r < 3; r++) {
                sum[r] += rgb[r];
                for (int c = 0; c < 3; c++) {
                    products[r][c] += (double) rgb[r] * rgb[c];
                }
            }
        }
        double n = pixels.length;
        double[][] stats = new double[4][3];
        for (int r = 0; r < 3; r++) {
            stats[0][r] = sum[r] / n;
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                // A floor on the variance keeps flat pictures (one colour) invertible.
                stats[1 + r][c] = products[r][c] / n - stats[0][r] * stats[0][c] + (r == c ? 1.0 : 0.0);
            }
        }
        return stats;
    }

    private static double[][] covariance(double[][] statistics) {
        return new double[][] {statistics[1], statistics[2], statistics[3]};
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] product = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 3; k++) {
                    product[r][c] += a[r][k] * b[k][c];
                }
            }
        }
        return product;
    }

    private static int[] channels(int rgb) {
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
