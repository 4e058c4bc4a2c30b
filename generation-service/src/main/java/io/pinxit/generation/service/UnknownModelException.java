package io.pinxit.generation.service;

/** A command names a model, or an upscale factor, this worker does not serve; retrying cannot help. */
public class UnknownModelException extends RuntimeException {

    private UnknownModelException(String message) {
        super(message);
    }

    static UnknownModelException forModel(String modelId) {
        return new UnknownModelException("This worker does not serve model '" + modelId + "'");
    }

    static UnknownModelException forUpscaleFactor(int factor) {
        return new UnknownModelException("This worker serves no upscaler that enlarges " + factor + " times");
    }
}
