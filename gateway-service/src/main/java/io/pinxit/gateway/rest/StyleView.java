package io.pinxit.gateway.rest;

import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.SavedStyle;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.Upload;
import io.pinxit.contracts.Visibility;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A saved style as clients see it: its name, the credit every picture made with it carries, who saved it, and its
 * picture (the PNG stored, and the facts of the file as it was uploaded); {@code fastStyle} is the network style
 * transfers with it use by default, null until the style has one.
 */
public record StyleView(UUID id, String name, ProvenanceRecord.Credit credit, Visibility visibility, Owner owner,
                        Picture image, StyleNetworkView fastStyle, Instant createdAt, Map<String, String> links) {

    /** The account that saved the style. */
    public record Owner(UUID id, String name) {
    }

    /** The stored PNG ({@code sha256} of its bytes) and the file it was made from. */
    public record Picture(int width, int height, String sha256, Original original) {
    }

    /** The file as uploaded: its format, bytes, size as encoded, EXIF orientation and the SHA-256 of its bytes. */
    public record Original(Upload.ImageFormat format, long byteSize, int width, int height, int orientation,
                           String sha256) {
    }

    static StyleView of(SavedStyle style, Optional<StyleNetwork> fastStyle) {
        String self = StyleResource.PATH + "/" + style.id();
        Upload upload = style.image();
        var original = new Original(upload.format(), upload.byteSize(), upload.originalWidth(),
                upload.originalHeight(), upload.orientation(), upload.sha256());
        var picture = new Picture(upload.image().width(), upload.image().height(), upload.image().imageSha256(),
                original);
        return new StyleView(style.id(), style.name(), style.credit(), style.visibility(),
                new Owner(style.ownerId(), style.ownerName()), picture,
                fastStyle.map(StyleNetworkView::of).orElse(null), style.createdAt(),
                Map.of("self", self, "image", self + "/image"));
    }
}
