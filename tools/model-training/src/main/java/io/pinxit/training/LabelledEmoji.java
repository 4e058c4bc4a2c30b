package io.pinxit.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Emoji images with their category label ({@code -1}: a left-out category) and their group: the base
 * emoji they are drawn from, shared by its skin-tone variants and by both emoji sets, so that a
 * held-out split can keep near-duplicates on one side.
 */
record LabelledEmoji(EmojiDataset images, List<String> labels, int[] labelOf, String[] groupOf) {

    LabelledEmoji {
        labels = List.copyOf(labels);
    }

    int classes() {
        return labels.size();
    }

    /** Dataset indices of the images with {@code label}, in dataset order. */
    int[] indicesOf(int label) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < labelOf.length; i++) {
            if (labelOf[i] == label) {
                indices.add(i);
            }
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
