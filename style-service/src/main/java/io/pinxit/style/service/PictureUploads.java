package io.pinxit.style.service;

import io.pinxit.catalog.Upload;
import io.pinxit.catalog.Uploads;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.UploadedImage;
import io.pinxit.inference.PngEncoding;
import io.pinxit.storage.ObjectStore;
import io.pinxit.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Records a PNG this worker brings (a shipped style's picture) as the gateway records an upload: named by the SHA-256
 * of the bytes as they came, stored as a PNG re-encoded without metadata, content-addressed. The same bytes are one
 * upload, however often and by however many workers they are recorded.
 */
@ApplicationScoped
public class PictureUploads {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final ObjectStore store;
    private final Uploads uploads;
    private final Clock clock;

    PictureUploads(ObjectStore store, Uploads uploads, Clock clock) {
        this.store = store;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the bytes are not a PNG that decodes */
    Upload record(byte[] png, String name) {
        BufferedImage picture = decoded(png, name);
        StoredObject stored = store.putContentAddressed(PngEncoding.encode(picture), "image/png", "png");
        var image = new UploadedImage(Sha256.hex(png), stored.key(), stored.sha256(), picture.getWidth(),
                picture.getHeight());
        return uploads.record(new Upload(image, Upload.ImageFormat.PNG, png.length, picture.getWidth(),
                picture.getHeight(), 1, clock.instant()));
    }

    private static BufferedImage decoded(byte[] png, String name) {
        if (png.length < PNG_SIGNATURE.length
                || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            throw new IllegalArgumentException(name + " is not a PNG");
        }
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
            if (picture == null) {
                throw new IllegalArgumentException(name + " cannot be decoded");
            }
            return picture;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode " + name, e);
        }
    }
}
