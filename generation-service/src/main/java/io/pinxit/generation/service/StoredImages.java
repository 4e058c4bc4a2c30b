package io.pinxit.generation.service;

import io.pinxit.catalog.CatalogEntry;
import io.pinxit.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;

/** Reads back the signed PNG an artwork was recorded with. */
@ApplicationScoped
public class StoredImages {

    private final ObjectStore store;

    StoredImages(ObjectStore store) {
        this.store = store;
    }

    byte[] of(CatalogEntry entry) {
        try (InputStream image = store.open(entry.artwork().image().key())) {
            return image.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not read the stored image of artwork " + entry.artwork().id(), e);
        }
    }
}
