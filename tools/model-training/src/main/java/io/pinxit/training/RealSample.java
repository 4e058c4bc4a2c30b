package io.pinxit.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.pinxit.inference.gan.GanTranslator;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two disjoint seeded draws of real emoji pictures, prepared as for training ({@link EmojiDataset}) and rounded to
 * 8-bit RGB the way generated pictures are ({@link GanTranslator#toImages}), so that real and generated pictures
 * reach the feature extractor alike. The second draw measures how far two real samples of the same size lie apart.
 */
record RealSample(List<BufferedImage> reference, List<BufferedImage> second) {

    static RealSample draw(EmojiDataset data, int count, long seed) {
        if (2 * count > data.size()) {
            throw new IllegalArgumentException("Two disjoint draws of %d need %d pictures; the data has %d"
                    .formatted(count, 2 * count, data.size()));
        }
        int[] order = new int[data.size()];
        Arrays.setAll(order, i -> i);
        var random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new RealSample(pictures(data, Arrays.copyOfRange(order, 0, count)),
                pictures(data, Arrays.copyOfRange(order, count, 2 * count)));
    }

    private static List<BufferedImage> pictures(EmojiDataset data, int[] indices) {
        float[] tensors = new float[indices.length * EmojiDataset.IMAGE_FLOATS];
        data.copyBatch(indices, tensors);
        try (NDManager manager = NDManager.newBaseManager()) {
            return GanTranslator.toImages(
                    manager.create(tensors, new Shape(indices.length, 3, EmojiDataset.SIZE, EmojiDataset.SIZE)));
        }
    }
}
