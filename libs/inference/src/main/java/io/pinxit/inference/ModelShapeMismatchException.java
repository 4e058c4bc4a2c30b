package io.pinxit.inference;

/**
 * A model's network does not do what its card says: it does not take a latent of the card's size, or it does not
 * give pictures of the card's size. Found by running one sample when the model is loaded.
 */
public final class ModelShapeMismatchException extends ModelLoadException {

    private final String modelId;
    private final String expectedShape;
    private final String actualShape;

    public ModelShapeMismatchException(String modelId, String expectedShape, String actualShape, Throwable cause) {
        super("Refusing to load model '%s': its card promises output %s for one latent, but the network %s"
                .formatted(modelId, expectedShape, actualShape), cause);
        this.modelId = modelId;
        this.expectedShape = expectedShape;
        this.actualShape = actualShape;
    }

    public String modelId() {
        return modelId;
    }

    /** The output the card promises for one latent, e.g. {@code [1, 3, 8, 8]}. */
    public String expectedShape() {
        return expectedShape;
    }

    /** What the network gave instead, e.g. {@code gave [1, 3, 4, 4]} or why it refused the latent. */
    public String actualShape() {
        return actualShape;
    }
}
