package io.pinxit.training;

import java.awt.image.BufferedImage;

/**
 * Measures of a picture's luminance (BT.601, 0–255) that need no network: structural similarity with another
 * picture, and how much fine grain it carries.
 */
final class PictureMeasures {

    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double SIGMA = 1.5;
    private static final int RADIUS = 5;

    private PictureMeasures() {}

    /** The mean SSIM (Wang et al. 2004: 11×11 Gaussian window, σ 1.5) of two pictures of the same size. */
    static double ssim(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("SSIM compares pictures of the same size");
        }
        int width = a.getWidth();
        int height = a.getHeight();
        double[] x = luminance(a);
        double[] y = luminance(b);
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        double[] xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] mx = blurred(x, width, height);
        double[] my = blurred(y, width, height);
        double[] sxx = blurred(xx, width, height);
        double[] syy = blurred(yy, width, height);
        double[] sxy = blurred(xy, width, height);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double vx = sxx[i] - mx[i] * mx[i];
            double vy = syy[i] - my[i] * my[i];
            double cov = sxy[i] - mx[i] * my[i];
            sum += (2 * mx[i] * my[i] + C1) * (2 * cov + C2)
                    / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
        }
        return sum / x.length;
    }

    /** The mean absolute response of the 4-neighbour Laplacian over interior pixels: pixel-scale grain. */
    static double grain(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        double[] y = luminance(picture);
        double sum = 0;
        for (int r = 1; r < height - 1; r++) {
            for (int c = 1; c < width - 1; c++) {
                int i = r * width + c;
                sum += Math.abs(y[i - 1] + y[i + 1] + y[i - width] + y[i + width] - 4 * y[i]);
            }
        }
        return sum / ((double) (width - 2) * (height - 2));
    }

    static double[] luminance(BufferedImage picture) {
        int width = picture.getWidth();
        int[] pixels = picture.getRGB(0, 0, width, picture.getHeight(), null, 0, width);
        double[] y = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            y[i] = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
        }
        return y;
    }

    /** A separable Gaussian blur, the window renormalised where it leaves the picture. */
    private static double[] blurred(double[] values, int width, int height) {
        double[] kernel = new double[2 * RADIUS + 1];
        for (int k = -RADIUS; k <= RADIUS; k++) {
            kernel[k + RADIUS] = Math.exp(-k * k / (2 * SIGMA * SIGMA));
        }
        double[] across = new double[values.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double sum = 0;
                double weight = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    int cc = c + k;
                    if (cc >= 0 && cc < width) {
                        sum += kernel[k + RADIUS] * values[r * width + cc];
                        weight += kernel[k + RADIUS];
                    }
                }
                across[r * width + c] = sum / weight;
            }
        }
        double[] result = new double[values.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double sum = 0;
                double weight = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    int rr = r + k;
                    if (rr >= 0 && rr < height) {
                        sum += kernel[k + RADIUS] * across[rr * width + c];
                        weight += kernel[k + RADIUS];
                    }
                }
                result[r * width + c] = sum / weight;
            }
        }
        return result;
    }
}
