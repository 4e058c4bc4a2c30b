package io.pinxit.storage;

/** No object is stored under the requested key. */
public class ObjectNotFoundException extends ObjectStoreException {

    public ObjectNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
