package io.pinxit.catalog;

import java.util.SplittableRandom;

/**
 * An artwork's image embedding: the unit-length feature vector a model gave its picture, and a 64-bit sketch of
 * it (the signs of 64 fixed random projections) whose Hamming distances approximate the vectors' angles.
 */
public record Embedding(String modelId, float[] vector) {

    private static final int SKETCH_BITS = 64;
    private static final long PROJECTION_SEED = 0x5EED_0F_A11L;

    public Embedding {
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    public long sketch() {
        var random = new SplittableRandom(PROJECTION_SEED);
        long sketch = 0;
        for (int bit = 0; bit < SKETCH_BITS; bit++) {
            double projection = 0;
            for (float value : vector) {
                projection += value * gaussian(random);
            }
            if (projection >= 0) {
                sketch |= 1L << bit;
            }
        }
        return sketch;
    }

    /** Cosine similarity with another embedding of the same model (both are unit length). */
    public double similarity(Embedding other) {
        float[] theirs = other.vector;
        double dot = 0;
        for (int index = 0; index < Math.min(vector.length, theirs.length); index++) {
            dot += (double) vector[index] * theirs[index];
        }
        return dot;
    }

    /** A standard normal sample (Box–Muller), from a generator every process seeds alike. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
