package io.pinxit.launcher;

/** A service could not be started or did not become ready; the message says where its log is. */
public class ServiceStartException extends RuntimeException {

    public ServiceStartException(String message) {
        super(message);
    }

    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
