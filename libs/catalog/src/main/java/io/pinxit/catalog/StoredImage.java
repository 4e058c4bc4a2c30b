package io.pinxit.catalog;

/**
 * Where an artwork's image lies in object storage, and what it is. {@code sha256} is the hash of the stored file,
 * manifest included; {@code strippedSha256} the hash of the same file without its C2PA manifest and XMP.
 */
public record StoredImage(String key, String sha256, String strippedSha256, String mediaType, int width, int height,
                          long byteSize) {
}
