package io.pinxit.training;

import ai.djl.MalformedModelException;
import ai.djl.nn.Block;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/** A GAN being trained one step at a time, as {@link TrainingLoop} drives it. */
interface GanTrainer extends AutoCloseable {

    /**
     * One step's losses: the discriminator's (real + fake, plus its class loss on real pictures when conditional), the
     * generator's (fooling it, plus the class it was asked for when conditional), and that class loss on real
     * pictures alone ({@code NaN} for an unconditional GAN).
     */
    record StepLosses(float discriminator, float generator, float realClass) {

        static StepLosses unconditional(float discriminator, float generator) {
            return new StepLosses(discriminator, generator, Float.NaN);
        }

        boolean hasClassLoss() {
            return !Float.isNaN(realClass);
        }
    }

    StepLosses step(int step);

    Block generator();

    Block discriminator();

    void restore(Checkpoints checkpoints, Checkpoints.Progress progress) throws IOException, MalformedModelException;

    /** Pictures from fixed latents to look at while training: {@code count} in all, or per label if conditional. */
    List<BufferedImage> preview(long seed, int count);

    @Override
    void close();
}
