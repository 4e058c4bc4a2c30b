package io.pinxit.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A fixed, seeded 80/20 split of the labelled emoji for the category classifier. It splits base emoji,
 * not files: an emoji's skin-tone variants and its Twemoji and Noto pictures all land on the same side,
 * so the held-out figure measures recognising unseen emoji rather than recolourings of seen ones. The
 * split is stratified: a fifth of each category's base emoji (rounded up) is held out.
 */
record HeldOutSplit(int[][] training, int[][] heldOut) {

    static final double HELD_OUT_SHARE = 0.2;
    private static final long SPLIT_STREAM = 0x73706C6974L;

    /** Per label, the dataset indices to learn from and to test on. */
    static HeldOutSplit of(LabelledEmoji data, long seed) {
        int classes = data.classes();
        int[][] training = new int[classes][];
        int[][] heldOut = new int[classes][];
        for (int label = 0; label < classes; label++) {
            int[] members = data.indicesOf(label);
            TreeSet<String> groupSet = new TreeSet<>();
            for (int index : members) {
                groupSet.add(data.groupOf()[index]);
            }
            List<String> groups = new ArrayList<>(groupSet);
            var random = new SplittableRandom((seed ^ SPLIT_STREAM) * 31 + label);
            for (int i = groups.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String swap = groups.get(i);
                groups.set(i, groups.get(j));
                groups.set(j, swap);
            }
            var held = new TreeSet<>(groups.subList(0, (int) Math.ceil(groups.size() * HELD_OUT_SHARE)));
            List<Integer> learn = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int index : members) {
                (held.contains(data.groupOf()[index]) ? test : learn).add(index);
            }
            training[label] = learn.stream().mapToInt(Integer::intValue).toArray();
            heldOut[label] = test.stream().mapToInt(Integer::intValue).toArray();
        }
        return new HeldOutSplit(training, heldOut);
    }

    int heldOutCount() {
        int count = 0;
        for (int[] indices : heldOut) {
            count += indices.length;
        }
        return count;
    }

    int trainingCount() {
        int count = 0;
        for (int[] indices : training) {
            count += indices.length;
        }
        return count;
    }
}
