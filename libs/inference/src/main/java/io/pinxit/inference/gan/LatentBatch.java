package io.pinxit.inference.gan;

/** {@code count} latent vectors of {@code latentSize} floats each, row-major. */
public record LatentBatch(float[] values, int count, int latentSize) {

    public LatentBatch {
        if (values.length != count * latentSize) {
            throw new IllegalArgumentException(
                    "Expected %d latent values, got %d".formatted(count * latentSize, values.length));
        }
    }
}
