package io.pinxit.inference.style;

/**
 * What a user may choose about one style transfer.
 *
 * @param strength how far the picture moves towards the style: 0 keeps the content as it is, 1 gives the
 *     style the most weight the content still survives
 * @param preserveColor transfer the style's texture only and keep the content's colours
 * @param size the result's longest side in pixels; the content's aspect ratio is kept
 * @param seed makes the optimisation's random choices, so that the same inputs and options give the same pixels
 * @param iterations optimisation steps at each scale; more is slower and closer to the style
 */
public record StyleOptions(double strength, boolean preserveColor, int size, long seed, int iterations) {

    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 1024;
    public static final int MAX_ITERATIONS = 1000;
    public static final double DEFAULT_STRENGTH = 0.7;
    public static final int DEFAULT_SIZE = 512;
    public static final int DEFAULT_ITERATIONS = 60;

    /** @throws IllegalArgumentException when a value is outside its range */
    public StyleOptions {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be between 0 and 1, not " + strength);
        }
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "size must be between %d and %d pixels, not %d".formatted(MIN_SIZE, MAX_SIZE, size));
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "iterations must be between 1 and %d, not %d".formatted(MAX_ITERATIONS, iterations));
        }
    }

    /** Strength 0.7, colours from the style, 512 pixels, seed 0, the default number of iterations. */
    public static StyleOptions defaults() {
        return new StyleOptions(DEFAULT_STRENGTH, false, DEFAULT_SIZE, 0, DEFAULT_ITERATIONS);
    }

    public StyleOptions withStrength(double strength) {
        return new StyleOptions(strength, preserveColor, size, seed, iterations);
    }

    public StyleOptions withPreserveColor(boolean preserveColor) {
        return new StyleOptions(strength, preserveColor, size, seed, iterations);
    }

    public StyleOptions withSize(int size) {
        return new StyleOptions(strength, preserveColor, size, seed, iterations);
    }

    public StyleOptions withSeed(long seed) {
        return new StyleOptions(strength, preserveColor, size, seed, iterations);
    }

    public StyleOptions withIterations(int iterations) {
        return new StyleOptions(strength, preserveColor, size, seed, iterations);
    }
}
