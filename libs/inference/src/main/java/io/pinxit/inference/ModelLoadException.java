package io.pinxit.inference;

/** A model could not be loaded: its files are missing, unreadable or not what its card says. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
