package io.pinxit.inference;

/** The weights on disk are not the ones the model card vouches for, so they are not loaded. */
public final class WeightHashMismatchException extends ModelLoadException {

    private final String modelId;
    private final String expectedSha256;
    private final String actualSha256;

    public WeightHashMismatchException(String modelId, String expectedSha256, String actualSha256) {
        super(
                "Refusing to load model '%s': weights sha256 is %s but its card expects %s"
                        .formatted(modelId, actualSha256, expectedSha256));
        this.modelId = modelId;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    public String modelId() {
        return modelId;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public String actualSha256() {
        return actualSha256;
    }
}
