package io.pinxit.training;

import java.util.SplittableRandom;

/**
 * Which images and which noise each training step sees, derived from the seed and the step number
 * alone, so that a resumed run sees exactly what an uninterrupted one would have.
 */
final class BatchSchedule {

    /** Keeps the noise seeds apart from the shuffle seeds, which count epochs up from the seed. */
    private static final long NOISE_STREAM = 0x6E6F697365L;

    private final long seed;
    private final int datasetSize;
    private final int batchSize;
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    BatchSchedule(long seed, int datasetSize, int batchSize) {
        this.seed = seed;
        this.datasetSize = datasetSize;
        this.batchSize = batchSize;
    }

    /** Image indices of step {@code step}: consecutive slices of a fresh shuffle per epoch. */
    int[] imageIndices(int step) {
        int[] indices = new int[batchSize];
        long first = (long) step * batchSize;
        for (int i = 0; i < batchSize; i++) {
            long position = first + i;
            indices[i] = order(Math.toIntExact(position / datasetSize))[(int) (position % datasetSize)];
        }
        return indices;
    }

    /** Seed of the latent noise step {@code step} feeds the generator. */
    long noiseSeed(int step) {
        return (seed ^ NOISE_STREAM) + step;
    }

    private int[] order(int epoch) {
        if (epoch != cachedEpoch) {
            var random = new SplittableRandom(seed + epoch);
            int[] order = new int[datasetSize];
            for (int i = 0; i < datasetSize; i++) {
                order[i] = i;
            }
            for (int i = datasetSize - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
