package io.pinxit.generation.service;

/** A command names a model this worker does not serve; retrying cannot help. */
public class UnknownModelException extends RuntimeException {

    public UnknownModelException(String modelId) {
        super("This worker does not serve model '" + modelId + "'");
    }
}
