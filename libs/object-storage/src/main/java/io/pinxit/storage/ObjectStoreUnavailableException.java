package io.pinxit.storage;

import io.pinxit.delivery.PassingOutage;

/**
 * The object store could not be reached, or the connection broke mid-request: the client's transport failed, which
 * retrying after a while mends (unlike a refusal, which the server answered).
 */
public class ObjectStoreUnavailableException extends ObjectStoreException implements PassingOutage {

    public ObjectStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
