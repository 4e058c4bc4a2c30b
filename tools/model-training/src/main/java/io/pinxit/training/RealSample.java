package io.pinxit.training;

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
        return new RealSample(data.pictures(Arrays.copyOfRange(order, 0, count)),
                data.pictures(Arrays.copyOfRange(order, count, 2 * count)));
    }
}
