package io.pinxit.storage;

/**
 * An object as stored: its key, the SHA-256 of its bytes (lower-case hex), its size in bytes and its media type.
 */
public record StoredObject(String key, String sha256, long size, String contentType) {
}
