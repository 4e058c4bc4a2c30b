package io.pinxit.gateway.images;

/**
 * An uploaded file that will not be used as a picture, and why. The message completes "the file …" (for example "is a
 * GIF image; accepted formats are PNG, JPEG and WebP"), so that a refusal can name the file it is about.
 */
public class RefusedImageException extends Exception {

    /** Why a file is refused; each reason is one kind of problem for the client. */
    public enum Reason {
        TOO_MANY_BYTES, UNSUPPORTED_FORMAT, TOO_MANY_PIXELS, CORRUPT
    }

    private final Reason reason;

    public RefusedImageException(Reason reason, String message) {
        this(reason, message, null);
    }

    public RefusedImageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
