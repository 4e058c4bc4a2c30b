package io.pinxit.training;

import ai.djl.nn.Block;
import java.util.List;

/**
 * What a conditional GAN is conditioned on, as {@link CganTrainer} sees it: the networks that take such condition
 * rows, the row of every example of a step, and the rows that previews draw.
 */
interface Conditions {

    /** The width of one condition row. */
    int size();

    Block generator();

    /** A discriminator that also names each picture's emoji category among {@code classes}. */
    Block discriminator(int classes);

    /** {@code batch}'s condition rows, one after another. */
    float[] rows(BalancedSchedule.Batch batch, int step);

    /** The rows a preview draws, one group of pictures each. */
    List<float[]> previews();
}
