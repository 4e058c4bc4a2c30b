package io.pinxit.style.service;

import java.util.UUID;

/** A style transfer names a fast style network that the catalog does not hold. */
public class UnknownStyleNetworkException extends RuntimeException {

    public UnknownStyleNetworkException(UUID networkId) {
        super("There is no fast style network " + networkId);
    }
}
