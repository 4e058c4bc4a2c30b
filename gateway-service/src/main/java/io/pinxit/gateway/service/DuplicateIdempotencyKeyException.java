package io.pinxit.gateway.service;

/** Another submission with the same Idempotency-Key committed first. */
public class DuplicateIdempotencyKeyException extends RuntimeException {

    public DuplicateIdempotencyKeyException(Throwable cause) {
        super("A job with this Idempotency-Key exists already", cause);
    }
}
