package io.pinxit.registry;

/** A model with this id ships with Pinxit or is registered already; ids are never reused for other weights. */
public final class ModelIdTakenException extends RuntimeException {

    private final String modelId;
    private final boolean shipped;

    ModelIdTakenException(String modelId, boolean shipped) {
        super(shipped
                ? "Model id '%s' belongs to a model that ships with Pinxit; choose another id".formatted(modelId)
                : "Model id '%s' is registered already; choose another id".formatted(modelId));
        this.modelId = modelId;
        this.shipped = shipped;
    }

    public String modelId() {
        return modelId;
    }

    /** Whether the id is a shipped model's rather than an earlier registration's. */
    public boolean shipped() {
        return shipped;
    }
}
