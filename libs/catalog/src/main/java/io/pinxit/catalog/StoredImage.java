package io.pinxit.catalog;

/** Where an artwork's original image lies in object storage, and what it is. */
public record StoredImage(String key, String sha256, String mediaType, int width, int height, long byteSize) {
}
