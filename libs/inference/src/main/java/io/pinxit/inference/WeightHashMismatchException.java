package io.pinxit.inference;

/** The weights on disk are not the ones the model card vouches for, so they are not loaded. */
public final class WeightHashMismatchException extends ModelLoadException {

    private final String modelId;
    private final String file;
    private final String expectedSha256;
    private final String actualSha256;

    public WeightHashMismatchException(String modelId, String file, String expectedSha256, String actualSha256) {
        super(
                "Refusing to load model '%s': the sha256 of %s is %s but its card expects %s"
                        .formatted(modelId, file, actualSha256, expectedSha256));
        this.modelId = modelId;
        this.file = file;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    public String modelId() {
        return modelId;
    }

    /** The file whose bytes did not match, as the card names it. */
    public String file() {
        return file;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public String actualSha256() {
        return actualSha256;
    }
}
