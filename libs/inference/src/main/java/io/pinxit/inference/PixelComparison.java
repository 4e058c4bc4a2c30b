package io.pinxit.inference;

import java.awt.image.BufferedImage;

/**
 * How far apart two pictures of the same size are, channel by channel in 8-bit RGB: the largest difference of any
 * channel of any pixel, and the peak signal-to-noise ratio (infinite for identical pictures). Alpha is not compared.
 */
public record PixelComparison(int maxDifference, double psnr) {

    private static final double PEAK = 255.0;

    public static PixelComparison of(BufferedImage first, BufferedImage second) {
        if (first.getWidth() != second.getWidth() || first.getHeight() != second.getHeight()) {
            throw new IllegalArgumentException("Cannot compare a %d×%d picture with a %d×%d one".formatted(
                    first.getWidth(), first.getHeight(), second.getWidth(), second.getHeight()));
        }
        int width = first.getWidth();
        int[] a = first.getRGB(0, 0, width, first.getHeight(), null, 0, width);
        int[] b = second.getRGB(0, 0, width, second.getHeight(), null, 0, width);
        int max = 0;
        double squares = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                int difference = Math.abs(((a[i] >> shift) & 0xFF) - ((b[i] >> shift) & 0xFF));
                max = Math.max(max, difference);
                squares += (double) difference * difference;
            }
        }
        double meanSquare = squares / (3.0 * a.length);
        return new PixelComparison(max, meanSquare == 0 ? Double.POSITIVE_INFINITY
                : 10 * Math.log10(PEAK * PEAK / meanSquare));
    }

    public boolean identical() {
        return maxDifference == 0;
    }
}
