package io.pinxit.registry;

import java.util.List;

/** A card that misses fields, or names a family or format that cannot be registered; each violation names its field. */
public final class InvalidModelCardException extends RuntimeException {

    private final List<Violation> violations;

    InvalidModelCardException(List<Violation> violations) {
        super("The model card is not valid: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One field of the card, as a JSON path under the card (e.g. {@code dataSources[0].licence}), and what is wrong. */
    public record Violation(String field, String message) {
    }
}
