package io.pinxit.inference.style;

/**
 * A training whose loss stopped being a number: every later step would only spread it through the weights, so the
 * training stops rather than publish a network that paints nothing.
 */
public class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(int step, double style, double content) {
        super("The training diverged at step %d: its style loss is %s and its content loss %s (docs/numerics.md)"
                .formatted(step, style, content));
    }
}
