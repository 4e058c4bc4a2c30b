package io.pinxit.registry;

/** The registry's database or bucket could not be reached or did not answer as expected. */
public class ModelRegistryException extends RuntimeException {

    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
