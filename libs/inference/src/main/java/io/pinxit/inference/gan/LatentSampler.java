package io.pinxit.inference.gan;

import java.util.SplittableRandom;

/**
 * Draws latent vectors from a seed with Java arithmetic only, never the engine's RNG, so a seed means
 * the same vectors on every JVM and machine. Standard normal values come from the Box–Muller
 * transform on {@link SplittableRandom#nextDouble()} with {@link StrictMath}, whose results are
 * specified bit for bit (unlike {@code Math} or {@code RandomGenerator.nextGaussian()}).
 */
public final class LatentSampler {

    private final int latentSize;

    public LatentSampler(int latentSize) {
        this.latentSize = latentSize;
    }

    /** {@code count} vectors, row-major; vector {@code i} is the same whatever {@code count} is. */
    public float[] sample(long seed, int count) {
        var random = new SplittableRandom(seed);
        float[] latents = new float[count * latentSize];
        for (int i = 0; i < latents.length; i += 2) {
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log1p(-random.nextDouble()));
            double angle = 2.0 * StrictMath.PI * random.nextDouble();
            latents[i] = (float) (radius * StrictMath.cos(angle));
            if (i + 1 < latents.length) {
                latents[i + 1] = (float) (radius * StrictMath.sin(angle));
            }
        }
        return latents;
    }

    public int latentSize() {
        return latentSize;
    }
}
