package io.pinxit.provenance;

/** Thrown when bytes handed in as a PNG are not a well-formed PNG, so nothing can be signed or stripped. */
public class InvalidImageException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidImageException(String message) {
        super(message);
    }
}
