package io.pinxit.client;

import java.net.URI;

/** A service did not answer at all: not running, or not at that address. */
public final class UnreachableException extends RuntimeException {

    public UnreachableException(URI service, Throwable cause) {
        super("Nothing answers at " + service + " (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", cause);
    }
}
