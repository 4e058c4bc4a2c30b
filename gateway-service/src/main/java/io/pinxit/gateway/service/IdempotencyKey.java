package io.pinxit.gateway.service;

/** A client's Idempotency-Key and the fingerprint of the request it came with. */
public record IdempotencyKey(String value, String requestFingerprint) {
}
