package io.pinxit.inference;

import io.pinxit.contracts.prompt.InvalidPromptException;
import java.util.List;

/**
 * A loaded model that turns a seed into pictures. The same model, seed, count and label always give the
 * same pixels; image {@code i} does not depend on how many images were asked for. Safe to call from
 * several threads.
 */
public interface ImageGenerator extends AutoCloseable {

    ModelCard card();

    /**
     * Pictures from a seed alone.
     *
     * @throws UnknownLabelException when the model is conditional and needs a label
     */
    List<GeneratedImage> generate(long seed, int count);

    /**
     * Pictures of {@code label}, one of {@link #labels()}; a {@code null} label means "no label" and is
     * what a model without labels accepts.
     *
     * @throws UnknownLabelException naming the valid labels when {@code label} is not one of them
     */
    default List<GeneratedImage> generate(long seed, int count, String label) {
        if (label != null) {
            throw new UnknownLabelException(card().id(), label, labels());
        }
        return generate(seed, count);
    }

    /**
     * Pictures of what {@code prompt} says, for a model whose card lists a {@code vocabulary}.
     *
     * @throws InvalidPromptException when the model takes no prompt, or the prompt is empty, too long or has words
     *     outside the model's vocabulary (naming the nearest known ones)
     */
    default List<GeneratedImage> generateFromPrompt(long seed, int count, String prompt) {
        throw InvalidPromptException.notTakenBy(card().id());
    }

    /** The labels this model is conditioned on, in its card's order; empty when a seed is its only input. */
    default List<String> labels() {
        return card().labels();
    }

    @Override
    void close();
}
