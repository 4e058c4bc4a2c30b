package io.pinxit.training;

import java.util.SplittableRandom;

/**
 * Class-balanced batches: each example of step {@code step} picks a label uniformly, then one of that
 * label's images uniformly (with replacement), all from the seed and the step number alone, so that
 * a resumed run sees what an uninterrupted one would have. Balancing keeps the 9 % of images that are
 * "Activities" from being drowned by the 60 % that are "People &amp; Body".
 */
final class BalancedSchedule {

    private static final long NOISE_STREAM = 0x6E6F697365L;
    private static final long BATCH_STREAM = 0x6261746368L;

    private final long seed;
    private final int[][] members;
    private final int batchSize;

    /** {@code members[label]}: the dataset indices the label's examples are drawn from. */
    BalancedSchedule(long seed, int[][] members, int batchSize) {
        this.seed = seed;
        this.members = members;
        this.batchSize = batchSize;
    }

    /** One step's labels and image indices, position by position. */
    record Batch(int[] labels, int[] imageIndices) {}

    Batch batch(int step) {
        var random = new SplittableRandom((seed ^ BATCH_STREAM) * 31 + step);
        int[] labels = new int[batchSize];
        int[] images = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            labels[i] = random.nextInt(members.length);
            int[] candidates = members[labels[i]];
            images[i] = candidates[random.nextInt(candidates.length)];
        }
        return new Batch(labels, images);
    }

    /** Seed of the latent noise step {@code step} feeds the generator. */
    long noiseSeed(int step) {
        return (seed ^ NOISE_STREAM) + step;
    }
}
