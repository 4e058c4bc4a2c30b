package io.pinxit.training;

import ai.djl.nn.Block;
import io.pinxit.inference.gan.ConditionalDcgan32;
import java.util.ArrayList;
import java.util.List;

/** Conditioning on an emoji category: each example's one-hot label row; previews draw every label. */
record LabelConditions(int classes) implements Conditions {

    @Override
    public int size() {
        return classes;
    }

    @Override
    public Block generator() {
        return ConditionalDcgan32.generator(TrainingOptions.LATENT_SIZE, TrainingOptions.BASE_WIDTH);
    }

    @Override
    public Block discriminator(int categories) {
        return ConditionalDcgan32.discriminator(TrainingOptions.BASE_WIDTH, categories);
    }

    @Override
    public float[] rows(BalancedSchedule.Batch batch, int step) {
        int[] labels = batch.labels();
        float[] rows = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            rows[i * classes + labels[i]] = 1f;
        }
        return rows;
    }

    @Override
    public List<float[]> previews() {
        List<float[]> previews = new ArrayList<>();
        for (int label = 0; label < classes; label++) {
            previews.add(ConditionalDcgan32.oneHotRow(label, classes));
        }
        return previews;
    }
}
