package io.pinxit.catalog;

import io.pinxit.contracts.UploadedImage;
import java.time.Instant;

/**
 * A picture someone uploaded, as checked and stored: the PNG made from it ({@code image}: upright, without metadata,
 * named by the SHA-256 of the bytes as uploaded) and the facts of those bytes: their {@code format}, {@code byteSize},
 * size as encoded, and EXIF {@code orientation} (1 when they had none).
 */
public record Upload(UploadedImage image, ImageFormat format, long byteSize, int originalWidth, int originalHeight,
                     int orientation, Instant createdAt) {

    /** The formats an upload may come in, told apart by their first bytes. */
    public enum ImageFormat {
        PNG, JPEG, WEBP
    }

    /** The upload's identity: the SHA-256 of the bytes as uploaded, lower-case hex. */
    public String sha256() {
        return image.sha256();
    }
}
