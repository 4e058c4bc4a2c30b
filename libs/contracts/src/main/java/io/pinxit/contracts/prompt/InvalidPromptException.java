package io.pinxit.contracts.prompt;

import java.util.List;
import java.util.Map;

/**
 * A prompt a model cannot read: empty, too long, or with words outside its vocabulary. For unknown words,
 * {@link #suggestions()} gives each one the nearest words the model knows (possibly none).
 */
public final class InvalidPromptException extends IllegalArgumentException {

    private final Map<String, List<String>> suggestions;

    InvalidPromptException(String message) {
        this(message, Map.of());
    }

    InvalidPromptException(String message, Map<String, List<String>> suggestions) {
        super(message);
        this.suggestions = Map.copyOf(suggestions);
    }

    /** A model without a vocabulary was given a prompt. */
    public static InvalidPromptException notTakenBy(String modelId) {
        return new InvalidPromptException("Model '%s' takes no prompt".formatted(modelId));
    }

    /** A prompt model was given no prompt. */
    public static InvalidPromptException neededBy(String modelId) {
        return new InvalidPromptException("Model '%s' draws from a prompt; give one, such as \"smiling cat\"".formatted(modelId));
    }

    /** Each unknown word of the prompt with the known words nearest to it in spelling; empty for other faults. */
    public Map<String, List<String>> suggestions() {
        return suggestions;
    }
}
