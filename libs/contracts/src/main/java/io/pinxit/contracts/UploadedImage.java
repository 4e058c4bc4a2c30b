package io.pinxit.contracts;

/**
 * A picture someone uploaded, as the gateway stored it after checking it: {@code sha256} names the bytes as uploaded
 * (the upload's identity, kept for provenance; the original bytes themselves are not kept), {@code imageKey} the PNG
 * made from them (EXIF orientation applied, metadata stripped) in the artworks' object store, {@code imageSha256} that
 * PNG's hash, and {@code width} × {@code height} its size.
 */
public record UploadedImage(String sha256, String imageKey, String imageSha256, int width, int height) {
}
