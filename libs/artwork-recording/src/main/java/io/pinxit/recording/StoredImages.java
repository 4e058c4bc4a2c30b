package io.pinxit.recording;

import io.pinxit.catalog.CatalogEntry;
import io.pinxit.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Reads back the signed PNG an artwork was recorded with. */
@ApplicationScoped
public class StoredImages {

    private final ObjectStore store;

    StoredImages(ObjectStore store) {
        this.store = store;
    }

    /** A recorded artwork's stored file (which a child's manifest takes as an ingredient) and its pixels. */
    public record StoredPicture(CatalogEntry entry, byte[] signedPng, BufferedImage image) {
    }

    public byte[] of(CatalogEntry entry) {
        try {
            return store.read(entry.artwork().image().key());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not read the stored image of artwork " + entry.artwork().id(), e);
        }
    }

    public StoredPicture pictureOf(CatalogEntry entry) {
        byte[] png = of(entry);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("The stored image of artwork " + entry.artwork().id()
                        + " is not a picture ImageIO can read");
            }
            return new StoredPicture(entry, png, image);
        } catch (IOException e) {
            throw new IllegalStateException("Could not decode the stored image of artwork " + entry.artwork().id(), e);
        }
    }
}
