package io.pinxit.storage;

/** The object store could not be reached or refused a request. */
public class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
