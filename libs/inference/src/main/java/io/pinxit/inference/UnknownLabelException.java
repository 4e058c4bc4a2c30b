package io.pinxit.inference;

import java.util.List;

/** A generator was asked for a label it was not trained on (or for one at all, if it takes none). */
public final class UnknownLabelException extends IllegalArgumentException {

    private final String label;
    private final List<String> validLabels;

    public UnknownLabelException(String modelId, String label, List<String> validLabels) {
        super(message(modelId, label, validLabels));
        this.label = label;
        this.validLabels = List.copyOf(validLabels);
    }

    private static String message(String modelId, String label, List<String> validLabels) {
        if (validLabels.isEmpty()) {
            return "Model '%s' takes no label, got '%s'".formatted(modelId, label);
        }
        String valid = String.join(", ", validLabels);
        return label == null
                ? "Model '%s' needs a label; valid labels: %s".formatted(modelId, valid)
                : "Model '%s' has no label '%s'; valid labels: %s".formatted(modelId, label, valid);
    }

    /** The label asked for; {@code null} when a conditional model was asked for none. */
    public String label() {
        return label;
    }

    public List<String> validLabels() {
        return validLabels;
    }
}
