package io.pinxit.inference;

import java.util.List;

/**
 * A loaded model that turns a seed into pictures. The same model, seed and count always give the
 * same pixels; image {@code i} does not depend on how many images were asked for. Safe to call from
 * several threads.
 */
public interface ImageGenerator extends AutoCloseable {

    ModelCard card();

    List<GeneratedImage> generate(long seed, int count);

    @Override
    void close();
}
