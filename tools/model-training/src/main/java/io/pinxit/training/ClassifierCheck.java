package io.pinxit.training;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/** Runs the category classifier over real held-out pictures or generated ones. */
final class ClassifierCheck {

    private static final int CHUNK = 256;

    private ClassifierCheck() {}

    /** The classifier's answers on the held-out part of {@code split}. */
    static CategoryAgreement heldOut(CategoryClassifier classifier, LabelledEmoji data, HeldOutSplit split) {
        CategoryAgreement agreement = CategoryAgreement.empty(data.labels());
        for (int label = 0; label < data.classes(); label++) {
            int[] indices = split.heldOut()[label];
            for (int from = 0; from < indices.length; from += CHUNK) {
                int[] chunk = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + CHUNK));
                float[] pixels = new float[chunk.length * EmojiDataset.IMAGE_FLOATS];
                data.images().copyBatch(chunk, pixels);
                agreement.add(label, classifier.predict(pixels, chunk.length));
            }
        }
        return agreement;
    }

    /** 32×32 RGB pictures as the classifier's channel-first input in [-1, 1]. */
    static float[] tensorOf(List<BufferedImage> images) {
        int size = EmojiDataset.SIZE;
        int plane = size * size;
        float[] pixels = new float[images.size() * EmojiDataset.IMAGE_FLOATS];
        for (int n = 0; n < images.size(); n++) {
            BufferedImage image = images.get(n);
            int base = n * EmojiDataset.IMAGE_FLOATS;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int rgb = image.getRGB(x, y);
                    for (int c = 0; c < 3; c++) {
                        pixels[base + c * plane + y * size + x] = ((rgb >>> (16 - 8 * c)) & 0xFF) / 127.5f - 1f;
                    }
                }
            }
        }
        return pixels;
    }
}
