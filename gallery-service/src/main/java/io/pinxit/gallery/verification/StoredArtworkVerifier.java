package io.pinxit.gallery.verification;

import io.pinxit.catalog.Artwork;
import io.pinxit.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Verifies the file an artwork's page offers for download, exactly as a stranger who downloaded it would: the
 * badge on the page is the verdict on those bytes, not a flag in the database.
 */
@ApplicationScoped
public class StoredArtworkVerifier {

    private final ObjectStore store;
    private final FileVerifier verifier;

    StoredArtworkVerifier(ObjectStore store, FileVerifier verifier) {
        this.store = store;
        this.verifier = verifier;
    }

    public VerificationReport verify(Artwork artwork) {
        try (InputStream image = store.open(artwork.image().key())) {
            return verifier.verify(image.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the image of artwork " + artwork.id(), e);
        }
    }
}
