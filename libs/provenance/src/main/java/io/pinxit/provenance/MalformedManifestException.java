package io.pinxit.provenance;

/** A manifest store that cannot be read: broken JUMBF, CBOR or COSE, or a missing mandatory part. */
final class MalformedManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedManifestException(String message) {
        super(message);
    }

    MalformedManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
