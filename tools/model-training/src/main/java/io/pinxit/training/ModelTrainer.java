package io.pinxit.training;

import ai.djl.MalformedModelException;
import ai.djl.nn.Block;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A model being trained one step at a time, as {@link TrainingLoop} drives it. */
interface ModelTrainer extends AutoCloseable {

    /** One figure of a step, a loss or another quantity worth averaging in the log, under the name it is logged as. */
    record Figure(String name, float value) {}

    /** Trains on step {@code step}'s batch and returns its figures, always the same names in the same order. */
    List<Figure> step(int step);

    /** The networks a checkpoint keeps, by the name of their file there. */
    Map<String, Block> networks();

    /** Loads the networks from a checkpoint and carries on training them. */
    void restore(Checkpoints checkpoints, Checkpoints.Progress progress) throws IOException, MalformedModelException;

    /** Pictures from fixed latents to look at while training: {@code count} in all, or per label if conditional. */
    List<BufferedImage> preview(long seed, int count);

    @Override
    void close();
}
