package io.pinxit.inference.style;

import java.awt.image.BufferedImage;

/**
 * Hears how a style transfer advances. It is called on the transferring thread, so it should return quickly;
 * an exception it throws ends the transfer and reaches the caller, which is how a caller cancels one.
 */
public interface StyleProgress {

    /** Hears nothing. */
    StyleProgress NONE = (iteration, total) -> { };

    /** After each optimisation step: {@code iteration} of {@code total} (1-based, over all scales) are done. */
    void iterated(int iteration, int total);

    /**
     * Every few steps, and after the last: the picture as it stands, at most {@link NeuralStyle#PREVIEW_SIZE}
     * pixels on its longest side.
     */
    default void previewed(BufferedImage preview, int iteration, int total) {}
}
