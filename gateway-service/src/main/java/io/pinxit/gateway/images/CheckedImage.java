package io.pinxit.gateway.images;

import io.pinxit.catalog.Upload;

/**
 * An uploaded picture that passed every check, and the PNG made from it: decoded, turned upright, 8-bit sRGB, without
 * any of the original's metadata. The facts of the original ({@code sha256} of its bytes, format, size, declared
 * dimensions, EXIF orientation) are kept for provenance; the original bytes are not.
 */
public record CheckedImage(String sha256, Upload.ImageFormat format, long byteSize, int originalWidth,
                           int originalHeight, int orientation, byte[] png, int width, int height) {
}
